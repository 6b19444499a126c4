import { CONFIG_MAPS, KubeCache, POD_METRICS, STATEFUL_SETS } from '../src/kube';
import type { KubeRequestRecord } from '../src/kube';
import { configApi } from './support/config-api';
import { statefulSetApi } from './support/statefulset-api';
import { volumeApi } from './support/volume-api';
import { eventually, TestApp } from './support/test-app';
import { waitForReady, WorkloadProject, workloadProject } from './support/workload-fixture';

const form = (name: string, replicas = 0, image = 'nginx:1.27') => ({
  name,
  replicas,
  containers: [{ name: 'web', image, ports: [{ name: 'http', containerPort: 80 }] }],
});

const PAGE = `query($p: String!) { statefulSets(project: $p, first: 50) { totalCount edges { node {
  name images status { phase } pods { nodes { name phase ready usage { cpu } } } service { name }
  revisions { nodes { revision } } events { reason } } } } }`;

/** Runs `work` and returns the requests Berth sent to the API server meanwhile (reads and writes). */
async function requestsDuring(t: TestApp, work: () => Promise<unknown>): Promise<KubeRequestRecord[]> {
  const seen: KubeRequestRecord[] = [];
  const stop = t.kube.observe((r) => seen.push(r));
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

/**
 * The watch-fed read cache (ADR 9) on the real control plane: steady-state reads cost the API server
 * nothing, a read after a write sees the write, and access is still checked twice.
 */
describe('the read cache', () => {
  let t: TestApp;
  let w: WorkloadProject;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await workloadProject(t, await t.token());
    for (const [name, replicas] of [
      ['c-a', 1],
      ['c-b', 0],
      ['c-c', 0],
    ] as const)
      expect(
        (await statefulSetApi(t, 'rest', w.project, w.regular.token).create(form(name, replicas))).ok,
      ).toBe(true);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  it('has synced every kind and says so on /readyz', async () => {
    const cache = t.app.get(KubeCache);
    expect(cache.ready).toBe(true);
    expect(cache.health().map((k) => k.kind)).toEqual(
      expect.arrayContaining([
        'StatefulSet',
        'Pod',
        'Namespace',
        'RoleBinding',
        'Account',
        'WorkspaceMember',
      ]),
    );
    expect((await t.http().get('/readyz')).status).toBe(200);
  });

  it.each(['graphql', 'rest'] as const)(
    'serves a page of StatefulSets with pods, services and revisions without one API server request (%s)',
    async (transport) => {
      const read = async () => {
        if (transport === 'graphql') {
          const res = await t.graphql<{ statefulSets: { totalCount: number } }>(
            PAGE,
            { p: w.project },
            w.regular.token,
          );
          expect(res.errors).toBeUndefined();
          expect(res.data?.statefulSets.totalCount).toBe(3);
        } else {
          const res = await t.as(w.regular.token).get(`/api/v1/projects/${w.project}/statefulsets?limit=50`);
          expect(res.status).toBe(200);
          expect((res.body as { totalItems: number }).totalItems).toBe(3);
        }
      };
      // Steady state includes the metrics API: until metrics-server is up, each read asks for its
      // discovery document again (a failure is not remembered).
      await eventually(() => t.kube.resourceName(POD_METRICS), 60_000, 'the metrics API');
      await read(); // the first read asks Kubernetes whether the user may (remembered afterwards)
      const requests = await requestsDuring(t, read);
      expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([]);
    },
  );

  describe.each(['graphql', 'rest'] as const)('reads its own writes (%s)', (transport) => {
    it('StatefulSet create, scale, update, delete: the next read sees each', async () => {
      const api = statefulSetApi(t, transport, w.project, w.regular.token);
      const name = `ryw-${transport}`;
      expect((await api.create(form(name, 0))).ok).toBe(true);
      // The controller's first status write moves the version on; update after it, not against it.
      await waitForReady(t.kube, w.project, name, 0);
      const detail = await api.get(name);
      expect(detail.body.name).toBe(name);

      // (Updated before it is scaled: with pods, the controller's status writes move the version on.)
      const updated = await api.update(name, form(name, 0, 'nginx:1.28'), detail.body.resourceVersion);
      expect(updated.code).toBeUndefined();
      expect((await api.get(name)).body.images).toEqual(['nginx:1.28']);

      expect((await api.scale(name, 2)).ok).toBe(true);
      expect((await api.get(name)).body.form.replicas).toBe(2);

      expect((await api.delete(name)).ok).toBe(true);
      expect((await api.get(name)).code).toBe('NOT_FOUND');
    });

    it('StatefulSet redeploy and rollback: the next read sees each', async () => {
      const api = statefulSetApi(t, transport, w.project, w.regular.token);
      const name = `ryw-rev-${transport}`;
      expect((await api.create(form(name, 0))).ok).toBe(true);
      await waitForReady(t.kube, w.project, name, 0);
      const created = await api.get(name);
      expect((await api.update(name, form(name, 0, 'nginx:1.28'), created.body.resourceVersion)).code).toBe(
        undefined,
      );
      // The controller records the second revision on its own time; rollback needs it.
      await eventually(async () => ((await api.revisions(name)).body.length === 2 ? true : undefined));

      expect((await api.rollback(name, 1)).ok).toBe(true);
      expect((await api.get(name)).body.images).toEqual(['nginx:1.27']);

      expect((await api.redeploy(name)).ok).toBe(true);
      expect((await api.get(name)).body.yaml).toContain('kubectl.kubernetes.io/restartedAt');
      expect((await api.delete(name)).ok).toBe(true);
    });

    it('Secret create, update, delete and volume create, delete: the next read sees each', async () => {
      const config = configApi(t, transport, w.project, w.regular.token);
      const secret = `ryw-secret-${transport}`;
      expect(
        (await config.createSecret({ name: secret, kind: 'OPAQUE', data: [{ key: 'a', value: '1' }] })).ok,
      ).toBe(true);
      const created = await config.secret(secret);
      expect(created.body.keys).toEqual(['a']);
      const updated = await config.updateSecret(
        secret,
        { data: [{ key: 'b', value: '2' }] },
        created.body.resourceVersion,
      );
      expect(updated.code).toBeUndefined();
      expect((await config.secret(secret)).body.keys).toEqual(['b']);
      expect((await config.deleteSecret(secret)).ok).toBe(true);
      expect((await config.secrets()).body.map((c) => c.name)).not.toContain(secret);

      const volumes = volumeApi(t, transport, w.project, w.regular.token);
      const volume = `ryw-vol-${transport}`;
      expect((await volumes.create({ name: volume, accessModes: ['ReadWriteOnce'], size: '1Gi' })).ok).toBe(
        true,
      );
      expect((await volumes.get(volume)).body.requestedSize).toBe('1Gi');
      expect((await volumes.list()).body.names).toContain(volume);
      expect((await volumes.delete(volume)).ok).toBe(true);
      // A deleted claim may linger as terminating (its finalizer); it is then shown so, never as before.
      const after = await volumes.get(volume);
      expect(after.code === 'NOT_FOUND' || after.body.status.terminating).toBe(true);
    });

    it('ConfigMap create, update, delete: the next read sees each', async () => {
      const config = configApi(t, transport, w.project, w.regular.token);
      const name = `ryw-cm-${transport}`;
      expect((await config.createConfigMap({ name, data: [{ key: 'a', value: '1' }] })).ok).toBe(true);
      const created = await config.configMap(name);
      expect(created.body.data).toEqual([{ key: 'a', value: '1' }]);
      const updated = await config.updateConfigMap(
        name,
        { data: [{ key: 'a', value: '2' }] },
        created.body.resourceVersion,
      );
      expect(updated.code).toBeUndefined();
      expect((await config.configMap(name)).body.data).toEqual([{ key: 'a', value: '2' }]);
      expect((await config.configMaps()).body.map((c) => c.name)).toContain(name);
      expect((await config.deleteConfigMap(name)).ok).toBe(true);
      expect((await config.configMap(name)).code).toBe('NOT_FOUND');
      expect((await config.configMaps()).body.map((c) => c.name)).not.toContain(name);
    });
  });

  it('reads the writes of Berth’s own client (the one tests assert with) at once', async () => {
    const name = 'direct-write';
    await t.kube.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: w.project },
      data: { k: 'v' },
    });
    expect((await t.kube.get(CONFIG_MAPS.ref(w.project, name))).data).toEqual({ k: 'v' });
    await t.kube.delete(CONFIG_MAPS.ref(w.project, name));
    expect(await t.kube.find(CONFIG_MAPS.ref(w.project, name))).toBeNull();
  });

  it('hands out frozen objects, so no reader can change what another reads', async () => {
    const list = await t.kube.list(STATEFUL_SETS, { namespace: w.project });
    const first = list.items[0];
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.metadata)).toBe(true);
    expect(first.metadata?.managedFields).toBeUndefined();
  });

  it('takes a change made behind Berth’s back within the watch’s delay', async () => {
    const other = await TestApp.start();
    try {
      await other.kube.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'from-elsewhere', namespace: w.project },
      });
      const config = configApi(t, 'rest', w.project, w.regular.token);
      await eventually(async () => ((await config.configMap('from-elsewhere')).ok ? true : undefined), 5000);
    } finally {
      await other.close();
    }
  });
});
