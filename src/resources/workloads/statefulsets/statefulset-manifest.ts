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
import type {
  ContainerForm,
  EnvVarForm,
  ProbeForm,
  StatefulSetForm,
  VolumeForm,
  VolumeMountForm,
} from './statefulset-form.model';
import type { KeyValue } from '../../../common/api/vocabulary';

/**
 * Pure translation between the StatefulSet form and the Kubernetes objects it stands for (the
 * StatefulSet and its headless Service). `toForm(toManifests(f))` equals `normalizeForm(f)`, also after
 * the API server has applied its defaults: normalizeForm fills in exactly those defaults.
 */

export const APP_LABEL = 'app';
export const ALIAS_ANNOTATION = 'berth.io/alias';
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
const TIMEZONE_VOLUME = 'host-time';
const LOCALTIME = '/etc/localtime';
/** Annotations Berth owns; everything else on the StatefulSet is the user's. */
const OWN_ANNOTATIONS = new Set<string>([ALIAS_ANNOTATION, ANNOTATIONS.description, ANNOTATIONS.creator]);

export interface Manifests {
  statefulSet: V1StatefulSet;
  service: V1Service;
}

type Dict = Record<string, string>;

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
            ...compact({
              runAsUser: sc.runAsUser,
              runAsGroup: sc.runAsGroup,
              runAsNonRoot: sc.runAsNonRoot,
              privileged: sc.privileged,
              allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
              readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
            }),
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

// ---------------------------------------------------------------------------------------------
// Kubernetes objects -> form

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
          runAsUser: sc.runAsUser,
          runAsGroup: sc.runAsGroup,
          runAsNonRoot: sc.runAsNonRoot,
          privileged: sc.privileged,
          allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
          readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
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

// ---------------------------------------------------------------------------------------------
// The canonical form: defaults filled in the way the API server fills them, empty lists dropped.

export function normalizeForm(form: StatefulSetForm): StatefulSetForm {
  return compact({
    name: form.name,
    alias: form.alias,
    description: form.description,
    replicas: form.replicas ?? 1,
    serviceName: form.serviceName ?? form.name,
    containers: form.containers.map(normalizeContainer),
    initContainers: nonEmpty(form.initContainers?.map(normalizeContainer)),
    imagePullSecrets: nonEmpty(form.imagePullSecrets),
    syncHostTimezone: form.syncHostTimezone || undefined,
    updateStrategy: compact({
      type: form.updateStrategy?.type ?? 'RollingUpdate',
      partition:
        form.updateStrategy?.type === 'OnDelete' ? undefined : form.updateStrategy?.partition || undefined,
      maxUnavailable:
        form.updateStrategy?.type === 'OnDelete' ? undefined : form.updateStrategy?.maxUnavailable,
    }),
    podManagementPolicy: form.podManagementPolicy ?? 'OrderedReady',
    deploymentMode: form.deploymentMode ?? 'default',
    volumeClaimTemplates: nonEmpty(
      form.volumeClaimTemplates?.map((t) =>
        compact({
          name: t.name,
          storageClassName: t.storageClassName,
          accessModes: nonEmpty(t.accessModes) ?? ['ReadWriteOnce'],
          size: t.size,
        }),
      ),
    ),
    volumes: nonEmpty(
      form.volumes?.map((v) =>
        compact({
          name: v.name,
          type: v.type,
          claimName: v.type === 'persistentVolumeClaim' ? v.claimName : undefined,
          readOnly: v.type === 'persistentVolumeClaim' ? v.readOnly || undefined : undefined,
          medium: v.type === 'emptyDir' ? v.medium || undefined : undefined,
          sizeLimit: v.type === 'emptyDir' ? v.sizeLimit : undefined,
          path: v.type === 'hostPath' ? v.path : undefined,
          sourceName: v.type === 'configMap' || v.type === 'secret' ? v.sourceName : undefined,
          items:
            v.type === 'configMap' || v.type === 'secret'
              ? nonEmpty(v.items?.map((i) => ({ key: i.key, path: i.path })))
              : undefined,
        }),
      ),
    ),
    pvcRetentionPolicy: {
      whenDeleted: form.pvcRetentionPolicy?.whenDeleted ?? 'Retain',
      whenScaled: form.pvcRetentionPolicy?.whenScaled ?? 'Retain',
    },
    nodeSelector: sortedKeyValues(form.nodeSelector),
    labels: sortedKeyValues(form.labels),
    annotations: sortedKeyValues(form.annotations),
    minReadySeconds: form.minReadySeconds || undefined,
    revisionHistoryLimit: form.revisionHistoryLimit ?? 10,
  });
}

