import {
  CONTROLLER_REVISIONS,
  NAMESPACES,
  PERSISTENT_VOLUME_CLAIMS,
  PODS,
  POD_METRICS,
  STATEFUL_SETS,
} from '../src/kube';
import type { KubeClient, V1Pod, V1StatefulSet, WatchEvent } from '../src/kube';
import { eventually, TestApp, uniqueName } from './support/test-app';
import { statefulSetIn } from './support/workload-fixture';

/**
 * The local control plane is real enough for what Berth builds on it: the StatefulSet controller,
 * scheduler, PV binding and ControllerRevisions behave as on any cluster. Driven through the adapter.
 */
describe('local control plane', () => {
  let t: TestApp;
  let kube: KubeClient;
  const namespace = uniqueName('e2e-cp');
  const name = 'web';
  const podEvents: { type: string; pod: string; ready: boolean; revision?: string }[] = [];
  let stopWatch: () => void = () => undefined;

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    await kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    const watch = await kube.watch(PODS, { namespace }, (event: WatchEvent<V1Pod>) => {
      podEvents.push({
        type: event.type,
        pod: event.object.metadata?.name ?? '',
        ready:
          event.object.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
        revision: event.object.metadata?.labels?.['controller-revision-hash'],
      });
    });
    stopWatch = () => watch.stop();
  });

  afterAll(async () => {
    stopWatch();
    await kube.delete(NAMESPACES.ref(namespace));
    await t.close();
  });

  const statefulSet = (image: string): V1StatefulSet => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace },
    spec: {
      serviceName: name,
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }] }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  });

  const pods = async () => (await kube.list(PODS, { namespace, labelSelector: `app=${name}` })).items;
  const revisions = async () =>
    (
      await kube.list(CONTROLLER_REVISIONS, {
        namespace,
        labelSelector: `app=${name}`,
      })
    ).items;

  it('creates pods in order, each Running and Ready with an IP, with Bound claims and a ControllerRevision', async () => {
    await kube.create(statefulSet('nginx:1.27'));

    const running = await eventually(
      async () => {
        const list = await pods();
        const ok = list.length === 2 && list.every((p) => p.status?.phase === 'Running' && p.status.podIP);
        return ok ? list : undefined;
      },
      60_000,
      'two running pods',
    );
    expect(running.map((p) => p.metadata?.name).sort()).toEqual(['web-0', 'web-1']);
    for (const pod of running) {
      expect(pod.spec?.nodeName).toMatch(/^kwok-node-/);
      expect(pod.status?.podIP).toMatch(/^10\.244\./);
    }
    // Each running container gets an ID, as a kubelet reports it (cluster/manifests/stages).
    const ids = await eventually(
      async () => {
        const list = await pods();
        const all = list.flatMap((p) => p.status?.containerStatuses ?? []);
        return all.length === 2 && all.every((c) => c.containerID) ? all : undefined;
      },
      30_000,
      'container IDs',
    );
    for (const container of ids) {
      expect(container.containerID).toMatch(/^containerd:\/\/[0-9a-f-]{36}-nginx$/);
      expect(container).toMatchObject({ ready: true, restartCount: 0, state: { running: {} } });
    }

    // OrderedReady: web-1 is created only after web-0 was reported Ready.
    const web0Ready = podEvents.findIndex((e) => e.pod === 'web-0' && e.ready);
    const web1Added = podEvents.findIndex((e) => e.pod === 'web-1' && e.type === 'ADDED');
    expect(web0Ready).toBeGreaterThanOrEqual(0);
    expect(web1Added).toBeGreaterThan(web0Ready);

    const claims = await eventually(
      async () => {
        const list = (await kube.list(PERSISTENT_VOLUME_CLAIMS, { namespace })).items;
        return list.length === 2 && list.every((c) => c.status?.phase === 'Bound') ? list : undefined;
      },
      30_000,
      'bound claims',
    );
    expect(claims.map((c) => c.metadata?.name).sort()).toEqual(['data-web-0', 'data-web-1']);
    expect(claims.every((c) => c.spec?.storageClassName === 'kwok-volume' && c.spec.volumeName)).toBe(true);

    expect(await revisions()).toHaveLength(1);
  });

  it('a new pod template yields a second ControllerRevision and replaces pods in reverse ordinal order', async () => {
    // Read-modify-write from the API server: the controller writes the status meanwhile, so a
    // cached copy (or even a fresh one) may be a version behind by the time it is replaced.
    let oldRevision: string | undefined;
    await kube.modify(STATEFUL_SETS.ref(namespace, name), (current) => {
      const next = structuredClone(current);
      oldRevision = next.status?.updateRevision;
      next.spec!.template.spec!.containers[0].image = 'nginx:1.28';
      return next;
    });

    await eventually(
      async () => ((await revisions()).length === 2 ? true : undefined),
      30_000,
      'a second revision',
    );
    const updated = await eventually(
      async () => {
        const sts = await statefulSetIn(kube, namespace, name);
        const s = sts.status;
        return s &&
          s.updateRevision !== oldRevision &&
          s.currentRevision === s.updateRevision &&
          s.updatedReplicas === 2 &&
          s.readyReplicas === 2
          ? sts
          : undefined;
      },
      90_000,
      'the rolling update to finish',
    );

    const newRevision = updated.status?.updateRevision ?? '';
    // The old pods go highest ordinal first. (The local cluster has, rarely, deleted and recreated a
    // pod already at the new revision during the rollout; that is not what this checks.)
    const replaced = podEvents
      .filter((e) => e.type === 'DELETED' && e.revision === oldRevision)
      .map((e) => e.pod);
    expect(replaced).toEqual(['web-1', 'web-0']);
    const now = await pods();
    expect(now.every((p) => p.metadata?.labels?.['controller-revision-hash'] === newRevision)).toBe(true);
    expect(now.every((p) => p.spec?.containers[0].image === 'nginx:1.28')).toBe(true);
  });

  it('serves container logs through the API server (pods/log), honouring tailLines and timestamps', async () => {
    const tail = await kube.podLogs(namespace, 'web-0', { container: 'nginx', tailLines: 2 });
    const lines = tail.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/GET \/healthz/);

    const stamped = await kube.podLogs(namespace, 'web-0', {
      container: 'nginx',
      tailLines: 1,
      timestamps: true,
    });
    expect(stamped).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z /);
  });

  it('serves pod resource usage through metrics.k8s.io (metrics-server scraping the simulated kubelets)', async () => {
    // metrics-server needs two scrapes (15 s apart) of a pod before it reports it.
    const metrics = await eventually(
      async () => {
        const list = await kube.list(POD_METRICS, { namespace });
        return list.items.length === 2 ? list.items : undefined;
      },
      120_000,
      'pod metrics',
    );
    expect(metrics.map((m) => m.metadata?.name).sort()).toEqual(['web-0', 'web-1']);
    for (const m of metrics) {
      expect(m.containers?.[0].name).toBe('nginx');
      expect(m.containers?.[0].usage.cpu).toMatch(/^\d+(n|u|m)?$/);
      expect(m.containers?.[0].usage.memory).toMatch(/^\d+(Ki|Mi)?$/);
    }
  });
});
