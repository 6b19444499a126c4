import { closedSet, upperSnake } from '../common/api/closed-set';
import { PlatformRole, ProjectRole, WorkspaceRole } from './roles';

/**
 * Identity's closed sets as GraphQL and OpenAPI enums. Roles and scopes are hyphenated, which GraphQL
 * cannot spell: there they are PROJECT_ADMIN, READ_ONLY, …; on REST, project-admin, read-only.
 */
export const PLATFORM_ROLE = closedSet(
  'PlatformRole',
  Object.values(PlatformRole),
  "A user's role on the whole platform",
  upperSnake,
);
export const WORKSPACE_ROLE = closedSet(
  'WorkspaceRole',
  Object.values(WorkspaceRole),
  "A member's role in a workspace",
  upperSnake,
);
export const PROJECT_ROLE = closedSet(
  'ProjectRole',
  Object.values(ProjectRole),
  "A member's role in a project",
  upperSnake,
);
/** A member's role, in a workspace or in a project (one Member type serves both). */
export const MEMBER_ROLE = closedSet(
  'MemberRole',
  [...Object.values(WorkspaceRole), ...Object.values(ProjectRole)],
  "A member's role: a workspace role in a workspace, a project role in a project",
  upperSnake,
);
export const ACCOUNT_STATE = closedSet(
  'AccountState',
  ['Active', 'Disabled', 'Locked'],
  'Active, Disabled, or Locked (after too many failed sign-ins)',
);
/** What a platform admin may set: Locked comes only from failed sign-ins. */
export const SETTABLE_ACCOUNT_STATE = closedSet(
  'SettableAccountState',
  ['Active', 'Disabled'],
  'Active or Disabled',
);
export const TOKEN_SCOPE = closedSet(
  'ApiTokenScope',
  ['read-only', 'read-write'],
  'What an API token may do: read only, or read and write',
  upperSnake,
);
