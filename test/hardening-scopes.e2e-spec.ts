import type { CoreV1Event, KubeClient, KubeRequestRecord } from '../src/kube';
import { restApi } from './support/statefulset-api';
import { FIXTURE_PASSWORD, TenancyFixture } from './support/tenancy-fixture';
import { eventually, TestApp, testConfig } from './support/test-app';
import { statefulSetIn, waitForReady } from './support/workload-fixture';

/**
 * One GraphQL operation may name several projects. Each root field is authorized for its own
 * project, and each field below it reads its parent's project, never "the" project of the request.
 * The caller is project-viewer in p1 and project-regular in p2; both hold objects of the same names
 * that differ (image, Service port, volume size, events).
 */
describe('one GraphQL operation over several projects', () => {
  let t: TestApp;
  let kube: KubeClient;
  let f: TenancyFixture;
  let p1: string;
  let p2: string;
  let user: { username: string; token: string };
  const image = (p: string) => (p === p1 ? 'nginx:1.25' : 'nginx:1.27');
  const port = (p: string) => (p === p1 ? 8081 : 8082);
  const size = (p: string) => (p === p1 ? '1Gi' : '2Gi');
  const marker = (p: string) => `only-in-${p}`;

  /** An event only this project has, on the named object. */
  const event = (namespace: string, kind: string, name: string): Promise<CoreV1Event> =>
    kube.create<CoreV1Event>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { namespace, generateName: `${name}.` },
      involvedObject: {
        apiVersion: kind === 'Pod' || kind === 'PersistentVolumeClaim' ? 'v1' : 'apps/v1',
        kind,
        name,
        namespace,
      },
      reason: 'Marker',
      message: marker(namespace),
      type: 'Normal',
      count: 1,
      firstTimestamp: new Date(),
      lastTimestamp: new Date(),
      source: { component: 'berth-e2e' },
    });

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    const adminToken = await t.token();
    f = new TenancyFixture(t, adminToken);
    const workspace = await f.workspace();
    p1 = await f.project(workspace);
    p2 = await f.project(workspace);
    const { username } = await f.user();
    await f.workspaceMember(workspace, username, 'workspace-regular');
    await f.projectMember(p1, username, 'project-viewer');
    await f.projectMember(p2, username, 'project-regular');
    user = { username, token: await t.token(username, FIXTURE_PASSWORD) };

    for (const p of [p1, p2]) {
      const created = await restApi(t, p, adminToken).create({
        name: 'x',
        replicas: 1,
        containers: [
          {
            name: 'web',
            image: image(p),
            ports: [{ name: 'http', containerPort: port(p) }],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        volumeClaimTemplates: [{ name: 'data', size: size(p) }],
      });
      if (!created.ok) throw new Error(created.raw);
    }
    for (const p of [p1, p2]) {
      await waitForReady(kube, p, 'x', 1);
      await event(p, 'StatefulSet', 'x');
      await event(p, 'Pod', 'x-0');
      await event(p, 'PersistentVolumeClaim', 'data-x-0');
    }
  });

  afterAll(async () => {
    await f.cleanUp();
    await t.close();
  });

  const statefulSetFields = `project images yaml service { name ports { port } } pods { nodes { name project
    containers { image } events { message } } } revisions { nodes { images } } events { message }`;

  interface StatefulSetAnswer {
    project: string;
    images: string[];
    yaml: string;
    service: { name: string; ports: { port: number }[] };
    pods: {
      nodes: {
        name: string;
        project: string;
        containers: { image: string }[];
        events: { message: string }[];
      }[];
    };
    revisions: { nodes: { images: string[] }[] };
    events: { message: string }[];
  }

  const expectStatefulSetOf = (answer: StatefulSetAnswer, p: string) => {
    const other = p === p1 ? p2 : p1;
    expect(answer.project).toBe(p);
    expect(answer.images).toEqual([image(p)]);
    expect(answer.yaml).toContain(`namespace: ${p}\n`);
    expect(answer.yaml).toContain(image(p));
    expect(answer.yaml).not.toContain(image(other));
    expect(answer.service.ports.map((x) => x.port)).toEqual([port(p)]);
    expect(answer.pods.nodes.map((x) => [x.name, x.project, x.containers[0].image])).toEqual([
      ['x-0', p, image(p)],
    ]);
    expect(answer.pods.nodes[0].events.map((e) => e.message)).toContain(marker(p));
    expect(answer.pods.nodes[0].events.map((e) => e.message)).not.toContain(marker(other));
    expect(answer.revisions.nodes.flatMap((r) => r.images)).toEqual([image(p)]);
    expect(answer.events.map((e) => e.message)).toContain(marker(p));
    expect(answer.events.map((e) => e.message)).not.toContain(marker(other));
  };

  it('every field resolver answers from its own parent’s project', async () => {
    const volumeFields = 'project requestedSize yaml events { message }';
    const res = await t.graphql<{
      a: StatefulSetAnswer;
      b: StatefulSetAnswer;
      la: { edges: { node: StatefulSetAnswer }[] };
      lb: { edges: { node: StatefulSetAnswer }[] };
      va: { project: string; requestedSize: string; yaml: string; events: { message: string }[] };
      vb: { project: string; requestedSize: string; yaml: string; events: { message: string }[] };
      pa: { project: string; containers: { image: string }[]; events: { message: string }[] };
      pb: { project: string; containers: { image: string }[]; events: { message: string }[] };
      ja: { members: { nodes: { username: string; role: string }[] } };
      jb: { members: { nodes: { username: string; role: string }[] } };
    }>(
      `query($p1: String!, $p2: String!) {
        a: statefulSet(project: $p1, name: "x") { ${statefulSetFields} }
        b: statefulSet(project: $p2, name: "x") { ${statefulSetFields} }
        la: statefulSets(project: $p1, first: 5) { edges { node { ${statefulSetFields} } } }
        lb: statefulSets(project: $p2, first: 5) { edges { node { ${statefulSetFields} } } }
        va: volume(project: $p1, name: "data-x-0") { ${volumeFields} }
        vb: volume(project: $p2, name: "data-x-0") { ${volumeFields} }
        pa: pod(project: $p1, name: "x-0") { project containers { image } events { message } }
        pb: pod(project: $p2, name: "x-0") { project containers { image } events { message } }
        ja: project(name: $p1) { members { nodes { username role } } }
        jb: project(name: $p2) { members { nodes { username role } } }
      }`,
      { p1, p2 },
      user.token,
    );
    expect(res.errors).toBeUndefined();
    const data = res.data!;
    expectStatefulSetOf(data.a, p1);
    expectStatefulSetOf(data.b, p2);
    expectStatefulSetOf(data.la.edges[0].node, p1);
    expectStatefulSetOf(data.lb.edges[0].node, p2);
    for (const [v, p] of [
      [data.va, p1],
      [data.vb, p2],
    ] as const) {
      expect(v.project).toBe(p);
      expect(v.requestedSize).toBe(size(p));
      expect(v.yaml).toContain(`namespace: ${p}\n`);
      expect(v.events.map((e) => e.message)).toContain(marker(p));
      expect(v.events.map((e) => e.message)).not.toContain(marker(p === p1 ? p2 : p1));
    }
    for (const [pod, p] of [
      [data.pa, p1],
      [data.pb, p2],
    ] as const) {
      expect(pod.project).toBe(p);
      expect(pod.containers[0].image).toBe(image(p));
      expect(pod.events.map((e) => e.message)).toContain(marker(p));
      expect(pod.events.map((e) => e.message)).not.toContain(marker(p === p1 ? p2 : p1));
    }
    const roleOf = (members: { nodes: { username: string; role: string }[] }) =>
      members.nodes.find((m) => m.username === user.username)?.role;
    expect(roleOf(data.ja.members)).toBe('PROJECT_VIEWER');
    expect(roleOf(data.jb.members)).toBe('PROJECT_REGULAR');
  });

  it('the same, with the two projects in the opposite order (the last root field never wins)', async () => {
    const res = await t.graphql<{ b: StatefulSetAnswer; a: StatefulSetAnswer }>(
      `query($p1: String!, $p2: String!) {
        b: statefulSet(project: $p2, name: "x") { ${statefulSetFields} }
        a: statefulSet(project: $p1, name: "x") { ${statefulSetFields} }
      }`,
      { p1, p2 },
      user.token,
    );
    expect(res.errors).toBeUndefined();
    expectStatefulSetOf(res.data!.a, p1);
    expectStatefulSetOf(res.data!.b, p2);
  });

  it('each mutation of one operation is authorized in its own project (viewer refused, regular allowed)', async () => {
    const res = await t.graphql<{ a: unknown; b: { statefulSet: { name: string } } }>(
      `mutation($p1: String!, $p2: String!) {
        b: scaleStatefulSet(project: $p2, name: "x", replicas: 2) { statefulSet { name } }
        a: scaleStatefulSet(project: $p1, name: "x", replicas: 2) { statefulSet { name } }
      }`,
      { p1, p2 },
      user.token,
    );
    // Root mutation fields are non-null, so the refusal of `a` nulls the whole answer; what counts is
    // that `b` ran in its own project and `a` was refused in its own.
    expect(res.errors?.map((e) => [e.path?.[0], e.extensions.code])).toEqual([['a', 'FORBIDDEN']]);
    expect((await statefulSetIn(kube, p2, 'x')).spec?.replicas).toBe(2);
    expect((await statefulSetIn(kube, p1, 'x')).spec?.replicas).toBe(1);
    await eventually(async () =>
      (await statefulSetIn(kube, p2, 'x')).status?.replicas === 2 ? true : undefined,
    );
  });

  it('authenticates once per HTTP request and resolves each project once, however many root fields name it', async () => {
    // Seen on the API server's side, so with the read cache off (every read is a request).
    const uncached = await TestApp.start(testConfig({ cache: { ...testConfig().cache, enabled: false } }));
    const calls: KubeRequestRecord[] = [];
    const stop = uncached.kube.observe((call) => calls.push(call));
    const query = `query($p1: String!) { ${Array.from(
      { length: 10 },
      (_, i) => `s${i}: statefulSet(project: $p1, name: "x") { name }`,
    ).join('\n')} }`;
    try {
      const res = await uncached.graphql(query, { p1 }, user.token);
      expect(res.errors).toBeUndefined();
    } finally {
      stop();
      await uncached.close();
    }
    const paths = calls.map((c) => new URL(c.url).pathname);
    expect(paths.filter((p) => p === `/apis/iam.berth.io/v1alpha1/accounts/${user.username}`)).toHaveLength(
      1,
    );
    expect(paths.filter((p) => p === `/api/v1/namespaces/${p1}`)).toHaveLength(1);
    expect(paths.filter((p) => p === `/apis/apps/v1/namespaces/${p1}/statefulsets/x`)).toHaveLength(10);

    // With the cache (the default), the same operation costs the API server nothing once warm. A
    // ClusterRole(Binding) changed by a suite running beside this one rightly makes Berth ask
    // Kubernetes' authorizer again, so a few runs are allowed to find one that is warm throughout.
    expect((await t.graphql(query, { p1 }, user.token)).errors).toBeUndefined();
    const costs: string[][] = [];
    for (let run = 0; run < 3 && costs.at(-1)?.length !== 0; run++) {
      const cached: KubeRequestRecord[] = [];
      const stopCached = kube.observe((call) => cached.push(call));
      try {
        expect((await t.graphql(query, { p1 }, user.token)).errors).toBeUndefined();
      } finally {
        stopCached();
      }
      costs.push(cached.map((c) => `${c.method} ${new URL(c.url).pathname}`));
    }
    expect(costs).toContainEqual([]);
  });
});
