import type { FieldError } from '../../../common/errors/domain-error';
import type { V1Container, V1PersistentVolumeClaim, V1StatefulSet, V1Volume } from '../../../kube';
import { ANNOTATIONS } from '../../../iam/labels';
import { plain } from '../../../kube/object-yaml';

/**
 * An edit through the form replaces what the form owns and keeps everything else the StatefulSet
 * has (fields set through YAML, Kubernetes defaults, the redeploy stamp), so editing never silently
 * drops what the form cannot show.
 */

const OWNED_CONTAINER_KEYS = [
  'name',
  'image',
  'imagePullPolicy',
  'command',
  'args',
  'env',
  'ports',
  'resources',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'securityContext',
  'volumeMounts',
] as const;
const OWNED_POD_KEYS = [
  'containers',
  'initContainers',
  'imagePullSecrets',
  'nodeSelector',
  'volumes',
] as const;
const FORM_VOLUME_KINDS = ['persistentVolumeClaim', 'emptyDir', 'hostPath', 'configMap', 'secret'] as const;

type Json = Record<string, unknown>;

export function mergeForUpdate(existing: V1StatefulSet, desired: V1StatefulSet): V1StatefulSet {
  const result = plain(existing) as unknown as V1StatefulSet;
  const current = plain(existing) as unknown as V1StatefulSet;
  const metadata = result.metadata!;
  const keep = current.metadata?.annotations?.[ANNOTATIONS.creator];
  metadata.labels = desired.metadata?.labels;
  metadata.annotations = {
    ...desired.metadata?.annotations,
    ...(keep ? { [ANNOTATIONS.creator]: keep } : {}),
  };
  delete (result as unknown as Json).status;

  const spec = result.spec!;
  const wanted = desired.spec!;
  spec.replicas = wanted.replicas;
  spec.updateStrategy = wanted.updateStrategy;
  spec.revisionHistoryLimit = wanted.revisionHistoryLimit;
  spec.minReadySeconds = wanted.minReadySeconds;
  spec.persistentVolumeClaimRetentionPolicy = wanted.persistentVolumeClaimRetentionPolicy;
  // Fields Kubernetes will not change are passed as asked, so the API server reports the attempt.
  spec.serviceName = wanted.serviceName;
  spec.podManagementPolicy = wanted.podManagementPolicy;
  spec.volumeClaimTemplates = mergeTemplates(current.spec?.volumeClaimTemplates, wanted.volumeClaimTemplates);

  const template = spec.template;
  template.metadata = { ...template.metadata, labels: wanted.template.metadata?.labels };
  const pod = template.spec!;
  const wantedPod = wanted.template.spec!;
  for (const key of OWNED_POD_KEYS) delete (pod as unknown as Json)[key];
  Object.assign(pod, {
    containers: mergeContainers(current.spec?.template.spec?.containers, wantedPod.containers),
    ...(wantedPod.initContainers
      ? {
          initContainers: mergeContainers(
            current.spec?.template.spec?.initContainers,
            wantedPod.initContainers,
          ),
        }
      : {}),
    ...(wantedPod.imagePullSecrets ? { imagePullSecrets: wantedPod.imagePullSecrets } : {}),
    ...(wantedPod.nodeSelector ? { nodeSelector: wantedPod.nodeSelector } : {}),
  });
  const volumes = mergeVolumes(current.spec?.template.spec?.volumes, wantedPod.volumes);
  if (volumes.length) pod.volumes = volumes;
  if (wantedPod.affinity) pod.affinity = wantedPod.affinity;
  else if (isFormAffinity(current)) delete pod.affinity;
  return result;
}

function mergeContainers(existing: V1Container[] | undefined, desired: V1Container[]): V1Container[] {
  return desired.map((c) => {
    const before = existing?.find((e) => e.name === c.name);
    const kept = Object.fromEntries(
      Object.entries(before ?? {}).filter(([k]) => !(OWNED_CONTAINER_KEYS as readonly string[]).includes(k)),
    );
    return { ...kept, ...c };
  });
}

/** Volumes of kinds the form cannot show (projected, CSI, ...) stay. */
function mergeVolumes(existing: V1Volume[] | undefined, desired: V1Volume[] | undefined): V1Volume[] {
  const others = (existing ?? []).filter(
    (v) => !FORM_VOLUME_KINDS.some((kind) => (v as unknown as Json)[kind] !== undefined),
  );
  return [...(desired ?? []), ...others.filter((o) => !(desired ?? []).some((d) => d.name === o.name))];
}

/** Keep the API server's defaults (volumeMode etc.) on templates the form left as they were. */
function mergeTemplates(
  existing: V1PersistentVolumeClaim[] | undefined,
  desired: V1PersistentVolumeClaim[] | undefined,
): V1PersistentVolumeClaim[] | undefined {
  if (!desired) return existing && existing.length ? existing : undefined;
  return desired.map((d) => {
    const before = existing?.find((e) => e.metadata?.name === d.metadata?.name);
    if (!before) return d;
    const sameClass =
      (d.spec?.storageClassName ?? before.spec?.storageClassName) === before.spec?.storageClassName;
    const sameSize =
      String(d.spec?.resources?.requests?.storage) === String(before.spec?.resources?.requests?.storage);
    const sameModes = JSON.stringify(d.spec?.accessModes) === JSON.stringify(before.spec?.accessModes);
    return sameClass && sameSize && sameModes ? before : d;
  });
}

function isFormAffinity(statefulSet: V1StatefulSet): boolean {
  const affinity = statefulSet.spec?.template.spec?.affinity;
  if (!affinity) return false;
  const keys = Object.keys(affinity);
  return keys.length === 1 && (keys[0] === 'podAntiAffinity' || keys[0] === 'podAffinity');
}

/** What Kubernetes refuses to change on a StatefulSet, checked first to name the field plainly. */
export function immutableChanges(existing: V1StatefulSet, updated: V1StatefulSet): FieldError[] {
  const errors: FieldError[] = [];
  const cannot = (path: string) =>
    errors.push({ path, message: 'cannot be changed after the StatefulSet is created' });
  if (existing.spec?.serviceName !== updated.spec?.serviceName) cannot('serviceName');
  if (
    (existing.spec?.podManagementPolicy ?? 'OrderedReady') !==
    (updated.spec?.podManagementPolicy ?? 'OrderedReady')
  )
    cannot('podManagementPolicy');
  if (JSON.stringify(existing.spec?.selector) !== JSON.stringify(updated.spec?.selector)) cannot('selector');
  const shape = (s: V1StatefulSet) =>
    JSON.stringify(
      (s.spec?.volumeClaimTemplates ?? []).map((t) => [
        t.metadata?.name,
        t.spec?.storageClassName ?? null,
        t.spec?.accessModes,
        String(t.spec?.resources?.requests?.storage),
      ]),
    );
  if (shape(existing) !== shape(updated)) cannot('volumeClaimTemplates');
  return errors;
}
