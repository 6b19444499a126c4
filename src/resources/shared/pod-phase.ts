import { closedSet } from '../../common/api/closed-set';
import type { V1Pod } from '../../kube';

/** Kubernetes' pod phases, and Terminating (deleted, not gone yet), as the console shows it. */
export const POD_PHASE = closedSet(
  'PodPhase',
  ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown', 'Terminating'],
  'Pending, Running, Succeeded, Failed, Unknown or Terminating (deleted, not gone yet)',
);
export type PodPhase = (typeof POD_PHASE.values)[number];

/** A phase the API server does not document reads as Unknown, so the enum always holds it. */
export function podPhaseOf(pod: V1Pod): PodPhase {
  if (pod.metadata?.deletionTimestamp) return 'Terminating';
  const phase = pod.status?.phase;
  return POD_PHASE.values.find((known) => known === phase) ?? 'Unknown';
}
