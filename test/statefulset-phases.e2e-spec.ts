import type { KubeClient } from '../src/kube';
import { type Detail, StatefulSetApi, statefulSetApi } from './support/statefulset-api';
import { eventually, TestApp } from './support/test-app';
import { podsOf, waitForReady, WorkloadProject, workloadProject } from './support/workload-fixture';

/** The label that makes the local cluster report a pod's containers crash-looping. */
const CRASH_LOOP = { key: 'simulate.berth.local/container-state', value: 'CrashLoopBackOff' };

/**
 * The phases a rollout and a broken container put a StatefulSet in, as the cluster reports them:
 * Updating while an OnDelete rollout waits for its pods, then Running; Degraded with the pod, the
 * container and the kubelet's reason. (Running, Stopped and Pending: statefulset-pods.e2e-spec.ts.)
 */
describe.each(['graphql', 'rest'] as const)('StatefulSet phases over %s', (transport) => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  let api: StatefulSetApi;
  const form = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    replicas: 2,
    containers: [{ name: 'web', image: 'nginx:1.27' }],
    ...extra,
  });
  const detailWhen = (name: string, done: (d: Detail) => boolean, what: string) =>
    eventually(
      async () => {
        const res = await api.get(name);
        if (!res.ok) throw new Error(res.raw);
        if (done(res.body)) return res.body;
        throw new Error(`status ${JSON.stringify(res.body.status)}`);
      },
      60_000,
      `${name} ${what}`,
    );

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    w = await workloadProject(t, await t.token());
    api = statefulSetApi(t, transport, w.project, w.regular.token);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  it('Updating while an OnDelete rollout waits for its pods to be deleted, Running once they are', async () => {
    const name = 'ondelete';
    expect((await api.create(form(name, { updateStrategy: { type: 'OnDelete' } }))).ok).toBe(true);
    await waitForReady(kube, w.project, name, 2);
    const before = await detailWhen(name, (d) => d.status.phase === 'Running', 'to be Running');

    const containers = (before.form.containers as { image: string }[]).map((c) => ({
      ...c,
      image: 'nginx:1.28',
    }));
    expect((await api.update(name, { ...before.form, containers }, before.resourceVersion)).ok).toBe(true);
    const updating = await detailWhen(
      name,
      (d) => d.status.updateRevision !== before.status.updateRevision,
      'to see the new revision',
    );
    expect(updating.status).toMatchObject({
      phase: 'Updating',
      desired: 2,
      ready: 2,
      updated: 0,
    });
    expect(updating.status.reason ?? null).toBeNull();
    expect(updating.status.currentRevision).toBe(before.status.currentRevision);
    // Nothing restarted: the pods still run the old template.
    const images = async () => (await podsOf(kube, w.project, name)).map((p) => p.spec?.containers[0].image);
    expect(await images()).toEqual(['nginx:1.27', 'nginx:1.27']);

    for (const pod of [`${name}-1`, `${name}-0`]) {
      expect((await api.deletePod(pod)).ok).toBe(true);
      await eventually(
        async () =>
          (await podsOf(kube, w.project, name)).find(
            (p) =>
              p.metadata?.name === pod &&
              p.spec?.containers[0].image === 'nginx:1.28' &&
              p.status?.phase === 'Running',
          ),
        60_000,
        `${pod} to come back with the new image`,
      );
    }
    const after = await detailWhen(name, (d) => d.status.phase === 'Running', 'to be Running again');
    // Kubernetes v1.36 itself leaves status.currentRevision on the old revision here (kubernetes#73492).
    expect(after.status).toMatchObject({
      desired: 2,
      current: 2,
      ready: 2,
      updated: 2,
      currentRevision: updating.status.updateRevision,
      updateRevision: updating.status.updateRevision,
    });
    expect(await images()).toEqual(['nginx:1.28', 'nginx:1.28']);
    const revisions = await api.revisions(name);
    expect(revisions.body.map((r) => [r.images, r.current, r.update])).toEqual([
      [['nginx:1.28'], true, true],
      [['nginx:1.27'], false, false],
    ]);
  });

  it('Degraded names the pod, the container and its reason when a container crash-loops', async () => {
    const name = 'crashing';
    // cluster/manifests/stages/pod-crash-loop.yaml: the simulated kubelet reports these containers crash-looping.
    expect((await api.create(form(name, { replicas: 1, labels: [CRASH_LOOP] }))).ok).toBe(true);
    const degraded = await detailWhen(name, (d) => d.status.phase === 'Degraded', 'to be Degraded');
    expect(degraded.status.reason).toBe(
      `${name}-0: container web is in CrashLoopBackOff: back-off 2m40s restarting failed container=web`,
    );
    expect(degraded.status).toMatchObject({ desired: 1, ready: 0 });
    expect(degraded.pods).toEqual([
      expect.objectContaining({
        name: `${name}-0`,
        phase: 'Running',
        ready: false,
        restarts: 5,
        containers: [
          expect.objectContaining({
            name: 'web',
            state: 'waiting',
            reason: 'CrashLoopBackOff',
            restartCount: 5,
          }),
        ],
      }),
    ]);
    // What the cluster holds, read without Berth.
    const [pod] = await podsOf(kube, w.project, name);
    expect(pod.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('CrashLoopBackOff');
  });
});
