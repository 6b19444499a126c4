import type { FieldError } from '../../../common/errors/domain-error';
import {
  isQualifiedName,
  isLabelValue,
  LABEL_KEY_MESSAGE,
  LABEL_VALUE_MESSAGE,
} from '../../../common/validation/labels';
import { ANNOTATIONS } from '../../../iam/labels';
import { isQuantity, parseQuantity, QUANTITY_MESSAGE } from '../../../kube/quantity';
import type { ContainerForm } from './statefulset-form-containers.model';
import type { StatefulSetForm } from './statefulset-form.model';
import type { ProbeForm } from './statefulset-form-probes.model';
import { ALIAS_ANNOTATION, APP_LABEL } from './statefulset-manifest-shared';
import type { KeyValue } from '../../../common/api/vocabulary';

/**
 * The checks class-validator cannot express, because they relate fields to each other: unique names
 * and ports, mounts of volumes that exist, requests not above limits, one source per variable. Each
 * problem names its field, with the same paths the client sent.
 */
export function validateForm(form: StatefulSetForm): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });

  const volumeNames = new Map<string, string>();
  (form.volumeClaimTemplates ?? []).forEach((t, i) => {
    claimName(volumeNames, t.name, `volumeClaimTemplates[${i}].name`, add);
    if (!isQuantity(t.size) || parseQuantity(t.size) <= 0)
      add(`volumeClaimTemplates[${i}].size`, 'must be a positive quantity such as 1Gi');
  });
  (form.volumes ?? []).forEach((v, i) => {
    const at = `volumes[${i}]`;
    claimName(volumeNames, v.name, `${at}.name`, add);
    if (form.syncHostTimezone && v.name === 'host-time') add(`${at}.name`, 'is used by syncHostTimezone');
    if (v.type === 'persistentVolumeClaim' && !v.claimName)
      add(`${at}.claimName`, 'is required for a persistentVolumeClaim volume');
    if (v.type === 'hostPath' && !v.path) add(`${at}.path`, 'is required for a hostPath volume');
    if ((v.type === 'configMap' || v.type === 'secret') && !v.sourceName)
      add(`${at}.sourceName`, `is required for a ${v.type} volume`);
    if (v.sizeLimit !== undefined && !isQuantity(v.sizeLimit)) add(`${at}.sizeLimit`, QUANTITY_MESSAGE);
  });

  const containerNames = new Set<string>();
  const portNames = new Map<string, string>();
  const servicePorts = new Map<string, string>();
  const check = (list: ContainerForm[] | undefined, field: 'containers' | 'initContainers') =>
    (list ?? []).forEach((c, i) => {
      const at = `${field}[${i}]`;
      if (containerNames.has(c.name)) add(`${at}.name`, `"${c.name}" is used by another container`);
      containerNames.add(c.name);
      validateContainer(c, at, volumeNames, add);
      if (field === 'initContainers') {
        for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
          if (c[probe]) add(`${at}.${probe}`, 'init containers run to completion and take no probes');
        }
      }
      (c.ports ?? []).forEach((p, j) => {
        const portAt = `${at}.ports[${j}]`;
        const nameUser = portNames.get(p.name);
        if (nameUser) add(`${portAt}.name`, `"${p.name}" is already used by ${nameUser}`);
        portNames.set(p.name, portAt);
        for (const [port, path, what] of [
          [p.containerPort, `${portAt}.containerPort`, 'container'],
          [p.servicePort ?? p.containerPort, `${portAt}.servicePort`, 'service'],
        ] as const) {
          const key = `${what}/${p.protocol ?? 'TCP'}/${port}`;
          const user = servicePorts.get(key);
          if (user) add(path, `${port}/${p.protocol ?? 'TCP'} is already used by ${user}`);
          servicePorts.set(key, portAt);
        }
      });
    });
  check(form.containers, 'containers');
  check(form.initContainers, 'initContainers');

  validateLabels(form.labels, 'labels', add, true);
  validateLabels(form.nodeSelector, 'nodeSelector', add, false);
  (form.annotations ?? []).forEach((kv, i) => {
    if (!isQualifiedName(kv.key))
      add(`annotations[${i}].key`, 'must be a qualified name such as example.com/owner');
    if ([ALIAS_ANNOTATION, ANNOTATIONS.description, ANNOTATIONS.creator].includes(kv.key))
      add(`annotations[${i}].key`, 'is set by Berth');
  });
  const strategy = form.updateStrategy;
  if (
    strategy?.type === 'OnDelete' &&
    (strategy.partition !== undefined || strategy.maxUnavailable !== undefined)
  ) {
    add('updateStrategy', 'partition and maxUnavailable apply to RollingUpdate only');
  }
  return errors;
}

