import type {
  V1Container,
  V1EnvVar,
  V1Probe,
  V1Service,
  V1StatefulSet,
  V1Volume,
  V1VolumeMount,
} from '../../../kube';
import { ANNOTATIONS } from '../../../iam/labels';
import type { KeyValue } from '../../../common/api/vocabulary';
import type { StatefulSetForm } from './statefulset-form.model';
import type { ContainerForm, EnvVarForm } from './statefulset-form-containers.model';
import type { ProbeForm } from './statefulset-form-probes.model';
import type { VolumeForm } from './statefulset-form-volumes.model';
import {
  APP_LABEL,
  ALIAS_ANNOTATION,
  compact,
  type Dict,
  LOCALTIME,
  securityScalars,
  TIMEZONE_VOLUME,
} from './statefulset-manifest-shared';
import { normalizeForm } from './statefulset-normalize';

/**
 * Form -> Kubernetes objects: the StatefulSet and its headless Service, from the normalized form (so
 * what is written carries the defaults the API server would fill in anyway).
 */

export interface Manifests {
  statefulSet: V1StatefulSet;
  service: V1Service;
}

export function toManifests(input: StatefulSetForm, namespace: string, creator?: string): Manifests {
  const form = normalizeForm(input);
  const labels: Dict = { ...dict(form.labels), [APP_LABEL]: form.name };
  const annotations: Dict = {
    ...dict(form.annotations),
    ...(form.alias !== undefined ? { [ALIAS_ANNOTATION]: form.alias } : {}),
    ...(form.description !== undefined ? { [ANNOTATIONS.description]: form.description } : {}),
    ...(creator ? { [ANNOTATIONS.creator]: creator } : {}),
  };
  const timezone = form.syncHostTimezone === true;
  const withTimezone = (c: ContainerForm) => toContainer(c, timezone);
  const affinityTerm = {
    weight: 100,
    podAffinityTerm: {
      labelSelector: { matchLabels: { [APP_LABEL]: form.name } },
      topologyKey: 'kubernetes.io/hostname',
    },
  };
  const strategy = form.updateStrategy!;
  const maxUnavailable =
    strategy.maxUnavailable === undefined
      ? undefined
      : /%$/.test(strategy.maxUnavailable)
        ? strategy.maxUnavailable
        : Number(strategy.maxUnavailable);

  const statefulSet: V1StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: form.name,
      namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      replicas: form.replicas,
      serviceName: form.serviceName!,
      selector: { matchLabels: { [APP_LABEL]: form.name } },
      podManagementPolicy: form.podManagementPolicy,
      updateStrategy:
        strategy.type === 'OnDelete'
          ? { type: 'OnDelete' }
          : {
              type: 'RollingUpdate',
              rollingUpdate: {
                partition: strategy.partition ?? 0,
                ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
              },
            },
      revisionHistoryLimit: form.revisionHistoryLimit,
      ...(form.minReadySeconds ? { minReadySeconds: form.minReadySeconds } : {}),
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: form.pvcRetentionPolicy!.whenDeleted,
        whenScaled: form.pvcRetentionPolicy!.whenScaled,
      },
      template: {
        metadata: { labels },
        spec: {
          containers: form.containers.map(withTimezone),
          ...(form.initContainers ? { initContainers: form.initContainers.map(withTimezone) } : {}),
          ...(form.imagePullSecrets
            ? { imagePullSecrets: form.imagePullSecrets.map((name) => ({ name })) }
            : {}),
          ...(form.nodeSelector ? { nodeSelector: dict(form.nodeSelector) } : {}),
          ...(form.deploymentMode === 'spread'
            ? {
                affinity: {
                  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [affinityTerm] },
                },
              }
            : {}),
          ...(form.deploymentMode === 'aggregate'
            ? {
                affinity: {
                  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [affinityTerm] },
                },
              }
            : {}),
          ...volumesOf(form, timezone),
        },
      },
      ...(form.volumeClaimTemplates
        ? {
            volumeClaimTemplates: form.volumeClaimTemplates.map((t) => ({
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: { name: t.name },
              spec: {
                accessModes: t.accessModes,
                ...(t.storageClassName ? { storageClassName: t.storageClassName } : {}),
                resources: { requests: { storage: t.size } },
              },
            })),
          }
        : {}),
    },
  };

  return { statefulSet, service: toService(form, namespace, creator) };
}

export function toService(input: StatefulSetForm, namespace: string, creator?: string): V1Service {
  const form = normalizeForm(input);
  const ports = form.containers.flatMap((c) =>
    (c.ports ?? []).map((p) => ({
      name: p.name,
      protocol: p.protocol,
      port: p.servicePort!,
      targetPort: p.containerPort,
    })),
  );
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: form.serviceName,
      namespace,
      labels: { [APP_LABEL]: form.name },
      ...(creator ? { annotations: { [ANNOTATIONS.creator]: creator } } : {}),
    },
    spec: { clusterIP: 'None', selector: { [APP_LABEL]: form.name }, ...(ports.length ? { ports } : {}) },
  };
}

