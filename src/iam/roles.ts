/**
 * The roles table: the single source of truth for who may do what. The README's roles table and
 * the permission snapshot test are generated from / checked against this file.
 */
export enum Permission {
  // Platform scope
  USERS_VIEW = 'users:view',
  USERS_MANAGE = 'users:manage',
  WORKSPACES_CREATE = 'workspaces:create',
  // Workspace scope
  WORKSPACE_VIEW = 'workspace:view',
  WORKSPACE_MANAGE = 'workspace:manage',
  WORKSPACE_MEMBERS_VIEW = 'workspace-members:view',
  WORKSPACE_MEMBERS_MANAGE = 'workspace-members:manage',
  PROJECTS_CREATE = 'projects:create',
  // Project scope
  PROJECT_VIEW = 'project:view',
  PROJECT_MANAGE = 'project:manage',
  PROJECT_DELETE = 'project:delete',
  PROJECT_MEMBERS_VIEW = 'project-members:view',
  PROJECT_MEMBERS_MANAGE = 'project-members:manage',
  /** The project's pod security level and Service types: platform admins only (no project role has it). */
  PROJECT_SECURITY_MANAGE = 'project-security:manage',
  WORKLOADS_VIEW = 'workloads:view',
  WORKLOADS_MANAGE = 'workloads:manage',
  VOLUMES_VIEW = 'volumes:view',
  VOLUMES_MANAGE = 'volumes:manage',
  CONFIG_VIEW = 'config:view',
  CONFIG_MANAGE = 'config:manage',
  SECRET_VALUES_VIEW = 'secret-values:view',
  LOGS_VIEW = 'logs:view',
  /** The project's audit records (who changed what, and the refused attempts). */
  AUDIT_VIEW = 'audit:view',
}

/** Permissions that only read; a read-only API token is limited to these. */
export const READ_PERMISSIONS: ReadonlySet<Permission> = new Set(
  Object.values(Permission).filter((p) => p.endsWith(':view')),
);

export enum PlatformRole {
  ADMIN = 'platform-admin',
  SELF_PROVISIONER = 'platform-self-provisioner',
  REGULAR = 'platform-regular',
}

export enum WorkspaceRole {
  ADMIN = 'workspace-admin',
  SELF_PROVISIONER = 'workspace-self-provisioner',
  REGULAR = 'workspace-regular',
  VIEWER = 'workspace-viewer',
}

export enum ProjectRole {
  ADMIN = 'project-admin',
  REGULAR = 'project-regular',
  VIEWER = 'project-viewer',
}

const PROJECT_VIEWER: Permission[] = [
  Permission.PROJECT_VIEW,
  Permission.PROJECT_MEMBERS_VIEW,
  Permission.WORKLOADS_VIEW,
  Permission.VOLUMES_VIEW,
  Permission.CONFIG_VIEW,
  Permission.LOGS_VIEW,
];
const PROJECT_REGULAR: Permission[] = [
  ...PROJECT_VIEWER,
  Permission.WORKLOADS_MANAGE,
  Permission.VOLUMES_MANAGE,
  Permission.CONFIG_MANAGE,
  Permission.SECRET_VALUES_VIEW,
];
const PROJECT_ADMIN: Permission[] = [
  ...PROJECT_REGULAR,
  Permission.PROJECT_MANAGE,
  Permission.PROJECT_DELETE,
  Permission.PROJECT_MEMBERS_MANAGE,
  Permission.AUDIT_VIEW,
];

export const PROJECT_ROLE_PERMISSIONS: Record<ProjectRole, readonly Permission[]> = {
  [ProjectRole.ADMIN]: PROJECT_ADMIN,
  [ProjectRole.REGULAR]: PROJECT_REGULAR,
  [ProjectRole.VIEWER]: PROJECT_VIEWER,
};

const WORKSPACE_READ = [Permission.WORKSPACE_VIEW, Permission.WORKSPACE_MEMBERS_VIEW];

export const WORKSPACE_ROLE_PERMISSIONS: Record<WorkspaceRole, readonly Permission[]> = {
  [WorkspaceRole.ADMIN]: [
    ...WORKSPACE_READ,
    Permission.WORKSPACE_MANAGE,
    Permission.WORKSPACE_MEMBERS_MANAGE,
    Permission.PROJECTS_CREATE,
  ],
  [WorkspaceRole.SELF_PROVISIONER]: [...WORKSPACE_READ, Permission.PROJECTS_CREATE],
  [WorkspaceRole.REGULAR]: WORKSPACE_READ,
  [WorkspaceRole.VIEWER]: WORKSPACE_READ,
};

/** What a workspace role grants in every project of its workspace (besides the project's own roles). */
export const WORKSPACE_ROLE_IN_PROJECTS: Record<WorkspaceRole, ProjectRole | null> = {
  [WorkspaceRole.ADMIN]: ProjectRole.ADMIN,
  [WorkspaceRole.SELF_PROVISIONER]: null,
  [WorkspaceRole.REGULAR]: null,
  [WorkspaceRole.VIEWER]: ProjectRole.VIEWER,
};

export const PLATFORM_ROLE_PERMISSIONS: Record<PlatformRole, readonly Permission[]> = {
  [PlatformRole.ADMIN]: Object.values(Permission),
  [PlatformRole.SELF_PROVISIONER]: [Permission.WORKSPACES_CREATE],
  [PlatformRole.REGULAR]: [],
};

export const ROLE_DESCRIPTIONS: Record<PlatformRole | WorkspaceRole | ProjectRole, string> = {
  [PlatformRole.ADMIN]: 'Everything, everywhere.',
  [PlatformRole.SELF_PROVISIONER]:
    'May create workspaces, and becomes workspace-admin of each one it creates.',
  [PlatformRole.REGULAR]: 'Nothing until invited to a workspace.',
  [WorkspaceRole.ADMIN]:
    'Manages the workspace and its members, creates and deletes its projects, and acts as project-admin in all of them.',
  [WorkspaceRole.SELF_PROVISIONER]:
    'Creates projects in the workspace (becoming their project-admin); views the workspace and its members.',
  [WorkspaceRole.REGULAR]: 'Views the workspace and its members.',
  [WorkspaceRole.VIEWER]: 'Views the workspace, its members, and everything in its projects, read-only.',
  [ProjectRole.ADMIN]: 'Everything in the project: members, settings, deletion, all resources.',
  [ProjectRole.REGULAR]:
    'Creates, edits, scales, redeploys, rolls back and deletes workloads; manages volumes, ConfigMaps and Secrets; reads logs. Not members, settings or deletion.',
  [ProjectRole.VIEWER]: 'Reads everything in the project except Secret values; reads logs.',
};

export const isPlatformRole = (value: string): value is PlatformRole =>
  (Object.values(PlatformRole) as string[]).includes(value);
export const isWorkspaceRole = (value: string): value is WorkspaceRole =>
  (Object.values(WorkspaceRole) as string[]).includes(value);
export const isProjectRole = (value: string): value is ProjectRole =>
  (Object.values(ProjectRole) as string[]).includes(value);
