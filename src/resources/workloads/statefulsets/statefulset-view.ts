import { podPhaseOf } from '../../shared/pod-phase';
import type { V1ContainerStatus, V1Pod, V1Service, V1StatefulSet } from '../../../kube';
import { ANNOTATIONS } from '../../../iam/labels';
import { toForm } from './statefulset-from-manifests';
import { ALIAS_ANNOTATION } from './statefulset-manifest-shared';
import { currentRevisionOf } from './statefulset-revisions';
import type {
  ContainerStatusView,
  Phase,
  PodView,
  ResourceUsage,
  ServiceView,
  StatefulSetStatus,
  StatefulSetView,
} from './statefulset.model';

/** Pure mapping from Kubernetes objects to the read models. */

export function toView(
  statefulSet: V1StatefulSet,
  service: V1Service | null,
  pods: V1Pod[],
): StatefulSetView {
  const metadata = statefulSet.metadata ?? {};
  const annotations = metadata.annotations ?? {};
  return {
    id: `${metadata.namespace ?? ''}/${metadata.name ?? ''}`,
    name: metadata.name ?? '',
    project: metadata.namespace ?? '',
    alias: annotations[ALIAS_ANNOTATION] ?? null,
    description: annotations[ANNOTATIONS.description] ?? null,
    creator: annotations[ANNOTATIONS.creator] ?? null,
    createdAt: metadata.creationTimestamp ? new Date(metadata.creationTimestamp) : null,
    resourceVersion: metadata.resourceVersion ?? '',
    images: (statefulSet.spec?.template.spec?.containers ?? []).map((c) => c.image ?? ''),
    form: toForm(statefulSet, service),
    status: toStatus(statefulSet, pods),
  };
}

/** Reasons a container cannot run that will not go away by waiting. */
const BROKEN = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

export function toStatus(statefulSet: V1StatefulSet, pods: V1Pod[]): StatefulSetStatus {
  const s = statefulSet.status;
  const desired = statefulSet.spec?.replicas ?? 1;
  const current = currentRevisionOf(statefulSet);
  const counts = {
    desired,
    current: current.replicas,
    ready: s?.readyReplicas ?? 0,
    updated: s?.updatedReplicas ?? 0,
    currentRevision: current.name,
    updateRevision: s?.updateRevision ?? null,
  };
  const status = (phase: Phase, reason: string | null = null): StatefulSetStatus => ({
    ...counts,
    phase,
    reason,
  });
  if (desired === 0) return status('Stopped');
  for (const pod of pods) {
    const broken = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ].find((c) => BROKEN.has(c.state?.waiting?.reason ?? ''));
    if (broken)
      return status(
        'Degraded',
        `${pod.metadata?.name}: container ${broken.name} is in ${broken.state?.waiting?.reason}${suffix(broken.state?.waiting?.message)}`,
      );
    if (pod.status?.phase === 'Failed')
      return status(
        'Degraded',
        `${pod.metadata?.name} failed${suffix(pod.status.message ?? pod.status.reason)}`,
      );
  }
  const unschedulable = pods
    .flatMap((p) => (p.status?.conditions ?? []).map((c) => ({ pod: p.metadata?.name, c })))
    .find(({ c }) => c.type === 'PodScheduled' && c.status === 'False');
  if (unschedulable)
    return status(
      'Pending',
      `${unschedulable.pod} cannot be scheduled${suffix(unschedulable.c.message ?? unschedulable.c.reason)}`,
    );
  const observed = (statefulSet.metadata?.generation ?? 0) <= (s?.observedGeneration ?? 0);
  if (
    !observed ||
    (counts.updateRevision && counts.currentRevision !== counts.updateRevision) ||
    counts.updated < desired
  ) {
    return status('Updating');
  }
  if (counts.ready < desired) return status('Pending', `${counts.ready} of ${desired} pods ready`);
  return status('Running');
}

function suffix(detail?: string | null): string {
  return detail ? `: ${detail}` : '';
}

export function toPodView(pod: V1Pod, usage: ResourceUsage): PodView {
  const statuses = pod.status?.containerStatuses ?? [];
  const ordinalLabel = pod.metadata?.labels?.['apps.kubernetes.io/pod-index'];
  const ordinalSuffix = /-(\d+)$/.exec(pod.metadata?.name ?? '')?.[1];
  return {
    id: `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`,
    name: pod.metadata?.name ?? '',
    project: pod.metadata?.namespace ?? '',
    ordinal:
      ordinalLabel !== undefined
        ? Number(ordinalLabel)
        : ordinalSuffix !== undefined
          ? Number(ordinalSuffix)
          : null,
    phase: podPhaseOf(pod),
    ready: pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    restarts: statuses.reduce((sum, c) => sum + c.restartCount, 0),
    node: pod.spec?.nodeName ?? null,
    podIP: pod.status?.podIP ?? null,
    startTime: pod.status?.startTime ? new Date(pod.status.startTime) : null,
    containers: (pod.spec?.containers ?? []).map((c) =>
      toContainerStatus(
        c.name,
        c.image ?? '',
        statuses.find((s) => s.name === c.name),
      ),
    ),
    claims: (pod.spec?.volumes ?? []).flatMap((v) =>
      v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
    ),
    usage,
  };
}

function toContainerStatus(
  name: string,
  image: string,
  status: V1ContainerStatus | undefined,
): ContainerStatusView {
  const state = status?.state;
  const which = state?.running
    ? 'running'
    : state?.waiting
      ? 'waiting'
      : state?.terminated
        ? 'terminated'
        : 'unknown';
  return {
    name,
    image: status?.image ?? image,
    ready: status?.ready ?? false,
    restartCount: status?.restartCount ?? 0,
    state: which,
    reason: state?.waiting?.reason ?? state?.terminated?.reason ?? null,
    message: state?.waiting?.message ?? state?.terminated?.message ?? null,
    exitCode: state?.terminated?.exitCode ?? null,
    startedAt: state?.running?.startedAt
      ? new Date(state.running.startedAt)
      : state?.terminated?.startedAt
        ? new Date(state.terminated.startedAt)
        : null,
  };
}

export function toServiceView(service: V1Service): ServiceView {
  return {
    name: service.metadata?.name ?? '',
    clusterIP: service.spec?.clusterIP ?? null,
    ports: (service.spec?.ports ?? []).map((p) => ({
      name: p.name ?? null,
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      targetPort: String(p.targetPort ?? p.port),
    })),
  };
}

/** The label selector of a StatefulSet's pods (and template claims), as a string. */
export function selectorOf(statefulSet: V1StatefulSet): string {
  return Object.entries(statefulSet.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The pods a StatefulSet owns (a selector can match pods it did not make). */
export function ownedPods(statefulSet: V1StatefulSet, pods: V1Pod[]): V1Pod[] {
  return pods.filter((p) => p.metadata?.ownerReferences?.some((o) => o.uid === statefulSet.metadata?.uid));
}

/** An object as a user reads it (and may send back): plain JSON values, without managedFields. */
