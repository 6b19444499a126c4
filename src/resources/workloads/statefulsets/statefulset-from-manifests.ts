import type { V1Container, V1Probe, V1Service, V1StatefulSet, V1Volume } from '../../../kube';
import { ANNOTATIONS } from '../../../iam/labels';
import type { KeyValue } from '../../../common/api/vocabulary';
import type { StatefulSetForm } from './statefulset-form.model';
import type { ContainerForm } from './statefulset-form-containers.model';
import type { ProbeForm } from './statefulset-form-probes.model';
import type { VolumeForm } from './statefulset-form-volumes.model';
import {
  ALIAS_ANNOTATION,
  APP_LABEL,
  compact,
  type Dict,
  LOCALTIME,
  nonEmpty,
  OWN_ANNOTATIONS,
  securityScalars,
  TIMEZONE_VOLUME,
} from './statefulset-manifest-shared';
import { normalizeForm } from './statefulset-normalize';

/**
 * Kubernetes objects -> form: what the StatefulSet (and its Service, for the service ports) says, as
 * the normalized form. What the form cannot show (another kind of volume) is left out here and kept
 * by an update (see statefulset-merge.ts).
 */

export function toForm(statefulSet: V1StatefulSet, service?: V1Service | null): StatefulSetForm {
  const spec = statefulSet.spec!;
  const pod = spec.template.spec!;
  const metadata = statefulSet.metadata ?? {};
  const annotations = metadata.annotations ?? {};
  const timezone = (pod.volumes ?? []).some(
    (v) => v.name === TIMEZONE_VOLUME && v.hostPath?.path === LOCALTIME,
  );
  const servicePorts = new Map((service?.spec?.ports ?? []).map((p) => [p.name ?? '', p.port]));
  const affinity = pod.affinity;
  const rolling = spec.updateStrategy?.rollingUpdate;
  const retention = spec.persistentVolumeClaimRetentionPolicy;

  return normalizeForm({
    name: metadata.name ?? '',
    alias: annotations[ALIAS_ANNOTATION],
    description: annotations[ANNOTATIONS.description],
    replicas: spec.replicas,
    serviceName: spec.serviceName,
    containers: pod.containers.map((c) => fromContainer(c, servicePorts)),
    initContainers: pod.initContainers?.map((c) => fromContainer(c, servicePorts)),
    imagePullSecrets: pod.imagePullSecrets?.map((s) => s.name ?? ''),
    syncHostTimezone: timezone || undefined,
    updateStrategy: {
      type: spec.updateStrategy?.type ?? 'RollingUpdate',
      partition: rolling?.partition || undefined,
      maxUnavailable: rolling?.maxUnavailable === undefined ? undefined : String(rolling.maxUnavailable),
    },
    podManagementPolicy: spec.podManagementPolicy,
    deploymentMode: affinity?.podAntiAffinity ? 'spread' : affinity?.podAffinity ? 'aggregate' : 'default',
    volumeClaimTemplates: spec.volumeClaimTemplates?.map((t) => ({
      name: t.metadata?.name ?? '',
      storageClassName: t.spec?.storageClassName,
      accessModes: t.spec?.accessModes,
      size: String(t.spec?.resources?.requests?.storage ?? ''),
    })),
    volumes: pod.volumes
      ?.filter((v) => !(timezone && v.name === TIMEZONE_VOLUME))
      .map(fromVolume)
      .filter((v): v is VolumeForm => v !== null),
    pvcRetentionPolicy: retention
      ? { whenDeleted: retention.whenDeleted ?? 'Retain', whenScaled: retention.whenScaled ?? 'Retain' }
      : undefined,
    nodeSelector: keyValues(pod.nodeSelector),
    labels: keyValues(metadata.labels, (k) => k !== APP_LABEL),
    annotations: keyValues(annotations, (k) => !OWN_ANNOTATIONS.has(k)),
    minReadySeconds: spec.minReadySeconds || undefined,
    revisionHistoryLimit: spec.revisionHistoryLimit,
  });
}