function normalizeContainer(c: ContainerForm): ContainerForm {
  const sc = c.securityContext;
  const securityContext = sc
    ? compact({
        runAsUser: sc.runAsUser,
        runAsGroup: sc.runAsGroup,
        runAsNonRoot: sc.runAsNonRoot,
        privileged: sc.privileged,
        allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
        readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
        capabilitiesAdd: nonEmpty(sc.capabilitiesAdd),
        capabilitiesDrop: nonEmpty(sc.capabilitiesDrop),
      })
    : undefined;
  const requests = c.resources?.requests && nonEmptyObject(compact(c.resources.requests));
  const limits = c.resources?.limits && nonEmptyObject(compact(c.resources.limits));
  return compact({
    name: c.name,
    image: c.image,
    imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image),
    command: nonEmpty(c.command),
    args: nonEmpty(c.args),
    env: nonEmpty(
      c.env?.map((e) =>
        compact({
          name: e.name,
          value: e.configMapKeyRef || e.secretKeyRef ? undefined : (e.value ?? ''),
          configMapKeyRef: e.configMapKeyRef
            ? { name: e.configMapKeyRef.name, key: e.configMapKeyRef.key }
            : undefined,
          secretKeyRef: e.configMapKeyRef
            ? undefined
            : e.secretKeyRef
              ? { name: e.secretKeyRef.name, key: e.secretKeyRef.key }
              : undefined,
        }),
      ),
    ),
    ports: nonEmpty(
      c.ports?.map((p) => ({
        name: p.name,
        protocol: p.protocol ?? 'TCP',
        containerPort: p.containerPort,
        servicePort: p.servicePort ?? p.containerPort,
      })),
    ),
    resources: requests || limits ? compact({ requests, limits }) : undefined,
    livenessProbe: normalizeProbe(c.livenessProbe),
    readinessProbe: normalizeProbe(c.readinessProbe),
    startupProbe: normalizeProbe(c.startupProbe),
    securityContext: securityContext && nonEmptyObject(securityContext),
    volumeMounts: nonEmpty(
      c.volumeMounts?.map((m: VolumeMountForm) =>
        compact({
          name: m.name,
          mountPath: m.mountPath,
          readOnly: m.readOnly || undefined,
          subPath: m.subPath || undefined,
        }),
      ),
    ),
  });
}

function normalizeProbe(p: ProbeForm | undefined): ProbeForm | undefined {
  if (!p) return undefined;
  return compact({
    type: p.type,
    path: p.type === 'httpGet' ? p.path : undefined,
    port: p.type === 'exec' ? undefined : p.port,
    scheme: p.type === 'httpGet' ? (p.scheme ?? 'HTTP') : undefined,
    command: p.type === 'exec' ? p.command : undefined,
    initialDelaySeconds: p.initialDelaySeconds || undefined,
    periodSeconds: p.periodSeconds ?? 10,
    timeoutSeconds: p.timeoutSeconds ?? 1,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  });
}

/** What the API server picks when imagePullPolicy is not given. */
export function defaultPullPolicy(image: string): string {
  const tag = /:([^/:@]+)$/.exec(image.split('@')[0])?.[1];
  return image.includes('@') || (tag !== undefined && tag !== 'latest') ? 'IfNotPresent' : 'Always';
}

// ---------------------------------------------------------------------------------------------

function dict(list?: KeyValue[]): Dict {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, kv.value]));
}

function keyValues(map?: Dict, keep: (key: string) => boolean = () => true): KeyValue[] | undefined {
  return nonEmpty(
    Object.entries(map ?? {})
      .filter(([k]) => keep(k))
      .map(([key, value]) => ({ key, value })),
  );
}

function sortedKeyValues(list?: KeyValue[]): KeyValue[] | undefined {
  return nonEmpty(
    [...(list ?? [])]
      .map((kv) => ({ key: kv.key, value: kv.value }))
      .sort((a, b) => a.key.localeCompare(b.key)),
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

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

function nonEmptyObject<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

/** Drops undefined properties, so that equal forms are deeply equal. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
