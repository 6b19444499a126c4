import { SetMetadata } from '@nestjs/common';
import { Permission } from './roles';

/**
 * What an endpoint requires, declared on every resolver method and route. The global AccessGuard
 * denies anything without a declaration; a snapshot test lists every declaration for review.
 */
export type AccessRule =
  | { kind: 'public' }
  /** Any signed-in user. `sessionOnly`: not with an API token (token and password management). */
  | { kind: 'authenticated'; sessionOnly: boolean }
  | { kind: 'platform'; permission: Permission }
  /** `param`: the argument (GraphQL) or path parameter (REST) naming the workspace or project. */
  | { kind: 'workspace'; permission: Permission; param: string }
  | { kind: 'project'; permission: Permission; param: string }
  /** On a user: allowed for oneself when `self`, otherwise `permission` is needed. */
  | { kind: 'user'; permission: Permission; param: string; self: boolean; sessionOnly: boolean };

export const ACCESS_RULE = 'berth:access-rule';

/** The only way to opt out of authentication (sign-in and health probes). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

export const Access = {
  authenticated: (options: { sessionOnly?: boolean } = {}) =>
    SetMetadata(ACCESS_RULE, {
      kind: 'authenticated',
      sessionOnly: options.sessionOnly ?? false,
    } satisfies AccessRule),
  platform: (permission: Permission) =>
    SetMetadata(ACCESS_RULE, { kind: 'platform', permission } satisfies AccessRule),
  workspace: (permission: Permission, param = 'workspace') =>
    SetMetadata(ACCESS_RULE, { kind: 'workspace', permission, param } satisfies AccessRule),
  project: (permission: Permission, param = 'project') =>
    SetMetadata(ACCESS_RULE, { kind: 'project', permission, param } satisfies AccessRule),
  user: (permission: Permission, options: { param?: string; self?: boolean; sessionOnly?: boolean } = {}) =>
    SetMetadata(ACCESS_RULE, {
      kind: 'user',
      permission,
      param: options.param ?? 'username',
      self: options.self ?? true,
      sessionOnly: options.sessionOnly ?? false,
    } satisfies AccessRule),
};
