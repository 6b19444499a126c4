import { Permission, PlatformRole, ProjectRole } from '../iam/roles';
import type { Member, Workspace } from '../tenancy/tenancy.models';
import type { User } from '../users/user.model';

/**
 * Berth's objects as KubeSphere 3.4's console reads them. Its menus and buttons come from the
 * `iam.kubesphere.io/role-template-rules` annotation of the roles it is given: a JSON map of console
 * module → actions (`manage` implies view, create, edit and delete). The rules are derived from
 * Berth's permission table, so the console shows exactly what Berth would allow, and Berth still
 * decides every request.
 */
export const ROLE_TEMPLATE_RULES = 'iam.kubesphere.io/role-template-rules';
const IAM = 'iam.kubesphere.io/v1alpha2';

/** Which console modules each pair of Berth permissions (view, manage) opens. */
const MODULES: readonly (readonly [Permission, Permission, readonly string[]])[] = [
  [
    Permission.WORKLOADS_VIEW,
    Permission.WORKLOADS_MANAGE,
    [
      'applications',
      'app-workloads',
      'deployments',
      'statefulsets',
      'daemonsets',
      'jobs',
      'cronjobs',
      'pods',
      'services',
    ],
  ],
  [Permission.CONFIG_VIEW, Permission.CONFIG_MANAGE, ['configmaps', 'secrets', 'serviceaccounts']],
  [
    Permission.VOLUMES_VIEW,
    Permission.VOLUMES_MANAGE,
    ['volumes', 'persistentvolumeclaims', 'volume-snapshots'],
  ],
  [Permission.PROJECT_MEMBERS_VIEW, Permission.PROJECT_MEMBERS_MANAGE, ['members', 'roles']],
  [Permission.PROJECT_VIEW, Permission.PROJECT_MANAGE, ['project-settings']],
];
const WORKSPACE_MODULES: typeof MODULES = [
  [Permission.WORKSPACE_MEMBERS_VIEW, Permission.WORKSPACE_MEMBERS_MANAGE, ['members', 'roles']],
  [Permission.WORKSPACE_VIEW, Permission.WORKSPACE_MANAGE, ['workspace-settings']],
];
const GLOBAL_MODULES: typeof MODULES = [[Permission.USERS_VIEW, Permission.USERS_MANAGE, ['users', 'roles']]];

type Rules = Record<string, string[]>;

function rulesFrom(table: typeof MODULES, permissions: ReadonlySet<Permission>): Rules {
  const rules: Rules = {};
  for (const [view, manage, modules] of table) {
    const action = permissions.has(manage) ? 'manage' : permissions.has(view) ? 'view' : null;
    if (action) for (const module of modules) rules[module] = [action];
  }
  return rules;
}

/** The rules of a project role, from the caller's permissions in the project. */
export const projectRules = (permissions: ReadonlySet<Permission>): Rules => rulesFrom(MODULES, permissions);

/**
 * The rules of a workspace role. The console gives every project of the workspace the actions of
 * this role's `projects` module as a default: only the roles that hold a role in every project
 * (workspace-admin: project-admin; workspace-viewer: project-viewer) may carry one.
 */
export function workspaceRules(permissions: ReadonlySet<Permission>, inProjects: ProjectRole | null): Rules {
  const rules = rulesFrom(WORKSPACE_MODULES, permissions);
  const projects = [
    ...(inProjects === ProjectRole.ADMIN ? ['manage'] : inProjects === ProjectRole.VIEWER ? ['view'] : []),
    ...(permissions.has(Permission.PROJECTS_CREATE) ? ['create'] : []),
  ];
  if (projects.length) rules.projects = projects;
  return rules;
}

export function globalRules(platformRole: PlatformRole, permissions: ReadonlySet<Permission>): Rules {
  const rules = rulesFrom(GLOBAL_MODULES, permissions);
  if (platformRole === PlatformRole.ADMIN) rules.workspaces = ['manage'];
  else if (permissions.has(Permission.WORKSPACES_CREATE)) rules.workspaces = ['create'];
  return rules;
}

/** A role object as the console's role lists read it: its name and its rules. */
export function ksRole(kind: 'GlobalRole' | 'WorkspaceRole' | 'Role', name: string, rules: Rules) {
  return {
    apiVersion: IAM,
    kind,
    metadata: { name, annotations: { [ROLE_TEMPLATE_RULES]: JSON.stringify(rules) } },
    rules: [],
  };
}

/** A user as the console's session reads it (e-mail, language, global role, last sign-in). */
export function ksUser(user: User) {
  return {
    apiVersion: IAM,
    kind: 'User',
    metadata: {
      name: user.username,
      annotations: {
        'iam.kubesphere.io/globalrole': user.platformRole,
        ...(user.displayName ? { 'kubesphere.io/alias-name': user.displayName } : {}),
      },
      creationTimestamp: user.createdAt ?? undefined,
    },
    spec: { email: user.email, lang: 'en' },
    status: { state: user.state, lastLoginTime: user.lastLoginAt?.toISOString() },
  };
}

/** A workspace as KubeSphere's WorkspaceTemplate (its single-cluster form: no placement). */
export function ksWorkspaceTemplate(workspace: Workspace) {
  const annotations: Record<string, string> = {};
  if (workspace.displayName) annotations['kubesphere.io/alias-name'] = workspace.displayName;
  if (workspace.description) annotations['kubesphere.io/description'] = workspace.description;
  if (workspace.creator) annotations['kubesphere.io/creator'] = workspace.creator;
  return {
    apiVersion: 'tenant.kubesphere.io/v1alpha2',
    kind: 'WorkspaceTemplate',
    metadata: { name: workspace.name, annotations, creationTimestamp: workspace.createdAt ?? undefined },
    spec: { template: { spec: { manager: workspace.manager ?? undefined } }, placement: {} },
  };
}

/** The role a member holds, or null: what the console's member lists show. */
export const roleOf = (members: readonly Member[], username: string): string | null =>
  members.find((m) => m.username === username)?.role ?? null;

/** Where KubeSphere's member lists carry a member's role: on the User object they list. */
export const MEMBER_ROLE = {
  project: 'iam.kubesphere.io/role',
  workspace: 'iam.kubesphere.io/workspacerole',
} as const;

/**
 * A member as KubeSphere lists them: a User object with its role in the scope. Only the name and
 * the role: Berth's own member lists show no more (a member's e-mail is not the project's to read;
 * the User type requires the field, so it is there, empty).
 */
export function ksMember(member: Member, scope: keyof typeof MEMBER_ROLE) {
  return {
    apiVersion: IAM,
    kind: 'User',
    metadata: { name: member.username, annotations: { [MEMBER_ROLE[scope]]: member.role } },
    spec: { email: '' },
    status: { state: 'Active' },
  };
}
