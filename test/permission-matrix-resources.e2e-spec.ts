import { PERSISTENT_VOLUME_CLAIMS } from '../src/kube';
import { TestRegistry } from './support/registry';
import {
  ALL,
  Ctx,
  MatrixHarness,
  Operation,
  Scope,
  scoped,
  PROJECT_VIEW,
  PROJECT_WRITE,
} from './support/permission-matrix';
import { eventually, testConfig } from './support/test-app';

/** The permission matrix over ConfigMaps, Secrets, volumes, storage classes and image inspection. */

const view = PROJECT_VIEW;
const manage = PROJECT_WRITE;
const CM = 'mx-config';
const SECRET = 'mx-secret';
const VALUES = [{ key: 'k', value: 'v' }];
const VOLUME = 'mx-volume';
const CLAIM = { accessModes: ['ReadWriteOnce'], size: '1Gi' };
let image = '';

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

/** A fresh Bound volume made by the admin in the case's project, for cases that change it. */
async function volume(ctx: Ctx, scope: Scope): Promise<{ p: string; n: string }> {
  const p = scoped(ctx.pA, ctx.pB)(scope);
  const n = ctx.f.name('vol');
  if (scope === 'none') return { p, n };
  const res = await ctx.t
    .as(ctx.adminToken)
    .post(`/api/v1/projects/${p}/volumes`)
    .send({ name: n, ...CLAIM });
  if (res.status !== 201) throw new Error(`fixture volume: ${res.status} ${JSON.stringify(res.body)}`);
  // Only a Bound claim can be expanded.
  await eventually(async () => {
    const claim = await ctx.t.kube.get(PERSISTENT_VOLUME_CLAIMS.ref(p, n));
    return claim.status?.phase === 'Bound' ? true : undefined;
  });
  return { p, n };
}

const project = (ctx: Ctx, scope: Scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } });

const OPERATIONS: Operation[] = [
  {
    name: 'configMaps',
    expect: view,
    prepare: (ctx, _s, scope) => project(ctx, scope),
    graphql: (a) => ['query($p: String!) { configMaps(project: $p) { nodes { name } } }', a],
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
    graphql: (a) => ['query($p: String!) { secrets(project: $p) { nodes { name keys } } }', a],
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
    // Values are for the writers only: project-viewer reads keys, never values.
    expect: PROJECT_WRITE,
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
  {
    name: 'storageClasses',
    expect: { platform: { allow: ALL } },
    graphql: () => ['{ storageClasses { nodes { name } } }', {}],
    rest: () => ({ method: 'get', path: '/api/v1/storageclasses' }),
  },
  {
    name: 'volumes',
    expect: view,
    prepare: (ctx, _s, scope) => project(ctx, scope),
    graphql: (a) => ['query($p: String!) { volumes(project: $p) { totalCount } }', a],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/volumes` }),
  },
  {
    name: 'volume',
    expect: view,
    prepare: (ctx, _s, scope) => project(ctx, scope),
    graphql: (a) => [`query($p: String!) { volume(project: $p, name: "${VOLUME}") { name } }`, a],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/volumes/${VOLUME}` }),
  },
  {
    name: 'createVolume',
    expect: manage,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope), n: ctx.f.name('vol') } }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!) { createVolume(project: $p, input: { name: $n, accessModes: [ReadWriteOnce], size: "1Gi" }) { dryRun } }',
      a,
    ],
    rest: (a) => ({ method: 'post', path: `/api/v1/projects/${a.p}/volumes`, body: { name: a.n, ...CLAIM } }),
  },
  {
    name: 'expandVolume',
    expect: manage,
    prepare: async (ctx, _s, scope) => ({ args: await volume(ctx, scope) }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!) { expandVolume(project: $p, name: $n, size: "2Gi") { dryRun } }',
      a,
    ],
    rest: (a) => ({
      method: 'post',
      path: `/api/v1/projects/${a.p}/volumes/${a.n}/expand`,
      body: { size: '2Gi' },
    }),
  },
  {
    name: 'deleteVolume',
    expect: manage,
    prepare: async (ctx, _s, scope) => ({ args: await volume(ctx, scope) }),
    graphql: (a) => [
      'mutation($p: String!, $n: String!) { deleteVolume(project: $p, name: $n) { dryRun } }',
      a,
    ],
    rest: (a) => ({ method: 'delete', path: `/api/v1/projects/${a.p}/volumes/${a.n}` }),
  },
  {
    name: 'imageInfo',
    expect: view,
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope), i: image } }),
    graphql: (a) => [
      'query($p: String!, $i: String!) { imageInfo(project: $p, image: $i) { ports { containerPort } } }',
      a,
    ],
    rest: (a) => ({
      method: 'get',
      path: `/api/v1/projects/${a.p}/images/inspect?image=${encodeURIComponent(a.i)}`,
    }),
  },
];

describe('permission matrix: ConfigMaps, Secrets, volumes, storage classes and images', () => {
  let m: MatrixHarness;
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await TestRegistry.start();
    await registry.pushImage(
      'mx/app',
      { architecture: 'amd64', os: 'linux', config: { ExposedPorts: { '80/tcp': {} } } },
      ['1'],
    );
    image = `${registry.host}/mx/app:1`;
    m = await MatrixHarness.start(testConfig({ registries: { [registry.host]: { insecure: true } } }));
    // What every read case looks at, in both projects.
    for (const p of [m.ctx.pA, m.ctx.pB]) {
      const admin = m.t.as(m.ctx.adminToken);
      const cm = await admin.post(`/api/v1/projects/${p}/configmaps`).send({ name: CM, data: VALUES });
      const secret = await admin
        .post(`/api/v1/projects/${p}/secrets`)
        .send({ name: SECRET, kind: 'OPAQUE', data: VALUES });
      const claim = await admin.post(`/api/v1/projects/${p}/volumes`).send({ name: VOLUME, ...CLAIM });
      if (cm.status !== 201 || secret.status !== 201 || claim.status !== 201)
        throw new Error(JSON.stringify([cm.body, secret.body, claim.body]));
    }
  });

  afterAll(async () => {
    await m.ctx?.f.cleanUp();
    await m.t?.close();
    await registry?.stop();
  });

  it('every case answers as the roles table says, on both transports', async () => {
    const { mismatches, cases } = await m.run(OPERATIONS);
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(600);
  });
});