function claimName(
  names: Map<string, string>,
  name: string,
  path: string,
  add: (path: string, message: string) => void,
): void {
  const user = names.get(name);
  if (user) add(path, `"${name}" is already used by ${user}`);
  else names.set(name, path);
}

function validateContainer(
  c: ContainerForm,
  at: string,
  volumes: Map<string, string>,
  add: (path: string, message: string) => void,
): void {
  (c.env ?? []).forEach((e, k) => {
    const sources = [
      e.value !== undefined,
      e.configMapKeyRef !== undefined,
      e.secretKeyRef !== undefined,
    ].filter(Boolean).length;
    if (sources > 1) add(`${at}.env[${k}]`, 'takes one of value, configMapKeyRef and secretKeyRef');
  });
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory'] as const) {
      const value = c.resources?.[kind]?.[resource];
      if (value !== undefined && (!isQuantity(value) || parseQuantity(value) < 0))
        add(`${at}.resources.${kind}.${resource}`, QUANTITY_MESSAGE);
    }
  }
  for (const resource of ['cpu', 'memory'] as const) {
    const request = c.resources?.requests?.[resource];
    const limit = c.resources?.limits?.[resource];
    if (
      request &&
      limit &&
      isQuantity(request) &&
      isQuantity(limit) &&
      parseQuantity(request) > parseQuantity(limit)
    ) {
      add(`${at}.resources.requests.${resource}`, `must not exceed the limit (${limit})`);
    }
  }
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = c[kind];
    if (probe) validateProbe(probe, `${at}.${kind}`, add);
    if (kind !== 'readinessProbe' && probe?.successThreshold !== undefined && probe.successThreshold !== 1)
      add(`${at}.${kind}.successThreshold`, 'must be 1 for liveness and startup probes');
  }
  if (c.securityContext?.privileged && c.securityContext.allowPrivilegeEscalation === false)
    add(`${at}.securityContext.allowPrivilegeEscalation`, 'cannot be false for a privileged container');
  const paths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, k) => {
    if (!volumes.has(m.name))
      add(`${at}.volumeMounts[${k}].name`, `no volume or volume claim template is named "${m.name}"`);
    if (paths.has(m.mountPath))
      add(`${at}.volumeMounts[${k}].mountPath`, `"${m.mountPath}" is mounted twice`);
    paths.add(m.mountPath);
  });
}

function validateProbe(p: ProbeForm, at: string, add: (path: string, message: string) => void): void {
  if ((p.type === 'httpGet' || p.type === 'tcpSocket') && p.port === undefined)
    add(`${at}.port`, `is required for ${p.type}`);
  if (p.type === 'httpGet' && !p.path) add(`${at}.path`, 'is required for httpGet');
  if (p.type === 'exec' && !p.command?.length) add(`${at}.command`, 'is required for exec');
}

function validateLabels(
  list: KeyValue[] | undefined,
  field: string,
  add: (path: string, message: string) => void,
  reserveApp: boolean,
): void {
  (list ?? []).forEach((kv, i) => {
    if (!isQualifiedName(kv.key)) add(`${field}[${i}].key`, LABEL_KEY_MESSAGE);
    if (reserveApp && kv.key === APP_LABEL)
      add(`${field}[${i}].key`, `"${APP_LABEL}" is set by Berth to the StatefulSet's name`);
    if (!isLabelValue(kv.value)) add(`${field}[${i}].value`, LABEL_VALUE_MESSAGE);
  });
}
