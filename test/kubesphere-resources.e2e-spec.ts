import request from 'supertest';
import { STATEFUL_SETS, STORAGE_CLASSES } from '../src/kube';
import { TestApp } from './support/test-app';
import {
  nginxStatefulSet,
  projectMember,
  waitForReady,
  workloadProject,
  type WorkloadProject,
} from './support/workload-fixture';

interface KsList {
  items: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; ownerReferences?: { kind: string }[] };
  }[];
  totalItems: number;
}

/**
 * KubeSphere's `resources.kubesphere.io/v1alpha3` lists as its console sends them (the requests of
 * `contracts/kubesphere-console-requests.log`), for each role: raw Kubernetes objects of the project
 * in `{items, totalItems}`, paged and filtered as ks-apiserver does; a project the caller may not see
 * is a 404 exactly like one that does not exist.
 */
describe('KubeSphere resource lists', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let other: WorkloadProject;
  let viewer: { username: string; token: string };

  const statefulSet = (name: string, replicas: number) => nginxStatefulSet(name, replicas, w.project);

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.token();
    w = await workloadProject(t, admin);
    other = await workloadProject(t, admin);
    viewer = await projectMember(t, w, 'project-viewer');
    // As the console creates them: through the plain Kubernetes path, as the project-regular member.
    for (const [name, replicas] of [
      ['web', 2],
      ['db', 0],
    ] as const) {
      const res = await request(t.server)
        .post(`/kube/apis/apps/v1/namespaces/${w.project}/statefulsets`)
        .set('authorization', `Bearer ${w.regular.token}`)
        .send(statefulSet(name, replicas));
      expect(res.status).toBe(201);
    }
    await waitForReady(t.kube, w.project, 'web', 2);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await other.f.cleanUp();
    await t.close();
  });

  // Creation times have one-second resolution: within a second ks-apiserver orders by name, then reverses.
  const newestFirst = async () =>
    (await t.kube.list(STATEFUL_SETS, { namespace: w.project })).items
      .map(
        (s) => [new Date(s.metadata?.creationTimestamp ?? 0).toISOString(), s.metadata?.name ?? ''] as const,
      )
      .sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? 1 : -1))
      .map(([, name]) => name);

  const ks = (token: string, path: string) =>
    request(t.server)
      .get(`/kube/kapis/resources.kubesphere.io/v1alpha3${path}`)
      .set('authorization', `Bearer ${token}`);

  it('lists StatefulSets as the list page asks (sortBy=createTime&limit=10), newest first', async () => {
    const res = await ks(w.regular.token, `/namespaces/${w.project}/statefulsets?sortBy=createTime&limit=10`);
    expect(res.status).toBe(200);
    const body = res.body as KsList;
    expect(body.totalItems).toBe(2);
    expect(body.items.map((i) => i.metadata.name)).toEqual(await newestFirst());
    expect(body.items[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'StatefulSet' });
    const held = await t.kube.get(STATEFUL_SETS.ref(w.project, 'web'));
    expect(body.items.find((i) => i.metadata.name === 'web')?.metadata).toMatchObject({
      uid: held.metadata?.uid,
    });
  });

  it('filters by status, name and an unknown key (which matches nothing), and pages from 1', async () => {
    const names = async (query: string) =>
      (
        (await ks(w.regular.token, `/namespaces/${w.project}/statefulsets?${query}`)).body as KsList
      ).items.map((i) => i.metadata.name);
    expect(await names('status=stopped')).toEqual(['db']);
    expect(await names('status=running')).toEqual(['web']);
    expect(await names('name=we')).toEqual(['web']);
    expect(await names('colour=blue')).toEqual([]);
    expect(await names('limit=1&page=2')).toEqual((await newestFirst()).slice(1));
    expect(await names('limit=-1&sortBy=name&ascending=true')).toEqual(['db', 'web']);
  });

  it('lists a StatefulSet’s pods as the detail page asks (ownerKind, labelSelector, sortBy=startTime)', async () => {
    const res = await ks(
      viewer.token,
      `/namespaces/${w.project}/pods?limit=10&ownerKind=StatefulSet&labelSelector=app%3Dweb&sortBy=startTime`,
    );
    expect(res.status).toBe(200);
    const body = res.body as KsList;
    expect(body.totalItems).toBe(2);
    expect(body.items.map((p) => p.metadata.name).sort()).toEqual(['web-0', 'web-1']);
    expect(
      body.items.every((p) => p.kind === 'Pod' && p.metadata.ownerReferences?.[0].kind === 'StatefulSet'),
    ).toBe(true);
  });

  it('gives each role what Berth’s own API gives it: a viewer no raw Secrets, an outsider nothing', async () => {
    expect((await ks(viewer.token, `/namespaces/${w.project}/configmaps`)).status).toBe(200);
    expect((await ks(viewer.token, `/namespaces/${w.project}/persistentvolumeclaims`)).status).toBe(200);
    expect((await ks(viewer.token, `/namespaces/${w.project}/secrets`)).status).toBe(403);
    expect((await ks(w.regular.token, `/namespaces/${w.project}/secrets`)).status).toBe(200);
    const hidden = await ks(other.regular.token, `/namespaces/${w.project}/statefulsets`);
    const missing = await ks(other.regular.token, `/namespaces/no-such-project-x/statefulsets`);
    const named = (body: unknown, project: string) => JSON.stringify(body).replaceAll(project, 'P');
    expect([hidden.status, named(hidden.body, w.project)]).toEqual([
      404,
      named(missing.body, 'no-such-project-x'),
    ]);
    expect(
      (
        await request(t.server).get(
          `/kube/kapis/resources.kubesphere.io/v1alpha3/namespaces/${w.project}/pods`,
        )
      ).status,
    ).toBe(401);
  });

  it('lists only the Namespaces of projects the caller may see, filtered by label as the console asks', async () => {
    const mine = (await ks(w.regular.token, '/namespaces?limit=-1')).body as KsList;
    expect(mine.items.map((n) => n.metadata.name)).toEqual([w.project]);
    expect(mine.items[0].kind).toBe('Namespace');
    const federated = (
      await ks(
        w.regular.token,
        '/namespaces?labelSelector=kubefed.io%2Fmanaged%3Dtrue&sortBy=createTime&limit=10',
      )
    ).body as KsList;
    expect(federated).toEqual({ items: [], totalItems: 0 });
  });

  it('lists the cluster’s storage classes for the wizard’s volume templates, to any signed-in user', async () => {
    const res = await ks(w.regular.token, '/storageclasses?sortBy=createTime&limit=10');
    expect(res.status).toBe(200);
    const body = res.body as { items: { kind: string; metadata: { name: string } }[]; totalItems: number };
    const { items } = await t.kube.list(STORAGE_CLASSES);
    expect(body.items.map((c) => c.metadata.name).sort()).toEqual(items.map((c) => c.metadata?.name).sort());
    expect(body.totalItems).toBe(items.length);
    expect(body.items.every((c) => c.kind === 'StorageClass')).toBe(true);
    expect(
      (await request(t.server).get('/kube/kapis/resources.kubesphere.io/v1alpha3/storageclasses')).status,
    ).toBe(401);
  });

  it('refuses bad paging and selectors with 400 naming the parameter', async () => {
    const res = await ks(w.regular.token, `/namespaces/${w.project}/statefulsets?page=0`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'page' }] });
    const selector = await ks(w.regular.token, `/namespaces/${w.project}/pods?labelSelector=a%20in%20(`);
    expect(selector.status).toBe(400);
  });
});
