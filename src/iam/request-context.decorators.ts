import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '../auth/principal';
import type { AuthenticatedRequest } from './access.guard';
import type { ProjectAccess, WorkspaceAccess } from './scope-access';

function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

function missing(what: string): Error {
  // Only reachable if an endpoint's access rule does not match what its handler reads: a bug.
  return new Error(`No ${what} on the request: check the endpoint's @Access rule`);
}

/** The signed-in caller (set by the AccessGuard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).user;
  if (!principal) throw missing('principal');
  return principal;
});

/** The caller's access to the workspace named by the endpoint's @Access.workspace rule. */
export const CurrentWorkspace = createParamDecorator(
  (_: unknown, context: ExecutionContext): WorkspaceAccess => {
    const access = requestOf(context).access?.workspace;
    if (!access) throw missing('workspace access');
    return access;
  },
);

/** The caller's access to the project named by the endpoint's @Access.project rule. */
export const CurrentProject = createParamDecorator((_: unknown, context: ExecutionContext): ProjectAccess => {
  const access = requestOf(context).access?.project;
  if (!access) throw missing('project access');
  return access;
});
