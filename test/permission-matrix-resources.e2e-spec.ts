import {
  Ctx,
  except,
  MatrixHarness,
  Operation,
  PA,
  PROJECT_SEERS,
  Role,
  Scope,
  scoped,
} from './support/permission-matrix';

/** The permission matrix over ConfigMaps and Secrets. */

const MANAGERS: Role[] = ['platform-admin', 'workspace-admin', 'project-admin', 'project-regular'];
const view = { own: { allow: PROJECT_SEERS }, other: { allow: PA }, none: { allow: [] } };
const manage = {
  own: { allow: MANAGERS, forbidden: except(PROJECT_SEERS, MANAGERS) },
  other: { allow: PA },
  none: { allow: [] },
};
const CM = 'mx-config';
const SECRET = 'mx-secret';
const VALUES = [{ key: 'k', value: 'v' }];

/** A fresh ConfigMap or Secret made by the admin in the case's project, for cases that change it. */
async function target(
  ctx: Ctx,
  scope: Scope,
  kind: 'configmaps' | 'secrets',
): Promise<{ p: string; n: string; v: string }> {
  const p = scoped(ctx.pA, ctx.pB)(scope);
  const n = ctx.f.name(kind === 'configmaps' ? 'cm' : 'sec');
  if (scope === 'none') return { p, n, v: '1' };
  const body = kind === 'configmaps' ? { name: n, data: VALUES } : { name: n, kind: 'OPAQUE', data: VALUES };
  const res = await ctx.t.as(ctx.adminToken).post(`/api/v1/projects/${p}/${kind}`).send(body);
  if (res.status !== 201) throw new Error(`fixture ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  return { p, n, v: (res.body as { resourceVersion: string }).resourceVersion };
}

const project = (ctx: Ctx, scope: Scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } });

const OPERATIONS: Operation[] = [
  {
    name: 'configMaps',
    expect: view,
    prepare: (ctx, _s, scope) => project(ctx, scope),
    graphql: (a) => ['query($p: String!) { configMaps(project: $p) { name } }', a],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/configmaps` }),
  },
  {
    name: 'configMap',
    expect: view,
    prepare: (ctx, _s, scope) => project(ctx, scope),
    graphql: (a) => [`query($p: String!) { configMap(project: $p, name: "${CM}") { name } }`, a],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/configmaps/${CM}` }),
  },
  {
    name: 'createConfigMap',
    expect: manage,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope), n: ctx.f.name('cm') } }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!) { createConfigMap(project: $p, input: { name: $n, data: [] }) { name } }',
      a,
    ],
    rest: (a) => ({
      method: 'post',
      path: `/api/v1/projects/${a.p}/configmaps`,
      body: { name: a.n, data: [] },
    }),
  },
  {
    name: 'updateConfigMap',
    expect: manage,
    prepare: async (ctx, _s, scope) => ({ args: await target(ctx, scope, 'configmaps') }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!, $v: String!) { updateConfigMap(project: $p, name: $n, input: { data: [] }, resourceVersion: $v) { name } }',
      a,
    ],
    rest: (a) => ({
      method: 'put',
      path: `/api/v1/projects/${a.p}/configmaps/${a.n}?resourceVersion=${a.v}`,
      body: { data: [] },
    }),
  },
  {
    name: 'deleteConfigMap',
    expect: manage,
    prepare: async (ctx, _s, scope) => ({ args: await target(ctx, scope, 'configmaps') }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!) { deleteConfigMap(project: $p, name: $n) { name } }',
      a,
    ],
    rest: (a) => ({ method: 'delete', path: `/api/v1/projects/${a.p}/configmaps/${a.n}` }),
  },
  {
    name: 'secrets',
    expect: view,
    prepare: (ctx, _s, scope) => project(ctx, scope),
    graphql: (a) => ['query($p: String!) { secrets(project: $p) { name keys } }', a],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/secrets` }),
  },
  {
    name: 'secret',
    expect: view,
    prepare: (ctx, _s, scope) => project(ctx, scope),
    graphql: (a) => [`query($p: String!) { secret(project: $p, name: "${SECRET}") { name keys } }`, a],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/secrets/${SECRET}` }),
  },
  {
    name: 'secretValues',
    expect: {
      own: { allow: MANAGERS, forbidden: except(PROJECT_SEERS, MANAGERS) },
      other: { allow: PA },
      none: { allow: [] },
    },
    prepare: (ctx, _s, scope) => project(ctx, scope),
    graphql: (a) => [
      `query($p: String!) { secretValues(project: $p, name: "${SECRET}") { data { key } } }`,
      a,
    ],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/secrets/${SECRET}/values` }),
  },
  {
    name: 'createSecret',
    expect: manage,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope), n: ctx.f.name('sec') } }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!) { createSecret(project: $p, input: { name: $n, kind: OPAQUE, data: [] }) { name } }',
      a,
    ],
    rest: (a) => ({
      method: 'post',
      path: `/api/v1/projects/${a.p}/secrets`,
      body: { name: a.n, kind: 'OPAQUE', data: [] },
    }),
  },
  {
    name: 'updateSecret',
    expect: manage,
    prepare: async (ctx, _s, scope) => ({ args: await target(ctx, scope, 'secrets') }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!, $v: String!) { updateSecret(project: $p, name: $n, input: { data: [] }, resourceVersion: $v) { name } }',
      a,
    ],
    rest: (a) => ({
      method: 'put',
      path: `/api/v1/projects/${a.p}/secrets/${a.n}?resourceVersion=${a.v}`,
      body: { data: [] },
    }),
  },
  {
    name: 'deleteSecret',
    expect: manage,
    prepare: async (ctx, _s, scope) => ({ args: await target(ctx, scope, 'secrets') }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!) { deleteSecret(project: $p, name: $n) { name } }',
      a,
    ],
    rest: (a) => ({ method: 'delete', path: `/api/v1/projects/${a.p}/secrets/${a.n}` }),
  },
];

describe('permission matrix: ConfigMaps and Secrets', () => {
  let m: MatrixHarness;

  beforeAll(async () => {
    m = await MatrixHarness.start();
    // What every read case looks at, in both projects.
    for (const p of [m.ctx.pA, m.ctx.pB]) {
      const admin = m.t.as(m.ctx.adminToken);
      const cm = await admin.post(`/api/v1/projects/${p}/configmaps`).send({ name: CM, data: VALUES });
      const secret = await admin
        .post(`/api/v1/projects/${p}/secrets`)
        .send({ name: SECRET, kind: 'OPAQUE', data: VALUES });
      if (cm.status !== 201 || secret.status !== 201) throw new Error(JSON.stringify([cm.body, secret.body]));
    }
  });

  afterAll(async () => {
    await m.ctx?.f.cleanUp();
    await m.t?.close();
  });

  it('every case answers as the roles table says, on both transports', async () => {
    const { mismatches, cases } = await m.run(OPERATIONS);
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(600);
  });
});
