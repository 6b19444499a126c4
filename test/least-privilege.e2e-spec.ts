import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { BootstrapService } from '../src/bootstrap/bootstrap.service';
import { CLUSTER_ROLES, KubeCache, NAMESPACES, type KubeObject, type KubeRequestRecord } from '../src/kube';
import { builtBinary } from './support/built-binaries';
import { allows, key, needsOf, recordNeeds, type Need, type PolicyRule } from './support/rbac-coverage';
import { podIdentity } from './support/service-account';
import { restApi } from './support/statefulset-api';
import { e2eKubeconfig, TestApp, testConfig, uniqueName } from './support/test-app';
import { waitForReady, workloadProject, type WorkloadProject } from './support/workload-fixture';

const run = promisify(execFile);

interface RbacObject extends KubeObject {
  metadata: { name: string; namespace?: string };
  rules: PolicyRule[];
}

/**
 * Berth running as the Helm chart's ServiceAccount with exactly the chart's ClusterRole and Role:
 * the core of the e2e suite passes (the API server enforces the role), and every call Berth made as
 * itself is one a rule allows. Removing a rule for real makes what needs it fail; that no rule is
 * unused is checked over the whole run (test/rbac.run-spec.ts).
 */
describe('least privilege: Berth runs on the chart ClusterRole alone', () => {
  let admin: TestApp;
  let sa: TestApp;
  let w: WorkloadProject;
  let identity: Awaited<ReturnType<typeof podIdentity>> | undefined;
  let clusterRole: RbacObject;
  let role: RbacObject;
  const release = uniqueName('lp');
  const calls: KubeRequestRecord[] = [];

  beforeAll(async () => {
    admin = await TestApp.start();
    await admin.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: release } });
    // The chart's RBAC objects and ServiceAccount, really applied (the rest is for a real cluster).
    const { stdout } = await run(builtBinary('helm'), [
      'template',
      release,
      'deploy/helm/berth',
      '--namespace',
      release,
      ...['serviceaccount', 'clusterrole', 'clusterrolebinding', 'role'].flatMap((t) => [
        '--show-only',
        `templates/${t}.yaml`,
      ]),
    ]);
    const objects = parseAllDocuments(stdout)
      .map((d) => d.toJS() as RbacObject | null)
      .filter((o): o is RbacObject => o !== null);
    for (const object of objects) await admin.kube.create(object);
    clusterRole = objects.find((o) => o.kind === 'ClusterRole')!;
    role = objects.find((o) => o.kind === 'Role')!;

    identity = await podIdentity(release, 'berth');
    sa = await TestApp.start(
      testConfig({ kube: { kind: 'in-cluster', root: identity.root }, systemNamespace: release }),
      [],
      false,
    );
    sa.kube.observe((call) => calls.push(call));
    // Start-up and the cache as this ServiceAccount, for the whole run's record.
    recordNeeds(sa.kube, { all: true, systemNamespace: release });
    await sa.app.get(BootstrapService).run();
    if (!(await sa.app.get(KubeCache).whenSynced(60_000)))
      throw new Error('the cache did not sync as the ServiceAccount');
    w = await workloadProject(sa, await sa.token());
  }, 240_000);

  afterAll(async () => {
    await w?.f.cleanUp();
    await sa?.close();
    identity?.restore();
    await admin.kube.delete(CLUSTER_ROLES.ref(clusterRole.metadata.name)).catch(() => undefined);
    await run('kubectl', [
      '--kubeconfig',
      e2eKubeconfig(),
      'delete',
      'clusterrolebinding',
      clusterRole.metadata.name,
      '--ignore-not-found',
    ]);
    await admin.kube.delete(NAMESPACES.ref(release)).catch(() => undefined);
    await admin.close();
  });

  it('runs as the ServiceAccount, and is ready (every cached kind listed and watched)', async () => {
    const review = await sa.kube.create<KubeObject & { status?: { userInfo?: { username?: string } } }>({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'SelfSubjectReview',
      metadata: {},
    });
    expect(review.status?.userInfo?.username).toBe(`system:serviceaccount:${release}:berth`);
    await sa.http().get('/readyz').expect(200);
  });

  it('the StatefulSet lifecycle: create with a volume, scale, redeploy, roll back, logs, delete', async () => {
    const api = restApi(sa, w.project, w.regular.token);
    const created = await api.create({
      name: 'web',
      replicas: 2,
      containers: [
        { name: 'web', image: 'nginx:1.27', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
      ],
      volumeClaimTemplates: [{ name: 'data', size: '1Gi' }],
    });
    expect(created.ok).toBe(true);
    await waitForReady(admin.kube, w.project, 'web', 2);
    expect((await api.scale('web', 3)).ok).toBe(true);
    await waitForReady(admin.kube, w.project, 'web', 3);
    expect((await api.redeploy('web')).ok).toBe(true);
    expect((await api.rollback('web', 1)).ok).toBe(true);
    // The rollback replaces the pods: web-0's log is read once it is back (it was a 404 while it was gone).
    await waitForReady(admin.kube, w.project, 'web', 3);
    const detail = await api.get('web');
    expect(detail.body.status.desired).toBe(3);
    const logs = await sa
      .as(w.regular.token)
      .get(`/api/v1/projects/${w.project}/pods/web-0/logs?container=web&tailLines=1`);
    expect(logs.status).toBe(200);
    expect((await api.delete('web', { deleteService: true, deleteVolumes: true })).ok).toBe(true);
  });

  it('volumes, ConfigMaps and Secrets', async () => {
    const as = sa.as(w.regular.token);
    const base = `/api/v1/projects/${w.project}`;
    expect(
      (await as.post(`${base}/volumes`).send({ name: 'vol', accessModes: ['ReadWriteOnce'], size: '1Gi' }))
        .status,
    ).toBe(201);
    expect((await as.get(`${base}/volumes/vol`)).status).toBe(200);
    const list = (await as.get(`${base}/volumes`)).body as { items: { name: string }[] };
    expect(list.items.map((v) => v.name)).toContain('vol');
    expect((await as.delete(`${base}/volumes/vol`)).status).toBe(200);
    expect(
      (await as.post(`${base}/configmaps`).send({ name: 'cfg', data: [{ key: 'k', value: 'v' }] })).status,
    ).toBe(201);
    expect(
      (
        await as
          .post(`${base}/secrets`)
          .send({ name: 'db', kind: 'OPAQUE', data: [{ key: 'password', value: 'pw-1' }] })
      ).status,
    ).toBe(201);
    expect((await as.get(`${base}/secrets/db/values`)).body).toMatchObject({
      data: [{ key: 'password', value: 'pw-1' }],
    });
    expect((await as.delete(`${base}/secrets/db`)).status).toBe(200);
  });

  it('every call Berth made as itself is one a rule of the chart allows', () => {
    const needs = new Map<string, Need>();
    // The test's own SelfSubjectReview (open to every identity) is not Berth's.
    for (const call of calls.filter((c) => !c.url.includes('/selfsubjectreviews')))
      for (const need of needsOf(call)) needs.set(key(need), need);
    expect(needs.size).toBeGreaterThan(30);
    const allowed = (need: Need) =>
      clusterRole.rules.some((r) => allows(r, need)) ||
      (need.namespace === release && role.rules.some((r) => allows(r, need)));
    expect([...needs.keys()].filter((k) => !allowed(needs.get(k)!))).toEqual([]);
    // That every rule is needed too is checked over the whole e2e run: test/rbac.run-spec.ts.
  });

  it('without a rule, what needs it fails (impersonation; creating namespaces)', async () => {
    const without = async (drop: (r: PolicyRule) => boolean, probe: () => Promise<number>) => {
      const reduced = { ...clusterRole, rules: clusterRole.rules.filter((r) => !drop(r)) };
      await admin.kube.modify(CLUSTER_ROLES.ref(clusterRole.metadata.name), (current) => ({
        ...current,
        rules: reduced.rules,
      }));
      try {
        return await probe();
      } finally {
        await admin.kube.modify(CLUSTER_ROLES.ref(clusterRole.metadata.name), (current) => ({
          ...current,
          rules: clusterRole.rules,
        }));
      }
    };
    const as = sa.as(w.regular.token);
    const createConfigMap = async () =>
      (await as.post(`/api/v1/projects/${w.project}/configmaps`).send({ name: uniqueName('cm'), data: [] }))
        .status;
    expect(await without((r) => r.verbs.includes('impersonate'), createConfigMap)).toBeGreaterThanOrEqual(
      400,
    );
    const adminToken = await sa.token();
    const createProject = async () => {
      const res = await sa
        .as(adminToken)
        .post(`/api/v1/workspaces/${w.workspace}/projects`)
        .send({ name: uniqueName('p') });
      if (res.status === 201) w.f.adopt('project', (res.body as { name: string }).name);
      return res.status;
    };
    expect(await without((r) => r.resources.includes('namespaces'), createProject)).toBeGreaterThanOrEqual(
      400,
    );
    // And with the role whole again, both work.
    expect(await createConfigMap()).toBe(201);
    expect(await createProject()).toBe(201);
  });
});
