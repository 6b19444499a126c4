import type { KeyValue } from '../../../common/api/vocabulary';
import type { StatefulSetForm } from './statefulset-form.model';
import type { ContainerForm } from './statefulset-form-containers.model';
import type { ProbeForm } from './statefulset-form-probes.model';
import type { VolumeMountForm } from './statefulset-form-volumes.model';
import { compact, nonEmpty, nonEmptyObject, securityScalars } from './statefulset-manifest-shared';

/**
 * The canonical form: defaults filled in the way the API server fills them, empty lists dropped,
 * fields of other volume and probe types cleared, key/value lists sorted. Equal StatefulSets have
 * equal normalized forms, which is what the round trip compares.
 */

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
        ...securityScalars(sc),
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

function sortedKeyValues(list?: KeyValue[]): KeyValue[] | undefined {
  return nonEmpty(
    [...(list ?? [])]
      .map((kv) => ({ key: kv.key, value: kv.value }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  );
}
