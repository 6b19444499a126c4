import { PODS } from '../src/kube';
import { CONTROLLER_REVISIONS, STATEFUL_SETS } from '../src/kube';
import { stringify } from 'yaml';
import type { V1Pod, V1StatefulSet } from '../src/kube';
import { eventually } from './support/test-app';
import {
  Ctx,
  MatrixHarness,
  Operation,
  Scope,
  scoped,
  PROJECT_VIEW,
  PROJECT_WRITE,
} from './support/permission-matrix';

/** The permission matrix over every StatefulSet and pod operation. */

const view = PROJECT_VIEW;
const manage = PROJECT_WRITE;

const BASE = 'mx-sts';
const form = (name: string, replicas = 0) => ({
  name,
  replicas,
  containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
});

/** A StatefulSet to change, made by the admin in the case's project (or a name in a project that does not exist). */
async function target(ctx: Ctx, scope: Scope): Promise<{ project: string; name: string }> {
  const project = scoped(ctx.pA, ctx.pB)(scope);
  const name = ctx.f.name('sts');
  if (scope === 'none') return { project, name };
  const res = await ctx.t
    .as(ctx.adminToken)
    .post(`/api/v1/projects/${project}/statefulsets`)
    .send(form(name));
  if (res.status !== 201) throw new Error(`fixture sts: ${res.status} ${JSON.stringify(res.body)}`);
  return { project, name };
}

/**
 * The admin's view of it: the form and resourceVersion (for updates), and its YAML. Read only once the
 * controller has recorded its first status, whose write would otherwise make the read version stale (409).
 */
async function read(
  ctx: Ctx,
  project: string,
  name: string,
): Promise<{ form: object; resourceVersion: string; yaml: string }> {
  await eventually(async () => {
    const ref = STATEFUL_SETS.ref(project, name);
    const sts = await ctx.t.kube.find<V1StatefulSet>(ref);
    const settled =
      sts?.status?.observedGeneration === sts?.metadata?.generation && sts?.status?.currentRevision;
    return !sts || settled ? true : undefined;
  });
  const res = await ctx.t.as(ctx.adminToken).get(`/api/v1/projects/${project}/statefulsets/${name}`);
  if (res.status !== 200)
    return {
      form: form(name),
      resourceVersion: '1',
      yaml: stringify({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name } }),
    };
  return res.body as { form: object; resourceVersion: string; yaml: string };
}

