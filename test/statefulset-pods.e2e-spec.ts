import { PODS } from '../src/kube';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeClient } from '../src/kube';
import { graphqlApi, restApi } from './support/statefulset-api';
import { eventually, TestApp } from './support/test-app';
import { waitForReady, WorkloadProject, workloadProject } from './support/workload-fixture';

/** Listing, status phases, pods (detail, deletion, usage) and logs (read and followed). */
describe('StatefulSet pods, status and listing', () => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  const base = () => `/api/v1/projects/${w.project}`;
  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await t.graphql<T>(query, { p: w.project, ...variables }, w.regular.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const create = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await restApi(t, w.project, w.regular.token).create({
      name,
      replicas: 1,
      containers: [
        {
          name: 'web',
          image: 'nginx',
          ports: [{ name: 'http', containerPort: 80 }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
      volumeClaimTemplates: [{ name: 'data', size: '1Gi' }],
      ...extra,
    });
    if (!res.ok) throw new Error(JSON.stringify(res));
  };

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    w = await workloadProject(t, await t.token());
    // A second apart: creation times have second resolution, and one test sorts by them.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1_100));
    await create('alpha', { labels: [{ key: 'tier', value: 'db' }] });
    await pause();
    await create('beta');
    await pause();
    await create('gamma', { replicas: 0 });
    await pause();
    await create('delta', { nodeSelector: [{ key: 'disk', value: 'ssd' }] });
    await waitForReady(kube, w.project, 'alpha', 1);
    await waitForReady(kube, w.project, 'beta', 1);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  it('status phases: Running, Stopped when scaled to 0, Pending with the reason', async () => {
    const phases = await eventually(async () => {
      const data = await gql<{
        statefulSets: {
          edges: { node: { name: string; status: { phase: string; reason: string | null } } }[];
        };
      }>(
        'query($p: String!) { statefulSets(project: $p) { edges { node { name status { phase reason } } } } }',
        {},
      );
      const byName = Object.fromEntries(data.statefulSets.edges.map((e) => [e.node.name, e.node.status]));
      // The scheduler's first word may be about the claim not yet bound; wait for its settled reason.
      const settled = byName.delta?.phase === 'Pending' && /node affinity/.test(byName.delta.reason ?? '');
      return settled ? byName : undefined;
    });
    expect(phases.alpha).toEqual({ phase: 'Running', reason: null });
    expect(phases.gamma).toEqual({ phase: 'Stopped', reason: null });
    expect(phases.delta.reason).toMatch(/^delta-0 cannot be scheduled: .*node affinity\/selector/);
  });

  it('lists with name filter, label selector, status filter, sorting and paging, on both transports', async () => {
    const names = async (query: string, variables: Record<string, unknown> = {}) =>
      (
        await gql<{ statefulSets: { totalCount: number; edges: { node: { name: string } }[] } }>(
          query,
          variables,
        )
      ).statefulSets;
    const all = await names(
      'query($p: String!) { statefulSets(project: $p, sort: { field: NAME, direction: DESC }) { totalCount edges { node { name } } } }',
    );
    expect(all.totalCount).toBe(4);
    expect(all.edges.map((e) => e.node.name)).toEqual(['gamma', 'delta', 'beta', 'alpha']);
    const filtered = await names(
      'query($p: String!) { statefulSets(project: $p, filter: { name: "ta" }) { totalCount edges { node { name } } } }',
    );
    expect(filtered.edges.map((e) => e.node.name)).toEqual(['beta', 'delta']);
    const labelled = await names(
      'query($p: String!) { statefulSets(project: $p, filter: { labelSelector: "tier=db" }) { totalCount edges { node { name } } } }',
    );
    expect(labelled.edges.map((e) => e.node.name)).toEqual(['alpha']);
    const stopped = await names(
      'query($p: String!) { statefulSets(project: $p, filter: { status: Stopped }) { totalCount edges { node { name } } } }',
    );
    expect(stopped.edges.map((e) => e.node.name)).toEqual(['gamma']);

    const page1 = await gql<{
      statefulSets: {
        edges: { node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      'query($p: String!) { statefulSets(project: $p, first: 3) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
      {},
    );
    expect(page1.statefulSets.edges.map((e) => e.node.name)).toEqual(['alpha', 'beta', 'delta']);
    expect(page1.statefulSets.pageInfo.hasNextPage).toBe(true);
    const page2 = await names(
      'query($p: String!, $a: String) { statefulSets(project: $p, first: 3, after: $a) { totalCount edges { node { name } } } }',
      {
        a: page1.statefulSets.pageInfo.endCursor,
      },
    );
    expect(page2.edges.map((e) => e.node.name)).toEqual(['gamma']);

    // Backwards (the Relay spec's last/before): the tail, then the page before it, pageInfo both ways.
    const backwards = (variables: Record<string, unknown>) =>
      gql<{
        statefulSets: {
          nodes: { name: string }[];
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string };
        };
      }>(
        'query($p: String!, $b: String) { statefulSets(project: $p, last: 3, before: $b) { nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor } } }',
        variables,
      );
    const tail = await backwards({});
    expect(tail.statefulSets.nodes.map((n) => n.name)).toEqual(['beta', 'delta', 'gamma']);
    expect(tail.statefulSets.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const head = await backwards({ b: tail.statefulSets.pageInfo.startCursor });
    expect(head.statefulSets.nodes.map((n) => n.name)).toEqual(['alpha']);
    expect(head.statefulSets.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const rest = await t
      .as(w.regular.token)
      .get(`${base()}/statefulsets?limit=2&sortBy=createdAt&ascending=false`)
      .expect(200);
    const body = rest.body as { totalItems: number; items: { name: string }[]; continue: string | null };
    expect(body.totalItems).toBe(4);
    expect(body.items.map((s) => s.name)).toEqual(['delta', 'gamma']);
    const next = await t
      .as(w.regular.token)
      .get(`${base()}/statefulsets?limit=2&sortBy=createdAt&ascending=false&continue=${body.continue}`)
      .expect(200);
    expect(next.body).toMatchObject({
      items: [{ name: 'beta' }, { name: 'alpha' }],
      continue: null,
      totalItems: 4,
    });
    const badContinue = await t.as(w.regular.token).get(`${base()}/statefulsets?continue=nope`);
    expect(badContinue.status).toBe(400);
    expect(badContinue.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'continue' }] });
    const restNames = async (query: string) =>
      (
        (await t.as(w.regular.token).get(`${base()}/statefulsets?${query}`).expect(200)).body as typeof body
      ).items.map((s) => s.name);
    expect(await restNames('name=ta')).toEqual(['beta', 'delta']);
    expect(await restNames(`labelSelector=${encodeURIComponent('tier=db')}`)).toEqual(['alpha']);
    expect(await restNames('status=Stopped')).toEqual(['gamma']);
    const bad = await t.as(w.regular.token).get(`${base()}/statefulsets?status=Sleeping`);
    expect(bad.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'status' }] });
  });

  it('REST detail with Accept: application/yaml is the YAML download', async () => {
    const res = await t
      .as(w.regular.token)
      .get(`${base()}/statefulsets/alpha`)
      .set('accept', 'application/yaml')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    expect(res.text).toMatch(/^apiVersion: apps\/v1\nkind: StatefulSet\n/);
  });

  it('a deleted pod comes back with the same name and claim (and a new identity underneath)', async () => {
    const before = await kube.get(PODS.ref(w.project, 'alpha-0'));
    // A dry run on either transport answers the pod and leaves it be.
    const dry = await gql<{ deletePod: { name: string } }>(
      'mutation($p: String!) { deletePod(project: $p, name: "alpha-0", dryRun: true) { name } }',
      {},
    );
    expect(dry.deletePod.name).toBe('alpha-0');
    await t.as(w.regular.token).delete(`${base()}/pods/alpha-0?dryRun=true`).expect(200);
    const still = await kube.get(PODS.ref(w.project, 'alpha-0'));
    expect(still.metadata?.uid).toBe(before.metadata?.uid);
    expect(still.metadata?.deletionTimestamp).toBeUndefined();

    const res = await t.as(w.regular.token).delete(`${base()}/pods/alpha-0`).expect(200);
    expect(res.body).toMatchObject({ name: 'alpha-0', claims: ['data-alpha-0'] });
    const after = await eventually(async () => {
      const pod = await kube.find(PODS.ref(w.project, 'alpha-0'));
      return pod && pod.metadata?.uid !== before.metadata?.uid && pod.status?.phase === 'Running'
        ? pod
        : undefined;
    });
    expect(after.spec?.volumes?.find((v) => v.persistentVolumeClaim)?.persistentVolumeClaim?.claimName).toBe(
      'data-alpha-0',
    );
  });

  it('pod detail shows its events; REST and GraphQL agree', async () => {
    const rest = (await t.as(w.regular.token).get(`${base()}/pods/beta-0`).expect(200)).body as {
      name: string;
      events: { reason: string }[];
    };
    expect(rest.name).toBe('beta-0');
    expect(rest.events.map((e) => e.reason)).toContain('Scheduled');
    const data = await gql<{ pod: { name: string; node: string; events: { reason: string }[] } }>(
      'query($p: String!) { pod(project: $p, name: "beta-0") { name node events { reason } } }',
      {},
    );
    expect(data.pod.events.map((e) => e.reason)).toEqual(rest.events.map((e) => e.reason));
  });

  it('logs: bad parameters name the field; a follow stream runs until the client hangs up', async () => {
    const unknown = await t.as(w.regular.token).get(`${base()}/pods/beta-0/logs?container=nope`);
    expect(unknown.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'container' }] });
    const negative = await t.graphql(
      'query($p: String!) { podLogs(project: $p, pod: "beta-0", tailLines: -1) }',
      { p: w.project },
      w.regular.token,
    );
    expect(negative.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'tailLines' }],
    });

    // Follow: read the stream as it comes, hang up after two lines; the server must let go.
    const server = t.server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const lines = await new Promise<string[]>((resolve, reject) => {
      const req = get(
        {
          host: '127.0.0.1',
          port,
          path: `${base()}/pods/beta-0/logs?follow=true&tailLines=2`,
          headers: { authorization: `Bearer ${w.regular.token}` },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            const got = text.split('\n').filter(Boolean);
            if (got.length >= 2) {
              req.destroy();
              resolve(got);
            }
          });
        },
      );
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    });
    await new Promise((resolve) => server.close(resolve));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/GET \/healthz/);
  });

  it('redeploy under OnDelete says that nothing restarts until pods are deleted', async () => {
    await create('epsilon', { updateStrategy: { type: 'OnDelete' } });
    const res = await graphqlApi(t, w.project, w.regular.token).redeploy('epsilon');
    expect(res.body.message).toBe('The update strategy is OnDelete: no pod restarts until it is deleted.');
  });

  it('shows CPU and memory usage from metrics.k8s.io once metrics-server has it', async () => {
    const usage = await eventually(
      async () => {
        const data = await gql<{
          statefulSet: {
            pods: {
              nodes: {
                usage: { cpu: string | null; memory: string | null; unavailableReason: string | null };
              }[];
            };
          };
        }>(
          'query($p: String!) { statefulSet(project: $p, name: "beta") { pods { nodes { usage { cpu memory unavailableReason } } } } }',
          {},
        );
        const u = data.statefulSet.pods.nodes[0]?.usage;
        if (u && u.cpu === null) expect(u.unavailableReason).toMatch(/not collected yet/);
        return u?.cpu ? u : undefined;
      },
      130_000,
      'pod metrics',
    );
    expect(usage.cpu).toMatch(/^\d+m$/);
    expect(usage.memory).toMatch(/^\d+Mi$/);
    expect(usage.unavailableReason).toBeNull();
  });
});
