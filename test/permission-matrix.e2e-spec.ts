import { IdentityService } from '../src/iam/identity.service';
import { PlatformRole, WorkspaceRole } from '../src/iam/roles';
import type { KubeObject } from '../src/kube';
import { FIXTURE_PASSWORD, TenancyFixture } from './support/tenancy-fixture';
import { TestApp } from './support/test-app';

/**
 * Every role x every operation of the tenancy issue x (own scope, another tenant's scope, a scope
 * that does not exist), on GraphQL and REST. The expectations below are written out by hand from the
 * README's roles table (not computed from the code's table), so a drift in either shows up here.
 */

type Role =
  | 'platform-admin'
  | 'platform-self-provisioner'
  | 'platform-regular'
  | 'workspace-admin'
  | 'workspace-self-provisioner'
  | 'workspace-regular'
  | 'workspace-viewer'
  | 'project-admin'
  | 'project-regular'
  | 'project-viewer';
type Scope = 'own' | 'other' | 'none' | 'platform';
type Outcome = 'allow' | 'FORBIDDEN' | 'NOT_FOUND';

const ROLES: Role[] = [
  'platform-admin',
  'platform-self-provisioner',
  'platform-regular',
  'workspace-admin',
  'workspace-self-provisioner',
  'workspace-regular',
  'workspace-viewer',
  'project-admin',
  'project-regular',
  'project-viewer',
];
const ALL = ROLES;
const PA: Role[] = ['platform-admin'];
const WS_MEMBERS: Role[] = ROLES.filter((r) => r.startsWith('workspace-') || r.startsWith('project-'));
const PROJECT_SEERS: Role[] = [
  'platform-admin',
  'workspace-admin',
  'workspace-viewer',
  'project-admin',
  'project-regular',
  'project-viewer',
];
const PROJECT_MANAGERS: Role[] = ['platform-admin', 'workspace-admin', 'project-admin'];
const except = (all: Role[], ...out: Role[][]) => all.filter((r) => !out.flat().includes(r));

interface Subject {
  role: Role;
  username: string;
  password: string;
  token: string;
}

interface Ctx {
  f: TenancyFixture;
  wsA: string;
  wsB: string;
  pA: string;
  pB: string;
  other: Subject;
  subjectFor(role: Role): Subject;
  clone(subject: Subject): Promise<Subject>;
}

type Args = Record<string, string>;
interface Prepared {
  args: Args;
  as?: Subject;
}

interface Operation {
  name: string;
  /** Roles allowed, and roles refused with FORBIDDEN, per scope; everyone else gets NOT_FOUND. */
  expect: Partial<Record<Scope, { allow: Role[]; forbidden?: Role[] }>>;
  /** Builds the target of one case; may create fixtures, and may act as another subject. */
  prepare?(ctx: Ctx, subject: Subject, scope: Scope): Promise<Prepared> | Prepared;
  graphql(args: Args): [string, Record<string, unknown>];
  rest(args: Args): { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; body?: object };
  /** After a successful case (e.g. the subject's password changed). */
  after?(ctx: Ctx, subject: Subject, args: Args): Promise<void> | void;
}

const GHOST = 'ghost-does-not-exist';
const scoped = (own: string, other: string) => (scope: Scope) =>
  scope === 'own' ? own : scope === 'other' ? other : GHOST;

/** Platform role of each subject, and its role in workspace A / project A. */
const SETUP: Record<Role, { platform: PlatformRole; workspace?: WorkspaceRole; project?: string }> = {
  'platform-admin': { platform: PlatformRole.ADMIN },
  'platform-self-provisioner': { platform: PlatformRole.SELF_PROVISIONER },
  'platform-regular': { platform: PlatformRole.REGULAR },
  'workspace-admin': { platform: PlatformRole.REGULAR, workspace: WorkspaceRole.ADMIN },
  'workspace-self-provisioner': { platform: PlatformRole.REGULAR, workspace: WorkspaceRole.SELF_PROVISIONER },
  'workspace-regular': { platform: PlatformRole.REGULAR, workspace: WorkspaceRole.REGULAR },
  'workspace-viewer': { platform: PlatformRole.REGULAR, workspace: WorkspaceRole.VIEWER },
  'project-admin': {
    platform: PlatformRole.REGULAR,
    workspace: WorkspaceRole.REGULAR,
    project: 'project-admin',
  },
  'project-regular': {
    platform: PlatformRole.REGULAR,
    workspace: WorkspaceRole.REGULAR,
    project: 'project-regular',
  },
  'project-viewer': {
    platform: PlatformRole.REGULAR,
    workspace: WorkspaceRole.REGULAR,
    project: 'project-viewer',
  },
};