function volumesOf(form: StatefulSetForm, timezone: boolean): { volumes?: V1Volume[] } {
  const volumes: V1Volume[] = (form.volumes ?? []).map(toVolume);
  if (timezone) volumes.push({ name: TIMEZONE_VOLUME, hostPath: { path: LOCALTIME, type: '' } });
  return volumes.length ? { volumes } : {};
}

function toVolume(v: VolumeForm): V1Volume {
  const items = v.items?.map((i) => ({ key: i.key, path: i.path }));
  switch (v.type) {
    case 'persistentVolumeClaim':
      return {
        name: v.name,
        persistentVolumeClaim: { claimName: v.claimName!, ...(v.readOnly ? { readOnly: true } : {}) },
      };
    case 'emptyDir':
      return {
        name: v.name,
        emptyDir: {
          ...(v.medium ? { medium: v.medium } : {}),
          ...(v.sizeLimit ? { sizeLimit: v.sizeLimit } : {}),
        },
      };
    case 'hostPath':
      return { name: v.name, hostPath: { path: v.path!, type: '' } };
    case 'configMap':
      return { name: v.name, configMap: { name: v.sourceName!, ...(items ? { items } : {}) } };
    default:
      return { name: v.name, secret: { secretName: v.sourceName!, ...(items ? { items } : {}) } };
  }
}

function toContainer(c: ContainerForm, timezone: boolean): V1Container {
  const mounts: V1VolumeMount[] = (c.volumeMounts ?? []).map((m) => ({
    name: m.name,
    mountPath: m.mountPath,
    ...(m.readOnly ? { readOnly: true } : {}),
    ...(m.subPath ? { subPath: m.subPath } : {}),
  }));
  if (timezone) mounts.push({ name: TIMEZONE_VOLUME, mountPath: LOCALTIME, readOnly: true });
  const requests = c.resources?.requests;
  const limits = c.resources?.limits;
  const sc = c.securityContext;
  return {
    name: c.name,
    image: c.image,
    imagePullPolicy: c.imagePullPolicy,
    ...(c.command ? { command: c.command } : {}),
    ...(c.args ? { args: c.args } : {}),
    ...(c.env ? { env: c.env.map(toEnvVar) } : {}),
    ...(c.ports
      ? {
          ports: c.ports.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol })),
        }
      : {}),
    ...(requests || limits
      ? {
          resources: {
            ...(requests ? { requests: compact(requests) as Dict } : {}),
            ...(limits ? { limits: compact(limits) as Dict } : {}),
          },
        }
      : {}),
    ...(c.livenessProbe ? { livenessProbe: toProbe(c.livenessProbe) } : {}),
    ...(c.readinessProbe ? { readinessProbe: toProbe(c.readinessProbe) } : {}),
    ...(c.startupProbe ? { startupProbe: toProbe(c.startupProbe) } : {}),
    ...(sc
      ? {
          securityContext: {
            ...compact(securityScalars(sc)),
            ...(sc.capabilitiesAdd || sc.capabilitiesDrop
              ? { capabilities: compact({ add: sc.capabilitiesAdd, drop: sc.capabilitiesDrop }) }
              : {}),
          },
        }
      : {}),
    ...(mounts.length ? { volumeMounts: mounts } : {}),
  };
}

function toEnvVar(e: EnvVarForm): V1EnvVar {
  if (e.configMapKeyRef)
    return {
      name: e.name,
      valueFrom: { configMapKeyRef: { name: e.configMapKeyRef.name, key: e.configMapKeyRef.key } },
    };
  if (e.secretKeyRef)
    return {
      name: e.name,
      valueFrom: { secretKeyRef: { name: e.secretKeyRef.name, key: e.secretKeyRef.key } },
    };
  return { name: e.name, value: e.value ?? '' };
}

function toProbe(p: ProbeForm): V1Probe {
  const timing = compact({
    initialDelaySeconds: p.initialDelaySeconds || undefined,
    periodSeconds: p.periodSeconds,
    timeoutSeconds: p.timeoutSeconds,
    successThreshold: p.successThreshold,
    failureThreshold: p.failureThreshold,
  });
  if (p.type === 'httpGet') return { httpGet: { path: p.path, port: p.port!, scheme: p.scheme }, ...timing };
  if (p.type === 'tcpSocket') return { tcpSocket: { port: p.port! }, ...timing };
  return { exec: { command: p.command }, ...timing };
}

function dict(list?: KeyValue[]): Dict {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, kv.value]));
}
