import { PlatformRole, WorkspaceRole } from '../../src/iam/roles';
import { TenancyFixture } from './tenancy-fixture';
import { TestApp } from './test-app';
import type { AppConfig } from '../../src/config/app-config';

/**
 * The permission matrix: every role x operation x (own scope, another tenant's scope, a scope that
 * does not exist) x transport. Expectations are written out by hand from the README's roles table
 * (not computed from the code's table), so a drift in either shows up.
 */
export type Role =
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
export type Scope = 'own' | 'other' | 'none' | 'platform';
export type Outcome = 'allow' | 'FORBIDDEN' | 'NOT_FOUND';

export const ROLES: Role[] = [
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
export const ALL = ROLES;
export const PA: Role[] = ['platform-admin'];
export const WS_MEMBERS: Role[] = ROLES.filter((r) => r.startsWith('workspace-') || r.startsWith('project-'));
export const PROJECT_SEERS: Role[] = [
  'platform-admin',
  'workspace-admin',
  'workspace-viewer',
  'project-admin',
  'project-regular',
  'project-viewer',
];
export const PROJECT_MANAGERS: Role[] = ['platform-admin', 'workspace-admin', 'project-admin'];
export const except = (all: Role[], ...out: Role[][]) => all.filter((r) => !out.flat().includes(r));
/** Who changes a project's workloads, volumes, ConfigMaps and Secrets (and reads Secret values). */
export const PROJECT_WRITERS: Role[] = [
  'platform-admin',
  'workspace-admin',
  'project-admin',
  'project-regular',
];
/** Reading inside a project: its members and viewers; in another tenant's, only platform-admin. */
export const PROJECT_VIEW = { own: { allow: PROJECT_SEERS }, other: { allow: PA }, none: { allow: [] } };
/** Writing inside a project: the writers; the project's other members get FORBIDDEN. */
export const PROJECT_WRITE = {
  own: { allow: PROJECT_WRITERS, forbidden: except(PROJECT_SEERS, PROJECT_WRITERS) },
  other: { allow: PA },
  none: { allow: [] },
};

export interface Subject {
  role: Role;
  username: string;
  password: string;
  token: string;
}

export interface Ctx {
  t: TestApp;
  adminToken: string;
  f: TenancyFixture;
  wsA: string;
  wsB: string;
  pA: string;
  pB: string;
  other: Subject;
  subjectFor(role: Role): Subject;
  clone(subject: Subject): Promise<Subject>;
}

export type Args = Record<string, string>;
export interface Prepared {
  args: Args;
  as?: Subject;
}

export interface Operation {
  name: string;
  /** Roles allowed, and roles refused with FORBIDDEN, per scope; everyone else gets NOT_FOUND. */
  expect: Partial<Record<Scope, { allow: Role[]; forbidden?: Role[] }>>;
  /** Builds the target of one case; may create fixtures, and may act as another subject. */
  prepare?(ctx: Ctx, subject: Subject, scope: Scope): Promise<Prepared> | Prepared;
  graphql(args: Args): [string, Record<string, unknown>];
  /** `yaml`: a YAML body (Content-Type application/yaml) instead of JSON. */
  rest(args: Args): {
    method: 'get' | 'post' | 'put' | 'patch' | 'delete';
    path: string;
    body?: object;
    yaml?: string;
  };
  /** After a successful case (e.g. the subject's password changed). */
  after?(ctx: Ctx, subject: Subject, args: Args): Promise<void> | void;
}

export const GHOST = 'ghost-does-not-exist';
export const scoped = (own: string, other: string) => (scope: Scope) =>
  scope === 'own' ? own : scope === 'other' ? other : GHOST;

/** Platform role of each subject, and its role in workspace A / project A. */
export const SETUP: Record<Role, { platform: PlatformRole; workspace?: WorkspaceRole; project?: string }> = {
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
export async function ownWorkspace(
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

export function expected(op: Operation, scope: Scope, role: Role): Outcome {
  const rule = op.expect[scope]!;
  if (rule.allow.includes(role)) return 'allow';
  if (rule.forbidden?.includes(role)) return 'FORBIDDEN';
  return 'NOT_FOUND';
}

/**
 * The fixture shared by the matrix specs: workspaces A (own) and B (another tenant's) with projects
 * pA and pB, one subject per role, and a runner that tries every case on both transports.
 */
export class MatrixHarness {
  readonly subjects = new Map<Role, Subject>();
  ctx!: Ctx;

  private constructor(readonly t: TestApp) {}

  static async start(config?: AppConfig): Promise<MatrixHarness> {
    const harness = new MatrixHarness(await TestApp.start(config));
    await harness.setUp();
    return harness;
  }

  private async setUp(): Promise<void> {
    const t = this.t;
    const subjects = this.subjects;
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

    this.ctx = {
      t,
      adminToken,
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
  }

  /** Every mismatch between what the table expects and what each transport answered. */
  async run(operations: Operation[]): Promise<{ mismatches: string[]; cases: number }> {
    const { t, ctx } = this;
    const mismatches: string[] = [];
    let cases = 0;
    // Roles run in parallel (each has its own subject); a role's cases run in order.
    await Promise.all(
      ROLES.map(async (role) => {
        for (const op of operations) {
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
    return { mismatches: mismatches.sort(), cases };
  }
}

export async function viaGraphQL(t: TestApp, op: Operation, args: Args, token: string): Promise<string> {
  const [query, variables] = op.graphql(args);
  const res = await t.graphql(query, variables, token);
  if (!res.errors && res.data) return 'allow';
  const code = res.errors?.[0]?.extensions.code;
  return code === 'FORBIDDEN' || code === 'NOT_FOUND' ? code : `${code}: ${res.errors?.[0]?.message}`;
}

export async function viaRest(t: TestApp, op: Operation, args: Args, token: string): Promise<string> {
  const { method, path, body, yaml } = op.rest(args);
  const req = t.as(token)[method](path);
  const res = yaml
    ? await req.set('content-type', 'application/yaml').send(yaml)
    : body
      ? await req.send(body)
      : await req;
  if (res.status >= 200 && res.status < 300) return 'allow';
  if (res.status === 403) return 'FORBIDDEN';
  if (res.status === 404) return 'NOT_FOUND';
  return `${res.status}: ${JSON.stringify(res.body)}`;
}
