import {
  Permission,
  PLATFORM_ROLE_PERMISSIONS,
  PlatformRole,
  PROJECT_ROLE_PERMISSIONS,
  ProjectRole,
  ROLE_DESCRIPTIONS,
  WORKSPACE_ROLE_IN_PROJECTS,
  WORKSPACE_ROLE_PERMISSIONS,
  WorkspaceRole,
} from './roles';

/** The roles table as Markdown, rendered from roles.ts into the README by `npm run artifacts`. */
export function renderRolesTable(): string {
  const rows: string[][] = [];
  for (const role of Object.values(PlatformRole)) {
    const permissions = role === PlatformRole.ADMIN ? ['all'] : PLATFORM_ROLE_PERMISSIONS[role];
    rows.push([role, 'platform', ROLE_DESCRIPTIONS[role], list(permissions)]);
  }
  for (const role of Object.values(WorkspaceRole)) {
    const inProjects = WORKSPACE_ROLE_IN_PROJECTS[role];
    const extra = inProjects ? `; as ${inProjects} in every project of the workspace` : '';
    rows.push([
      role,
      'workspace',
      ROLE_DESCRIPTIONS[role],
      `${list(WORKSPACE_ROLE_PERMISSIONS[role])}${extra}`,
    ]);
  }
  for (const role of Object.values(ProjectRole)) {
    rows.push([role, 'project', ROLE_DESCRIPTIONS[role], list(PROJECT_ROLE_PERMISSIONS[role])]);
  }
  const header = ['Role', 'Scope', 'What it may do', 'Permissions'];
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function list(permissions: readonly (Permission | string)[]): string {
  return permissions.length ? permissions.map((p) => `\`${p}\``).join(', ') : '(none)';
}

export const ROLES_START =
  '<!-- roles-table:start (generated from src/iam/roles.ts by npm run artifacts) -->';
export const ROLES_END = '<!-- roles-table:end -->';

/** The README with its roles section replaced by the current table. */
export function withRolesTable(readme: string): string {
  const start = readme.indexOf(ROLES_START);
  const end = readme.indexOf(ROLES_END);
  if (start < 0 || end < start) throw new Error('README.md has no roles-table markers');
  return `${readme.slice(0, start + ROLES_START.length)}\n\n${renderRolesTable()}\n\n${readme.slice(end)}`;
}