const OPERATIONS: Operation[] = [
  {
    name: 'statefulSets',
    expect: view,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => ['query($p: String!) { statefulSets(project: $p) { totalCount } }', a],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/statefulsets` }),
  },
  {
    name: 'statefulSet',
    expect: view,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => [
      `query($p: String!) { statefulSet(project: $p, name: "${BASE}") { name yaml pods { nodes { name } } revisions { nodes { revision } } } }`,
      a,
    ],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/statefulsets/${BASE}` }),
  },
  {
    name: 'statefulSet pods',
    expect: view,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => [
      `query($p: String!) { statefulSet(project: $p, name: "${BASE}") { pods { nodes { name usage { cpu } } } } }`,
      a,
    ],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/statefulsets/${BASE}/pods` }),
  },
  {
    name: 'revisions',
    expect: view,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => [
      `query($p: String!) { statefulSet(project: $p, name: "${BASE}") { revisions { nodes { revision } } } }`,
      a,
    ],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/statefulsets/${BASE}/revisions` }),
  },
  {
    name: 'revisionDiff',
    expect: view,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => [
      `query($p: String!) { revisionDiff(project: $p, name: "${BASE}", from: 1, to: 1) { changes { path } } }`,
      a,
    ],
    rest: (a) => ({
      method: 'get',
      path: `/api/v1/projects/${a.p}/statefulsets/${BASE}/revisions/diff?from=1&to=1`,
    }),
  },
  {
    name: 'pod',
    expect: view,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => [
      `query($p: String!) { pod(project: $p, name: "${BASE}-0") { name events { reason } } }`,
      a,
    ],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/pods/${BASE}-0` }),
  },
  {
    name: 'podLogs',
    expect: view,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => [`query($p: String!) { podLogs(project: $p, pod: "${BASE}-0", tailLines: 1) }`, a],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/pods/${BASE}-0/logs?tailLines=1` }),
  },
  {
    name: 'createStatefulSet',
    expect: manage,
    prepare: (ctx, _s, scope) => ({
      args: { p: scoped(ctx.pA, ctx.pB)(scope), f: JSON.stringify(form(ctx.f.name('new'))) },
    }),
    graphql: (a) => [
      'mutation($p: String!, $i: StatefulSetInput!) { createStatefulSet(project: $p, input: $i) { dryRun } }',
      { p: a.p, i: JSON.parse(a.f) as object },
    ],
    rest: (a) => ({
      method: 'post',
      path: `/api/v1/projects/${a.p}/statefulsets`,
      body: JSON.parse(a.f) as object,
    }),
  },
  {
    name: 'applyStatefulSetYaml',
    expect: manage,
    prepare: (ctx, _s, scope) => {
      const name = ctx.f.name('yml');
      const yaml = stringify({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name },
        spec: {
          serviceName: name,
          replicas: 0,
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: { containers: [{ name: 'web', image: 'nginx' }] },
          },
        },
      });
      return { args: { p: scoped(ctx.pA, ctx.pB)(scope), y: yaml } };
    },
    graphql: (a) => [
      'mutation($p: String!, $y: String!) { applyStatefulSetYaml(project: $p, yaml: $y) { dryRun } }',
      a,
    ],
    rest: (a) => ({ method: 'post', path: `/api/v1/projects/${a.p}/statefulsets`, yaml: a.y }),
  },
  {
    name: 'updateStatefulSet',
    expect: manage,
    prepare: async (ctx, _s, scope) => {
      const { project, name } = await target(ctx, scope);
      const current = await read(ctx, project, name);
      return { args: { p: project, n: name, f: JSON.stringify(current.form), v: current.resourceVersion } };
    },
    graphql: (a) => [
      'mutation($p: String!, $n: String!, $i: StatefulSetInput!, $v: String!) { updateStatefulSet(project: $p, name: $n, input: $i, resourceVersion: $v) { dryRun } }',
      { p: a.p, n: a.n, i: JSON.parse(a.f) as object, v: a.v },
    ],
    rest: (a) => ({
      method: 'put',
      path: `/api/v1/projects/${a.p}/statefulsets/${a.n}?resourceVersion=${a.v}`,
      body: JSON.parse(a.f) as object,
    }),
  },
  {
    name: 'replaceStatefulSetYaml',
    expect: manage,
    prepare: async (ctx, _s, scope) => {
      const { project, name } = await target(ctx, scope);
      return { args: { p: project, n: name, y: (await read(ctx, project, name)).yaml } };
    },
    graphql: (a) => [
      'mutation($p: String!, $n: String!, $y: String!) { replaceStatefulSetYaml(project: $p, name: $n, yaml: $y) { dryRun } }',
      a,
    ],
    rest: (a) => ({ method: 'put', path: `/api/v1/projects/${a.p}/statefulsets/${a.n}`, yaml: a.y }),
  },
  ...(
    [
      'scaleStatefulSet',
      'redeployStatefulSet',
      'updateStatefulSetService',
      'rollbackStatefulSet',
      'deleteStatefulSet',
    ] as const
  ).map((name): Operation => ({
    name,
    expect: manage,
    prepare: async (ctx, _s, scope) => {
      const t = await target(ctx, scope);
      if (name === 'rollbackStatefulSet' && scope !== 'none') {
        // The controller records revision 1 just after the create.
        await eventually(async () => {
          const list = await ctx.t.kube.list(CONTROLLER_REVISIONS, {
            namespace: t.project,
            labelSelector: `app=${t.name}`,
          });
          return list.items.length ? true : undefined;
        });
      }
      return { args: { p: t.project, n: t.name } };
    },
    graphql: (a) => {
      const call = {
        scaleStatefulSet: 'scaleStatefulSet(project: $p, name: $n, replicas: 0)',
        redeployStatefulSet: 'redeployStatefulSet(project: $p, name: $n)',
        updateStatefulSetService:
          'updateStatefulSetService(project: $p, name: $n, ports: [{ name: "http", port: 80, targetPort: 80 }])',
        rollbackStatefulSet: 'rollbackStatefulSet(project: $p, name: $n, revision: 1)',
        deleteStatefulSet: 'deleteStatefulSet(project: $p, name: $n)',
      }[name];
      return [`mutation($p: String!, $n: String!) { ${call} { dryRun } }`, a];
    },
    rest: (a) =>
      ({
        scaleStatefulSet: {
          method: 'post' as const,
          path: `/api/v1/projects/${a.p}/statefulsets/${a.n}/scale`,
          body: { replicas: 0 },
        },
        redeployStatefulSet: {
          method: 'post' as const,
          path: `/api/v1/projects/${a.p}/statefulsets/${a.n}/redeploy`,
        },
        updateStatefulSetService: {
          method: 'put' as const,
          path: `/api/v1/projects/${a.p}/statefulsets/${a.n}/service`,
          body: { ports: [{ name: 'http', port: 80, targetPort: 80 }] },
        },
        rollbackStatefulSet: {
          method: 'post' as const,
          path: `/api/v1/projects/${a.p}/statefulsets/${a.n}/rollback`,
          body: { revision: 1 },
        },
        deleteStatefulSet: { method: 'delete' as const, path: `/api/v1/projects/${a.p}/statefulsets/${a.n}` },
      })[name],
  })),
  {
    name: 'deletePod',
    expect: manage,
    // A bare pod (no controller to bring it back), made with the service's identity for each case.
    prepare: async (ctx, _s, scope) => {
      const project = scoped(ctx.pA, ctx.pB)(scope);
      const name = ctx.f.name('pod');
      if (scope !== 'none') {
        await ctx.t.kube.create<V1Pod>({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name, namespace: project },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        });
      }
      return { args: { p: project, n: name } };
    },
    graphql: (a) => ['mutation($p: String!, $n: String!) { deletePod(project: $p, name: $n) { name } }', a],
    rest: (a) => ({ method: 'delete', path: `/api/v1/projects/${a.p}/pods/${a.n}` }),
  },
];

describe('permission matrix: StatefulSets and pods', () => {
  let m: MatrixHarness;

  beforeAll(async () => {
    m = await MatrixHarness.start();
    // The StatefulSet every read case looks at, in both projects, with a running pod.
    for (const project of [m.ctx.pA, m.ctx.pB]) {
      const res = await m.t
        .as(m.ctx.adminToken)
        .post(`/api/v1/projects/${project}/statefulsets`)
        .send(form(BASE, 1));
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      await eventually(async () => {
        const pod = await m.t.kube.find(PODS.ref(project, `${BASE}-0`));
        return pod?.status?.phase === 'Running' ? pod : undefined;
      });
    }
  });

  afterAll(async () => {
    await m.ctx?.f.cleanUp();
    await m.t?.close();
  });

  it('every case answers as the roles table says, on both transports', async () => {
    const { mismatches, cases } = await m.run(OPERATIONS);
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(800);
  });
});
