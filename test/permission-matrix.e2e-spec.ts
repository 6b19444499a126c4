import { CONFIG_MAPS, PODS, SECRETS } from '../src/kube';
import { IdentityService } from '../src/iam/identity.service';
import type { KubeObject } from '../src/kube';
import {
  ALL,
  except,
  GHOST,
  MatrixHarness,
  Operation,
  ownWorkspace,
  PA,
  PROJECT_MANAGERS,
  PROJECT_SEERS,
  Role,
  scoped,
  SETUP,
  WS_MEMBERS,
} from './support/permission-matrix';
import { FIXTURE_PASSWORD } from './support/tenancy-fixture';

/** The permission matrix over every operation of the tenancy issue (accounts, workspaces, projects). */
const OPERATIONS: Operation[] = [
  {
    name: 'me',
    expect: { platform: { allow: ALL } },
    graphql: () => ['{ me { username } }', {}],
    rest: () => ({ method: 'get', path: '/api/v1/me' }),
  },
  {
    name: 'cluster',
    expect: { platform: { allow: ALL } },
    graphql: () => ['{ cluster { version } }', {}],
    rest: () => ({ method: 'get', path: '/api/v1/cluster' }),
  },
  {
    name: 'users',
    expect: { platform: { allow: PA, forbidden: except(ALL, PA) } },
    graphql: () => ['{ users { nodes { username } } }', {}],
    rest: () => ({ method: 'get', path: '/api/v1/users' }),
  },
  {
    name: 'user',
    expect: { own: { allow: ALL }, other: { allow: PA }, none: { allow: [] } },
    prepare: (ctx, s, scope) => ({ args: { u: scoped(s.username, ctx.other.username)(scope) } }),
    graphql: (a) => ['query($u: String!) { user(username: $u) { username } }', { u: a.u }],
    rest: (a) => ({ method: 'get', path: `/api/v1/users/${a.u}` }),
  },
  {
    name: 'createUser',
    expect: { platform: { allow: PA, forbidden: except(ALL, PA) } },
    prepare: (ctx) => ({ args: { u: ctx.f.name('new') } }),
    graphql: (a) => [
      'mutation($i: CreateUserInput!) { createUser(input: $i) { username } }',
      { i: { username: a.u, email: `${a.u}@example.com`, password: FIXTURE_PASSWORD } },
    ],
    rest: (a) => ({
      method: 'post',
      path: '/api/v1/users',
      body: { username: a.u, email: `${a.u}@example.com`, password: FIXTURE_PASSWORD },
    }),
    after: (ctx, _s, a) => ctx.f.adopt('user', a.u),
  },
  {
    name: 'updateUser',
    expect: { own: { allow: ALL }, other: { allow: PA }, none: { allow: [] } },
    prepare: (ctx, s, scope) => ({ args: { u: scoped(s.username, ctx.other.username)(scope) } }),
    graphql: (a) => [
      'mutation($u: String!) { updateUser(username: $u, input: { displayName: "Renamed" }) { username } }',
      { u: a.u },
    ],
    rest: (a) => ({ method: 'patch', path: `/api/v1/users/${a.u}`, body: { displayName: 'Renamed' } }),
  },
  {
    name: 'changePassword',
    expect: { own: { allow: ALL }, other: { allow: PA }, none: { allow: [] } },
    prepare: async (ctx, s, scope) => ({
      args: {
        u: scope === 'other' ? (await ctx.f.user()).username : scoped(s.username, '')(scope),
        current: s.password,
      },
    }),
    graphql: (a) => [
      'mutation($u: String!, $c: String!) { changePassword(username: $u, input: { currentPassword: $c, newPassword: "Changed-Passw0rd" }) { username } }',
      { u: a.u, c: a.current },
    ],
    rest: (a) => ({
      method: 'put',
      path: `/api/v1/users/${a.u}/password`,
      body: { currentPassword: a.current, newPassword: 'Changed-Passw0rd' },
    }),
    after: async (ctx, s, a) => {
      // The change ended the subject's own sessions: sign in again with the new password.
      if (a.u === s.username) {
        s.password = 'Changed-Passw0rd';
        s.token = await ctx.f.signIn(s.username, s.password);
      }
    },
  },
  {
    name: 'deleteUser',
    expect: { own: { allow: PA, forbidden: except(ALL, PA) }, other: { allow: PA }, none: { allow: [] } },
    // Deleting oneself would remove the subject: the "own" case runs as a clone with the same platform role.
    prepare: async (ctx, s, scope) => {
      if (scope === 'own') {
        const clone = await ctx.clone(s);
        return { args: { u: clone.username }, as: clone };
      }
      return { args: { u: scope === 'other' ? (await ctx.f.user()).username : GHOST } };
    },
    graphql: (a) => ['mutation($u: String!) { deleteUser(username: $u) { username } }', { u: a.u }],
    rest: (a) => ({ method: 'delete', path: `/api/v1/users/${a.u}` }),
  },
  {
    name: 'apiTokens',
    expect: { own: { allow: ALL }, other: { allow: PA }, none: { allow: [] } },
    prepare: (ctx, s, scope) => ({ args: { u: scoped(s.username, ctx.other.username)(scope) } }),
    graphql: (a) => ['query($u: String!) { apiTokens(username: $u) { nodes { name } } }', { u: a.u }],
    rest: (a) => ({ method: 'get', path: `/api/v1/users/${a.u}/tokens` }),
  },
  {
    name: 'createApiToken',
    expect: { own: { allow: ALL }, other: { allow: [], forbidden: PA }, none: { allow: [] } },
    prepare: (ctx, s, scope) => ({
      args: { u: scoped(s.username, ctx.other.username)(scope), n: ctx.f.name('tok') },
    }),
    graphql: (a) => [
      'mutation($u: String!, $n: String!) { createApiToken(username: $u, input: { name: $n }) { token } }',
      { u: a.u, n: a.n },
    ],
    rest: (a) => ({ method: 'post', path: `/api/v1/users/${a.u}/tokens`, body: { name: a.n } }),
  },
  {
    name: 'revokeApiToken',
    expect: { own: { allow: ALL }, other: { allow: PA }, none: { allow: [] } },
    prepare: async (ctx, s, scope) => {
      const n = ctx.f.name('tok');
      const owner = scope === 'own' ? s : scope === 'other' ? ctx.other : undefined;
      if (owner) await ctx.f.apiToken(owner.token, owner.username, n);
      return { args: { u: owner?.username ?? GHOST, n } };
    },
    graphql: (a) => [
      'mutation($u: String!, $n: String!) { revokeApiToken(username: $u, name: $n) { name } }',
      { u: a.u, n: a.n },
    ],
    rest: (a) => ({ method: 'delete', path: `/api/v1/users/${a.u}/tokens/${a.n}` }),
  },
  {
    name: 'workspaces',
    expect: { platform: { allow: ALL } },
    graphql: () => ['{ workspaces { nodes { name } } }', {}],
    rest: () => ({ method: 'get', path: '/api/v1/workspaces' }),
  },
  {
    name: 'workspace',
    expect: { own: { allow: [...PA, ...WS_MEMBERS] }, other: { allow: PA }, none: { allow: [] } },
    prepare: (ctx, _s, scope) => ({ args: { w: scoped(ctx.wsA, ctx.wsB)(scope) } }),
    graphql: (a) => ['query($w: String!) { workspace(name: $w) { name } }', { w: a.w }],
    rest: (a) => ({ method: 'get', path: `/api/v1/workspaces/${a.w}` }),
  },
  {
    name: 'workspace members',
    expect: { own: { allow: [...PA, ...WS_MEMBERS] }, other: { allow: PA }, none: { allow: [] } },
    prepare: (ctx, _s, scope) => ({ args: { w: scoped(ctx.wsA, ctx.wsB)(scope) } }),
    graphql: (a) => [
      'query($w: String!) { workspace(name: $w) { members { nodes { username } } } }',
      { w: a.w },
    ],
    rest: (a) => ({ method: 'get', path: `/api/v1/workspaces/${a.w}/members` }),
  },
  {
    name: 'createWorkspace',
    expect: {
      platform: {
        allow: ['platform-admin', 'platform-self-provisioner'],
        forbidden: except(ALL, ['platform-admin', 'platform-self-provisioner']),
      },
    },
    prepare: (ctx) => ({ args: { w: ctx.f.name('nws') } }),
    graphql: (a) => ['mutation($w: String!) { createWorkspace(input: { name: $w }) { name } }', { w: a.w }],
    rest: (a) => ({ method: 'post', path: '/api/v1/workspaces', body: { name: a.w } }),
    after: (ctx, _s, a) => ctx.f.adopt('workspace', a.w),
  },
  {
    name: 'updateWorkspace',
    expect: {
      own: {
        allow: ['platform-admin', 'workspace-admin'],
        forbidden: except(WS_MEMBERS, ['workspace-admin']),
      },
      other: { allow: PA },
      none: { allow: [] },
    },
    prepare: (ctx, _s, scope) => ({ args: { w: scoped(ctx.wsA, ctx.wsB)(scope) } }),
    graphql: (a) => [
      'mutation($w: String!) { updateWorkspace(name: $w, input: { description: "changed" }) { name } }',
      { w: a.w },
    ],
    rest: (a) => ({ method: 'patch', path: `/api/v1/workspaces/${a.w}`, body: { description: 'changed' } }),
  },
  {
    name: 'deleteWorkspace',
    expect: {
      own: {
        allow: ['platform-admin', 'workspace-admin'],
        forbidden: except(WS_MEMBERS, ['workspace-admin']),
      },
      other: { allow: PA },
      none: { allow: [] },
    },
    prepare: async (ctx, s, scope) => {
      if (scope === 'none') return { args: { w: GHOST } };
      return {
        args: {
          w: scope === 'own' ? (await ownWorkspace(ctx, s, false)).workspace : await ctx.f.workspace(),
        },
      };
    },
    graphql: (a) => ['mutation($w: String!) { deleteWorkspace(name: $w) { name } }', { w: a.w }],
    rest: (a) => ({ method: 'delete', path: `/api/v1/workspaces/${a.w}` }),
  },
  ...(['addWorkspaceMember', 'changeWorkspaceMemberRole', 'removeWorkspaceMember'] as const).map(
    (name): Operation => ({
      name,
      expect: {
        own: {
          allow: ['platform-admin', 'workspace-admin'],
          forbidden: except(WS_MEMBERS, ['workspace-admin']),
        },
        other: { allow: PA },
        none: { allow: [] },
      },
      prepare: async (ctx, _s, scope) => {
        const w = scoped(ctx.wsA, ctx.wsB)(scope);
        const target = (await ctx.f.user()).username;
        if (name !== 'addWorkspaceMember' && scope !== 'none')
          await ctx.f.workspaceMember(w, target, 'workspace-regular');
        return { args: { w, u: target } };
      },
      graphql: (a) =>
        name === 'addWorkspaceMember'
          ? [
              'mutation($w: String!, $u: String!) { addWorkspaceMember(workspace: $w, input: { username: $u, role: WORKSPACE_REGULAR }) { role } }',
              a,
            ]
          : name === 'changeWorkspaceMemberRole'
            ? [
                'mutation($w: String!, $u: String!) { changeWorkspaceMemberRole(workspace: $w, username: $u, input: { role: WORKSPACE_VIEWER }) { role } }',
                a,
              ]
            : [
                'mutation($w: String!, $u: String!) { removeWorkspaceMember(workspace: $w, username: $u) { role } }',
                a,
              ],
      rest: (a) =>
        name === 'addWorkspaceMember'
          ? {
              method: 'post',
              path: `/api/v1/workspaces/${a.w}/members`,
              body: { username: a.u, role: 'workspace-regular' },
            }
          : name === 'changeWorkspaceMemberRole'
            ? {
                method: 'put',
                path: `/api/v1/workspaces/${a.w}/members/${a.u}`,
                body: { role: 'workspace-viewer' },
              }
            : { method: 'delete', path: `/api/v1/workspaces/${a.w}/members/${a.u}` },
    }),
  ),
  {
    name: 'projects',
    expect: { own: { allow: [...PA, ...WS_MEMBERS] }, other: { allow: PA }, none: { allow: [] } },
    prepare: (ctx, _s, scope) => ({ args: { w: scoped(ctx.wsA, ctx.wsB)(scope) } }),
    graphql: (a) => ['query($w: String!) { projects(workspace: $w) { nodes { name } } }', { w: a.w }],
    rest: (a) => ({ method: 'get', path: `/api/v1/workspaces/${a.w}/projects` }),
  },
  {
    name: 'createProject',
    expect: {
      own: {
        allow: ['platform-admin', 'workspace-admin', 'workspace-self-provisioner'],
        forbidden: except(WS_MEMBERS, ['workspace-admin', 'workspace-self-provisioner']),
      },
      other: { allow: PA },
      none: { allow: [] },
    },
    prepare: (ctx, _s, scope) => ({
      args: { w: scoped(ctx.wsA, ctx.wsB)(scope), p: ctx.f.name('np') },
    }),
    graphql: (a) => [
      'mutation($w: String!, $p: String!) { createProject(workspace: $w, input: { name: $p }) { name } }',
      a,
    ],
    rest: (a) => ({ method: 'post', path: `/api/v1/workspaces/${a.w}/projects`, body: { name: a.p } }),
    after: (ctx, _s, a) => ctx.f.adopt('project', a.p),
  },
  {
    name: 'project',
    expect: { own: { allow: PROJECT_SEERS }, other: { allow: PA }, none: { allow: [] } },
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => ['query($p: String!) { project(name: $p) { name } }', { p: a.p }],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}` }),
  },
  {
    name: 'project members',
    expect: { own: { allow: PROJECT_SEERS }, other: { allow: PA }, none: { allow: [] } },
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => [
      'query($p: String!) { project(name: $p) { members { nodes { username } } } }',
      { p: a.p },
    ],
    rest: (a) => ({ method: 'get', path: `/api/v1/projects/${a.p}/members` }),
  },
  {
    name: 'updateProject',
    expect: {
      own: { allow: PROJECT_MANAGERS, forbidden: except(PROJECT_SEERS, PROJECT_MANAGERS) },
      other: { allow: PA },
      none: { allow: [] },
    },
    prepare: (ctx, _s, scope) => ({ args: { p: scoped(ctx.pA, ctx.pB)(scope) } }),
    graphql: (a) => [
      'mutation($p: String!) { updateProject(name: $p, input: { description: "changed" }) { name } }',
      { p: a.p },
    ],
    rest: (a) => ({ method: 'patch', path: `/api/v1/projects/${a.p}`, body: { description: 'changed' } }),
  },
  {
    name: 'deleteProject',
    expect: {
      own: { allow: PROJECT_MANAGERS, forbidden: except(PROJECT_SEERS, PROJECT_MANAGERS) },
      other: { allow: PA },
      none: { allow: [] },
    },
    prepare: async (ctx, s, scope) => {
      if (scope === 'none') return { args: { p: GHOST } };
      if (scope === 'own') return { args: { p: (await ownWorkspace(ctx, s, true)).project! } };
      return { args: { p: await ctx.f.project(ctx.wsB) } };
    },
    graphql: (a) => ['mutation($p: String!) { deleteProject(name: $p) { name } }', { p: a.p }],
    rest: (a) => ({ method: 'delete', path: `/api/v1/projects/${a.p}` }),
  },
  ...(['addProjectMember', 'changeProjectMemberRole', 'removeProjectMember'] as const).map(
    (name): Operation => ({
      name,
      expect: {
        own: { allow: PROJECT_MANAGERS, forbidden: except(PROJECT_SEERS, PROJECT_MANAGERS) },
        other: { allow: PA },
        none: { allow: [] },
      },
      prepare: async (ctx, _s, scope) => {
        const p = scoped(ctx.pA, ctx.pB)(scope);
        const target = (await ctx.f.user()).username;
        if (scope !== 'none') {
          await ctx.f.workspaceMember(scope === 'own' ? ctx.wsA : ctx.wsB, target, 'workspace-regular');
          if (name !== 'addProjectMember') await ctx.f.projectMember(p, target, 'project-viewer');
        }
        return { args: { p, u: target } };
      },
      graphql: (a) =>
        name === 'addProjectMember'
          ? [
              'mutation($p: String!, $u: String!) { addProjectMember(project: $p, input: { username: $u, role: PROJECT_VIEWER }) { role } }',
              a,
            ]
          : name === 'changeProjectMemberRole'
            ? [
                'mutation($p: String!, $u: String!) { changeProjectMemberRole(project: $p, username: $u, input: { role: PROJECT_REGULAR }) { role } }',
                a,
              ]
            : [
                'mutation($p: String!, $u: String!) { removeProjectMember(project: $p, username: $u) { role } }',
                a,
              ],
      rest: (a) =>
        name === 'addProjectMember'
          ? {
              method: 'post',
              path: `/api/v1/projects/${a.p}/members`,
              body: { username: a.u, role: 'project-viewer' },
            }
          : name === 'changeProjectMemberRole'
            ? {
                method: 'put',
                path: `/api/v1/projects/${a.p}/members/${a.u}`,
                body: { role: 'project-regular' },
              }
            : { method: 'delete', path: `/api/v1/projects/${a.p}/members/${a.u}` },
    }),
  ),
];

describe('permission matrix: accounts, workspaces and projects', () => {
  let m: MatrixHarness;

  beforeAll(async () => {
    m = await MatrixHarness.start();
  });

  afterAll(async () => {
    await m.ctx?.f.cleanUp();
    await m.t?.close();
  });

  it('every case answers as the roles table says, on both transports', async () => {
    const { mismatches, cases } = await m.run(OPERATIONS);
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(1000);
  });

  describe("Kubernetes' own RBAC refuses what Berth would refuse (impersonated calls)", () => {
    const identityOf = (role: Role, workspace: string) => {
      const setup = SETUP[role];
      return m.t.app
        .get(IdentityService)
        .forProject(m.subjects.get(role)!.username, setup.platform, workspace, setup.workspace ?? null);
    };
    const roleBinding = (namespace: string): KubeObject =>
      ({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: m.ctx.f.name('escalate'), namespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'berth:project-admin' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'berth:mallory' }],
      }) as KubeObject;
    const configMap = (namespace: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: m.ctx.f.name('cm'), namespace },
    });

    it('a project-regular cannot create a RoleBinding in its own project', async () => {
      const kube = m.t.kube.as(identityOf('project-regular', m.ctx.wsA));
      await expect(kube.create(roleBinding(m.ctx.pA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // ...while it may do what the role allows there (so the refusal is RBAC, not a broken identity).
      await expect(kube.create(configMap(m.ctx.pA))).resolves.toBeDefined();
    });

    it.each(WS_MEMBERS)('a %s cannot read another tenant’s namespace', async (role) => {
      const kube = m.t.kube.as(identityOf(role, m.ctx.wsA));
      await expect(kube.list(PODS, { namespace: m.ctx.pB })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(kube.list(CONFIG_MAPS, { namespace: m.ctx.pB })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('viewers read but cannot write; workspace roles reach projects through their group', async () => {
      const viewer = m.t.kube.as(identityOf('project-viewer', m.ctx.wsA));
      await expect(viewer.list(PODS, { namespace: m.ctx.pA })).resolves.toBeDefined();
      await expect(viewer.create(configMap(m.ctx.pA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(viewer.list(SECRETS, { namespace: m.ctx.pA })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });

      const wsViewer = m.t.kube.as(identityOf('workspace-viewer', m.ctx.wsA));
      await expect(wsViewer.list(PODS, { namespace: m.ctx.pA })).resolves.toBeDefined();
      await expect(wsViewer.create(configMap(m.ctx.pA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const wsAdmin = m.t.kube.as(identityOf('workspace-admin', m.ctx.wsA));
      await expect(wsAdmin.create(configMap(m.ctx.pA))).resolves.toBeDefined();
      const wsRegular = m.t.kube.as(identityOf('workspace-regular', m.ctx.wsA));
      await expect(wsRegular.list(PODS, { namespace: m.ctx.pA })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });
});
