import { podPhaseOf } from '../shared/pod-phase';
import type { CoreV1Event, V1PersistentVolumeClaim, V1Pod, V1StatefulSet } from '../../kube';
import { ANNOTATIONS } from '../../iam/labels';
import { parseQuantity } from '../../kube/quantity';
import type {
  ClaimPhase,
  VolumeClaimOrigin,
  VolumeClaimPod,
  VolumeClaimStatus,
  VolumeClaimView,
} from './volume.model';

/** Pure mapping from a PersistentVolumeClaim (and what surrounds it) to the read model. */

/** What a claim's view needs besides the claim: the namespace's pods, StatefulSets and claim events. */
export interface ClaimContext {
  pods: readonly V1Pod[];
  statefulSets: readonly V1StatefulSet[];
  events: readonly CoreV1Event[];
}

export function toVolumeView(claim: V1PersistentVolumeClaim, context: ClaimContext): VolumeClaimView {
  const metadata = claim.metadata ?? {};
  const name = metadata.name ?? '';
  return {
    name,
    project: metadata.namespace ?? '',
    status: claimStatus(
      claim,
      context.events.filter((e) => e.involvedObject.name === name),
    ),
    requestedSize: requestedSize(claim),
    capacity: claim.status?.capacity?.storage ?? null,
    storageClass: claim.spec?.storageClassName ?? null,
    accessModes: claim.spec?.accessModes ?? [],
    volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    volumeName: claim.spec?.volumeName ?? null,
    mountedBy: mountingPods(name, context.pods),
    origin: templateOrigin(name, context.statefulSets),
    labels: Object.entries(metadata.labels ?? {})
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    creator: metadata.annotations?.[ANNOTATIONS.creator] ?? null,
    createdAt: metadata.creationTimestamp ? new Date(metadata.creationTimestamp) : null,
    resourceVersion: metadata.resourceVersion ?? '',
  };
}

export function requestedSize(claim: V1PersistentVolumeClaim): string {
  return claim.spec?.resources?.requests?.storage ?? '';
}

/** Bytes, for sorting by size: the bound capacity, else what was asked for. */
export function sizeInBytes(view: Pick<VolumeClaimView, 'capacity' | 'requestedSize'>): number {
  const bytes = parseQuantity(view.capacity ?? view.requestedSize);
  return Number.isNaN(bytes) ? 0 : bytes;
}

export function claimStatus(
  claim: V1PersistentVolumeClaim,
  events: readonly CoreV1Event[],
): VolumeClaimStatus {
  const phase = toPhase(claim.status?.phase);
  const terminating = Boolean(claim.metadata?.deletionTimestamp);
  const status = (reason: string | null): VolumeClaimStatus => ({ phase, reason, terminating });
  if (phase === 'Lost')
    return status(
      `Its volume ${claim.spec?.volumeName ? `"${claim.spec.volumeName}" ` : ''}is gone: the PersistentVolume was deleted, and with it possibly the data`,
    );
  if (phase === 'Pending') {
    const latest = latestEvent(events);
    return status(latest ? `${latest.reason}: ${latest.message}` : 'Waiting for a volume to be provisioned');
  }
  const requested = parseQuantity(requestedSize(claim));
  const capacity = parseQuantity(claim.status?.capacity?.storage ?? '');
  if (requested > capacity) {
    // Set by the resizer (Resizing, FileSystemResizePending, ...); until then, the expansion waits for it.
    const condition = (claim.status?.conditions ?? []).find((c) => c.status === 'True');
    const detail = condition ? `${condition.type}${condition.message ? `: ${condition.message}` : ''}` : null;
    return status(
      `Expanding from ${claim.status?.capacity?.storage} to ${requestedSize(claim)}${detail ? ` (${detail})` : ''}`,
    );
  }
  return status(null);
}

function toPhase(phase: string | undefined): ClaimPhase {
  return phase === 'Bound' || phase === 'Lost' ? phase : 'Pending';
}

/** The newest event; at the same time, a Warning before a Normal one (it says more about a wait). */
function latestEvent(events: readonly CoreV1Event[]): { reason: string; message: string } | null {
  const time = (e: CoreV1Event) => {
    const at = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
    return at ? new Date(at).getTime() : 0;
  };
  const sorted = [...events].sort(
    (a, b) => time(b) - time(a) || Number(b.type === 'Warning') - Number(a.type === 'Warning'),
  );
  const latest = sorted[0];
  return latest ? { reason: latest.reason ?? '', message: latest.message ?? '' } : null;
}

/** Pods whose volumes name the claim, by name. */
export function mountingPods(claim: string, pods: readonly V1Pod[]): VolumeClaimPod[] {
  return pods
    .filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim))
    .map((p) => ({
      name: p.metadata?.name ?? '',
      phase: podPhaseOf(p),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Pods that still hold the claim: finished pods (Succeeded, Failed) no longer do. */
export function activePods(pods: readonly VolumeClaimPod[]): VolumeClaimPod[] {
  return pods.filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed');
}

/**
 * The StatefulSet template that made the claim: its name is `<template>-<statefulset>-<ordinal>` and
 * that StatefulSet exists with that template. A name alone could be a coincidence (or a claim made
 * by hand for a StatefulSet to adopt), and a StatefulSet that is gone made nothing we can show.
 */
export function templateOrigin(
  claim: string,
  statefulSets: readonly V1StatefulSet[],
): VolumeClaimOrigin | null {
  for (const sts of statefulSets) {
    const name = sts.metadata?.name ?? '';
    for (const template of sts.spec?.volumeClaimTemplates ?? []) {
      const prefix = `${template.metadata?.name ?? ''}-${name}-`;
      const ordinal = claim.startsWith(prefix) ? claim.slice(prefix.length) : '';
      if (/^(0|[1-9]\d*)$/.test(ordinal))
        return { statefulSet: name, template: template.metadata?.name ?? '', ordinal: Number(ordinal) };
    }
  }
  return null;
}

/** The claim the create form asks for; `storageClass` is already resolved (the default when none was named). */
export function toClaim(
  input: {
    name: string;
    accessModes: string[];
    size: string;
    volumeMode?: string;
    labels?: readonly { key: string; value: string }[];
  },
  namespace: string,
  storageClass: string,
  creator: string,
): V1PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: input.name,
      namespace,
      ...(input.labels?.length
        ? { labels: Object.fromEntries(input.labels.map(({ key, value }) => [key, value])) }
        : {}),
      annotations: { [ANNOTATIONS.creator]: creator },
    },
    spec: {
      accessModes: [...input.accessModes],
      resources: { requests: { storage: input.size } },
      storageClassName: storageClass,
      volumeMode: input.volumeMode ?? 'Filesystem',
    },
  };
}