/** A workspace (and optionally a project in it) where `subject` has its own role, for destructive cases. */
async function ownWorkspace(
  ctx: Ctx,
  subject: Subject,
  withProject: boolean,
): Promise<{ workspace: string; project?: string }> {
  const workspace = await ctx.f.workspace();
  const setup = SETUP[subject.role];
  if (setup.workspace) await ctx.f.workspaceMember(workspace, subject.username, setup.workspace);
  if (!withProject) return { workspace };
  const project = await ctx.f.project(workspace);
  if (setup.project) await ctx.f.projectMember(project, subject.username, setup.project);
  return { workspace, project };
}

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
    graphql: () => ['{ users { username } }', {}],
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
    graphql: (a) => ['query($u: String!) { apiTokens(username: $u) { name } }', { u: a.u }],
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
    graphql: () => ['{ workspaces { name } }', {}],
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
    graphql: (a) => ['query($w: String!) { workspace(name: $w) { members { username } } }', { w: a.w }],
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
              'mutation($w: String!, $u: String!) { addWorkspaceMember(workspace: $w, input: { username: $u, role: "workspace-regular" }) { role } }',
              a,
            ]
          : name === 'changeWorkspaceMemberRole'
            ? [
                'mutation($w: String!, $u: String!) { changeWorkspaceMemberRole(workspace: $w, username: $u, input: { role: "workspace-viewer" }) { role } }',
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
    graphql: (a) => ['query($w: String!) { projects(workspace: $w) { name } }', { w: a.w }],
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
    graphql: (a) => ['query($p: String!) { project(name: $p) { members { username } } }', { p: a.p }],
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
              'mutation($p: String!, $u: String!) { addProjectMember(project: $p, input: { username: $u, role: "project-viewer" }) { role } }',
              a,
            ]
          : name === 'changeProjectMemberRole'
            ? [
                'mutation($p: String!, $u: String!) { changeProjectMemberRole(project: $p, username: $u, input: { role: "project-regular" }) { role } }',
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

function expected(op: Operation, scope: Scope, role: Role): Outcome {
  const rule = op.expect[scope]!;
  if (rule.allow.includes(role)) return 'allow';
  if (rule.forbidden?.includes(role)) return 'FORBIDDEN';
  return 'NOT_FOUND';
}

describe('permission matrix', () => {
  let t: TestApp;
  let ctx: Ctx;
  const subjects = new Map<Role, Subject>();

  beforeAll(async () => {
    t = await TestApp.start();
    const adminToken = await t.token();
    const f = new TenancyFixture(t, adminToken);
    const [wsA, wsB] = [await f.workspace(), await f.workspace()];
    const [pA, pB] = [await f.project(wsA), await f.project(wsB)];
    const otherUser = await f.user();
    await f.workspaceMember(wsB, otherUser.username, 'workspace-admin');
    await f.projectMember(pB, otherUser.username, 'project-admin');
    const other: Subject = {
      role: 'platform-regular',
      ...otherUser,
      token: await f.signIn(otherUser.username),
    };

    for (const role of ROLES) {
      const setup = SETUP[role];
      const user = await f.user(setup.platform);
      if (setup.workspace) await f.workspaceMember(wsA, user.username, setup.workspace);
      if (setup.project) await f.projectMember(pA, user.username, setup.project);
      subjects.set(role, { role, ...user, token: await f.signIn(user.username) });
    }

    ctx = {
      f,
      wsA,
      wsB,
      pA,
      pB,
      other,
      subjectFor: (role) => subjects.get(role)!,
      clone: async (s) => {
        const user = await f.user(SETUP[s.role].platform);
        return { role: s.role, ...user, token: await f.signIn(user.username) };
      },
    };
  });

  afterAll(async () => {
    await ctx?.f.cleanUp();
    await t?.close();
  });

  it('every case answers as the roles table says, on both transports', async () => {
    const mismatches: string[] = [];
    let cases = 0;
    // Roles run in parallel (each has its own subject); a role's cases run in order.
    await Promise.all(
      ROLES.map(async (role) => {
        for (const op of OPERATIONS) {
          for (const scope of Object.keys(op.expect) as Scope[]) {
            for (const transport of ['graphql', 'rest'] as const) {
              const label = `${op.name} [${scope}] as ${role} via ${transport}`;
              try {
                const subject = ctx.subjectFor(role);
                const { args, as } = op.prepare ? await op.prepare(ctx, subject, scope) : { args: {} };
                const caller = as ?? subject;
                const outcome =
                  transport === 'graphql'
                    ? await viaGraphQL(t, op, args, caller.token)
                    : await viaRest(t, op, args, caller.token);
                const want = expected(op, scope, role);
                cases++;
                if (outcome !== want) mismatches.push(`${label}: expected ${want}, got ${outcome}`);
                else if (outcome === 'allow' && op.after) await op.after(ctx, caller, args);
              } catch (error) {
                // A failing fixture is a failure too, but it must not stop the other roles mid-flight.
                mismatches.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
              }
            }
          }
        }
      }),
    );
    expect(mismatches.sort()).toEqual([]);
    expect(cases).toBeGreaterThan(1000);
  });

  describe("Kubernetes' own RBAC refuses what Berth would refuse (impersonated calls)", () => {
    const identityOf = (role: Role, workspace: string) => {
      const setup = SETUP[role];
      return t.app
        .get(IdentityService)
        .forProject(subjects.get(role)!.username, setup.platform, workspace, setup.workspace ?? null);
    };
    const roleBinding = (namespace: string): KubeObject =>
      ({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: ctx.f.name('escalate'), namespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'berth:project-admin' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'berth:mallory' }],
      }) as KubeObject;
    const configMap = (namespace: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ctx.f.name('cm'), namespace },
    });

    it('a project-regular cannot create a RoleBinding in its own project', async () => {
      const kube = t.kube.as(identityOf('project-regular', ctx.wsA));
      await expect(kube.create(roleBinding(ctx.pA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // ...while it may do what the role allows there (so the refusal is RBAC, not a broken identity).
      await expect(kube.create(configMap(ctx.pA))).resolves.toBeDefined();
    });

    it.each(WS_MEMBERS)('a %s cannot read another tenant’s namespace', async (role) => {
      const kube = t.kube.as(identityOf(role, ctx.wsA));
      await expect(kube.list('v1', 'Pod', { namespace: ctx.pB })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(kube.list('v1', 'ConfigMap', { namespace: ctx.pB })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('viewers read but cannot write; workspace roles reach projects through their group', async () => {
      const viewer = t.kube.as(identityOf('project-viewer', ctx.wsA));
      await expect(viewer.list('v1', 'Pod', { namespace: ctx.pA })).resolves.toBeDefined();
      await expect(viewer.create(configMap(ctx.pA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(viewer.list('v1', 'Secret', { namespace: ctx.pA })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });

      const wsViewer = t.kube.as(identityOf('workspace-viewer', ctx.wsA));
      await expect(wsViewer.list('v1', 'Pod', { namespace: ctx.pA })).resolves.toBeDefined();
      await expect(wsViewer.create(configMap(ctx.pA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const wsAdmin = t.kube.as(identityOf('workspace-admin', ctx.wsA));
      await expect(wsAdmin.create(configMap(ctx.pA))).resolves.toBeDefined();
      const wsRegular = t.kube.as(identityOf('workspace-regular', ctx.wsA));
      await expect(wsRegular.list('v1', 'Pod', { namespace: ctx.pA })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });
});

async function viaGraphQL(t: TestApp, op: Operation, args: Args, token: string): Promise<string> {
  const [query, variables] = op.graphql(args);
  const res = await t.graphql(query, variables, token);
  if (!res.errors && res.data) return 'allow';
  const code = res.errors?.[0]?.extensions.code;
  return code === 'FORBIDDEN' || code === 'NOT_FOUND' ? code : `${code}: ${res.errors?.[0]?.message}`;
}

async function viaRest(t: TestApp, op: Operation, args: Args, token: string): Promise<string> {
  const { method, path, body } = op.rest(args);
  const req = t.as(token)[method](path);
  const res = body ? await req.send(body) : await req;
  if (res.status >= 200 && res.status < 300) return 'allow';
  if (res.status === 403) return 'FORBIDDEN';
  if (res.status === 404) return 'NOT_FOUND';
  return `${res.status}: ${JSON.stringify(res.body)}`;
}
