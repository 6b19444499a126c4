import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { Args, GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '../iam/principal';
import { ACCESS_RULE, type AccessRule } from '../iam/access-rules';
import { AccessService } from './access.service';
import { httpOf, scopeArgOf, scopesOf, ScopeKind } from './request-scopes';
import type { Permission } from '../iam/roles';
import type { ProjectAccess, WorkspaceAccess } from './scope-access';

function missing(what: string): Error {
  // Only reachable if an endpoint's access rule does not match what its handler reads: a bug.
  return new Error(`No ${what} on the request: check the endpoint's @Access rule`);
}

/** The signed-in caller (set by the AccessGuard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = scopesOf(httpOf(context).req).principal;
  if (!principal) throw missing('principal');
  return principal;
});

/** The access the guard resolved for the scope this handler's own rule names (its argument or path parameter). */
function ownScope<K extends ScopeKind>(context: ExecutionContext, kind: K) {
  const rule = Reflect.getMetadata(ACCESS_RULE, context.getHandler()) as AccessRule | undefined;
  if (rule?.kind !== kind) throw missing(`${kind} rule`);
  const name = scopeArgOf(context, rule.param);
  const access =
    typeof name === 'string' ? scopesOf(httpOf(context).req).resolvedAccess(kind, name) : undefined;
  if (!access) throw missing(`${kind} access`);
  return access;
}

/** The caller's access to the workspace named by the endpoint's @Access.workspace rule. */
export const CurrentWorkspace = createParamDecorator(
  (_: unknown, context: ExecutionContext): WorkspaceAccess => ownScope(context, 'workspace'),
);

/** The caller's access to the project named by the endpoint's @Access.project rule. */
export const CurrentProject = createParamDecorator((_: unknown, context: ExecutionContext): ProjectAccess =>
  ownScope(context, 'project'),
);

/**
 * For a GraphQL root field: declares the `project` argument in the schema (the access rule's guard
 * reads it) and hands the handler the access resolved for it, in one parameter. `@Args` would also
 * bind the argument's value to this parameter; that binding is taken back (the schema registration
 * is separate), so the parameter receives only the resolved access. Put it where the argument should
 * stand in the schema.
 */
export const ProjectScope =
  (): ParameterDecorator =>
  (target, key, index): void => {
    if (key === undefined) return;
    const owner = target.constructor;
    const bound: unknown = Reflect.getMetadata(ROUTE_ARGS_METADATA, owner, key);
    Args('project', { type: () => String })(target, key, index);
    if (bound === undefined) Reflect.deleteMetadata(ROUTE_ARGS_METADATA, owner, key);
    else Reflect.defineMetadata(ROUTE_ARGS_METADATA, bound, owner, key);
    CurrentProject()(target, key, index);
  };

/**
 * For a GraphQL field resolver: the caller's access to the project its parent object belongs to
 * (`parent.project`), which the root field that produced the parent resolved. Fields of one
 * operation may come from different projects; each reads its own. `permission` is what the field
 * itself needs.
 */
export const ParentProject = createParamDecorator(
  (permission: Permission, context: ExecutionContext): ProjectAccess => {
    const parent = GqlExecutionContext.create(context).getRoot<{ project?: unknown }>();
    const project = parent?.project;
    const access =
      typeof project === 'string'
        ? scopesOf(httpOf(context).req).resolvedAccess('project', project)
        : undefined;
    if (!access) throw missing('project access for the parent object');
    AccessService.require(access.permissions, permission);
    return access;
  },
);
