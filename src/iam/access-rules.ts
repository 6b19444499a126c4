import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiSecurity } from '@nestjs/swagger';
import { ApiErrors } from '../common/http/api-operation';
import { ErrorCode } from '../common/errors/error-code';
import { DNS1123_LABEL } from '../common/validation/names';
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

/**
 * Each rule also documents, for REST, what it reads and answers: the bearer token, the scope's path
 * parameter, and the errors its checks give. Declared once here, so no route can drift from its rule.
 */
function rule(value: AccessRule, ...docs: (MethodDecorator & ClassDecorator)[]) {
  return applyDecorators(SetMetadata(ACCESS_RULE, value), ...docs);
}

const signedIn = () => [ApiBearerAuth(), ApiErrors(ErrorCode.UNAUTHENTICATED)];
const scoped = (param: string, description: string) => [
  ...signedIn(),
  ApiErrors(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND),
  ApiParam({
    name: param,
    description,
    schema: { type: 'string', maxLength: 63, pattern: DNS1123_LABEL.source },
  }),
];

/** The only way to opt out of authentication (sign-in and health probes). */
export const Public = () => rule({ kind: 'public' }, ApiSecurity({}));

export const Access = {
  authenticated: (options: { sessionOnly?: boolean } = {}) => {
    const sessionOnly = options.sessionOnly ?? false;
    // sessionOnly: an API token is refused with 403.
    const refusals = sessionOnly ? [ApiErrors(ErrorCode.FORBIDDEN)] : [];
    return rule({ kind: 'authenticated', sessionOnly }, ...signedIn(), ...refusals);
  },
  platform: (permission: Permission) =>
    rule({ kind: 'platform', permission }, ...signedIn(), ApiErrors(ErrorCode.FORBIDDEN)),
  workspace: (permission: Permission, param = 'workspace') =>
    rule({ kind: 'workspace', permission, param }, ...scoped(param, 'The workspace')),
  project: (permission: Permission, param = 'project') =>
    rule({ kind: 'project', permission, param }, ...scoped(param, 'The project (its namespace)')),
  user: (permission: Permission, options: { param?: string; self?: boolean; sessionOnly?: boolean } = {}) => {
    const param = options.param ?? 'username';
    return rule(
      {
        kind: 'user',
        permission,
        param,
        self: options.self ?? true,
        sessionOnly: options.sessionOnly ?? false,
      },
      ...scoped(param, 'The user'),
    );
  },
};