function fromContainer(c: V1Container, servicePorts: Map<string, number>): ContainerForm {
  const sc = c.securityContext;
  const resources = c.resources;
  return {
    name: c.name,
    image: c.image ?? '',
    imagePullPolicy: c.imagePullPolicy,
    command: c.command,
    args: c.args,
    env: c.env?.map((e) => ({
      name: e.name,
      value: e.valueFrom ? undefined : (e.value ?? ''),
      configMapKeyRef: e.valueFrom?.configMapKeyRef
        ? { name: e.valueFrom.configMapKeyRef.name ?? '', key: e.valueFrom.configMapKeyRef.key }
        : undefined,
      secretKeyRef: e.valueFrom?.secretKeyRef
        ? { name: e.valueFrom.secretKeyRef.name ?? '', key: e.valueFrom.secretKeyRef.key }
        : undefined,
    })),
    ports: c.ports?.map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol,
      containerPort: p.containerPort,
      servicePort: servicePorts.get(p.name ?? '') ?? p.containerPort,
    })),
    resources:
      resources?.requests || resources?.limits
        ? { requests: amounts(resources.requests), limits: amounts(resources.limits) }
        : undefined,
    livenessProbe: fromProbe(c.livenessProbe),
    readinessProbe: fromProbe(c.readinessProbe),
    startupProbe: fromProbe(c.startupProbe),
    securityContext: sc
      ? {
          ...securityScalars(sc),
          capabilitiesAdd: sc.capabilities?.add,
          capabilitiesDrop: sc.capabilities?.drop,
        }
      : undefined,
    volumeMounts: c.volumeMounts
      ?.filter((m) => !(m.name === TIMEZONE_VOLUME && m.mountPath === LOCALTIME))
      .map((m) => ({ name: m.name, mountPath: m.mountPath, readOnly: m.readOnly, subPath: m.subPath })),
  };
}

function fromProbe(p: V1Probe | undefined): ProbeForm | undefined {
  if (!p) return undefined;
  const timing = {
    initialDelaySeconds: p.initialDelaySeconds,
    periodSeconds: p.periodSeconds,
    timeoutSeconds: p.timeoutSeconds,
    successThreshold: p.successThreshold,
    failureThreshold: p.failureThreshold,
  };
  if (p.httpGet)
    return {
      type: 'httpGet',
      path: p.httpGet.path,
      port: Number(p.httpGet.port),
      scheme: p.httpGet.scheme,
      ...timing,
    };
  if (p.tcpSocket) return { type: 'tcpSocket', port: Number(p.tcpSocket.port), ...timing };
  return { type: 'exec', command: p.exec?.command, ...timing };
}

/** Volume kinds outside the form (e.g. projected) are not shown; an update keeps them (see mergeInto). */
function fromVolume(v: V1Volume): VolumeForm | null {
  const items = (list?: { key: string; path: string }[]) => list?.map((i) => ({ key: i.key, path: i.path }));
  if (v.persistentVolumeClaim)
    return {
      name: v.name,
      type: 'persistentVolumeClaim',
      claimName: v.persistentVolumeClaim.claimName,
      readOnly: v.persistentVolumeClaim.readOnly,
    };
  if (v.emptyDir)
    return {
      name: v.name,
      type: 'emptyDir',
      medium: v.emptyDir.medium || undefined,
      sizeLimit: v.emptyDir.sizeLimit === undefined ? undefined : String(v.emptyDir.sizeLimit),
    };
  if (v.hostPath) return { name: v.name, type: 'hostPath', path: v.hostPath.path };
  if (v.configMap)
    return { name: v.name, type: 'configMap', sourceName: v.configMap.name, items: items(v.configMap.items) };
  if (v.secret)
    return { name: v.name, type: 'secret', sourceName: v.secret.secretName, items: items(v.secret.items) };
  return null;
}

function keyValues(map?: Dict, keep: (key: string) => boolean = () => true): KeyValue[] | undefined {
  return nonEmpty(
    Object.entries(map ?? {})
      .filter(([k]) => keep(k))
      .map(([key, value]) => ({ key, value })),
  );
}

/** Quantities arrive as strings (or numbers, from YAML written by hand). */
function amounts(map?: Record<string, string | number>): { cpu?: string; memory?: string } | undefined {
  if (!map) return undefined;
  return compact({
    cpu: map.cpu === undefined ? undefined : String(map.cpu),
    memory: map.memory === undefined ? undefined : String(map.memory),
  });
}
