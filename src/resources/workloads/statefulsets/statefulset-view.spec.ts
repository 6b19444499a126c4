import type { V1ContainerStatus, V1ControllerRevision, V1Pod, V1StatefulSet } from '../../../kube';
import { toRevisionView } from './statefulset-revisions';
import { toStatus } from './statefulset-view';

const statefulSet = (
  status: Partial<NonNullable<V1StatefulSet['status']>>,
  spec: { replicas?: number; strategy?: 'RollingUpdate' | 'OnDelete'; generation?: number } = {},
): V1StatefulSet => ({
  metadata: { name: 'db', generation: spec.generation ?? 2 },
  spec: {
    replicas: spec.replicas ?? 2,
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: {},
    updateStrategy: { type: spec.strategy ?? 'RollingUpdate' },
  },
  status: { observedGeneration: 2, replicas: 2, ...status },
});

const settled = {
  replicas: 2,
  readyReplicas: 2,
  currentReplicas: 2,
  updatedReplicas: 2,
  currentRevision: 'db-1',
  updateRevision: 'db-1',
};
/** What a rollout leaves in the status: every pod recreated from db-2. */
const rolledOut = { ...settled, currentReplicas: 0, updateRevision: 'db-2' };

/** The status of container `web` waiting for `reason`. */
const waiting = (reason: string, restartCount: number, message?: string): V1ContainerStatus => ({
  name: 'web',
  image: 'nginx',
  imageID: '',
  ready: false,
  restartCount,
  state: { waiting: { reason, message } },
});

const pod = (name: string, status: V1Pod['status']): V1Pod => ({
  metadata: { name },
  spec: { containers: [] },
  status,
});

describe('toStatus (the phase a StatefulSet is in)', () => {
  it('Running when every pod is ready at the update revision', () => {
    expect(toStatus(statefulSet(settled), [])).toMatchObject({ phase: 'Running', reason: null, current: 2 });
  });

  it('Stopped when scaled to 0, whatever its pods still do', () => {
    expect(toStatus(statefulSet({}, { replicas: 0 }), [pod('db-0', { phase: 'Failed' })]).phase).toBe(
      'Stopped',
    );
  });

  it('Degraded names the pod, the container and the reason of a container that cannot run', () => {
    const crashing = pod('db-1', {
      phase: 'Running',
      containerStatuses: [waiting('CrashLoopBackOff', 5, 'back-off 2m40s')],
    });
    expect(toStatus(statefulSet(settled), [crashing])).toMatchObject({
      phase: 'Degraded',
      reason: 'db-1: container web is in CrashLoopBackOff: back-off 2m40s',
    });
    expect(
      toStatus(statefulSet(settled), [pod('db-0', { phase: 'Failed', message: 'evicted' })]),
    ).toMatchObject({
      phase: 'Degraded',
      reason: 'db-0 failed: evicted',
    });
  });

  it('a container waiting for a reason that passes (ContainerCreating) is not Degraded', () => {
    const creating = pod('db-1', {
      phase: 'Pending',
      containerStatuses: [waiting('ContainerCreating', 0)],
    });
    expect(toStatus(statefulSet({ ...settled, readyReplicas: 1 }), [creating])).toMatchObject({
      phase: 'Pending',
      reason: '1 of 2 pods ready',
    });
  });

  it('Pending with the scheduler’s message when a pod cannot be scheduled', () => {
    const unschedulable = pod('db-0', {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', message: '0/3 nodes are available' }],
    });
    expect(toStatus(statefulSet({ ...settled, readyReplicas: 0 }), [unschedulable])).toMatchObject({
      phase: 'Pending',
      reason: 'db-0 cannot be scheduled: 0/3 nodes are available',
    });
  });

  it('Updating until the controller has seen the change and every pod runs the update revision', () => {
    expect(toStatus(statefulSet(settled, { generation: 3 }), []).phase).toBe('Updating');
    const midway = { ...settled, updatedReplicas: 1, currentReplicas: 1, updateRevision: 'db-2' };
    expect(toStatus(statefulSet(midway), []).phase).toBe('Updating');
    expect(toStatus(statefulSet(midway, { strategy: 'OnDelete' }), [])).toMatchObject({
      phase: 'Updating',
      currentRevision: 'db-1',
      current: 1,
    });
  });

  it('under OnDelete, a finished rollout is Running on the update revision (kubernetes#73492)', () => {
    expect(toStatus(statefulSet(rolledOut, { strategy: 'OnDelete' }), [])).toMatchObject({
      phase: 'Running',
      currentRevision: 'db-2',
      updateRevision: 'db-2',
      current: 2,
      updated: 2,
    });
    // RollingUpdate promotes the revision itself; a status that has not is still rolling out.
    expect(toStatus(statefulSet(rolledOut), []).phase).toBe('Updating');
  });
});

describe('toRevisionView', () => {
  const revision = (name: string, number: number): V1ControllerRevision => ({
    metadata: { name },
    revision: number,
    data: { spec: { template: { spec: { containers: [{ name: 'web', image: `nginx:${number}` }] } } } },
  });

  it('marks the revision the pods run as current, also after an OnDelete rollout', () => {
    const onDelete = statefulSet(rolledOut, { strategy: 'OnDelete' });
    expect(toRevisionView(revision('db-1', 1), onDelete)).toMatchObject({ current: false, update: false });
    expect(toRevisionView(revision('db-2', 2), onDelete)).toMatchObject({
      current: true,
      update: true,
      images: ['nginx:2'],
    });
    expect(toRevisionView(revision('db-1', 1), statefulSet(settled))).toMatchObject({
      current: true,
      update: true,
    });
  });
});
