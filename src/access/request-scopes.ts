import type { ExecutionContext } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { Principal } from '../iam/principal';
import type { ProjectAccess, WorkspaceAccess } from './scope-access';

export type ScopeKind = 'project' | 'workspace';

interface ScopeValues {
  project: ProjectAccess;
  workspace: WorkspaceAccess;
}

/**
 * What one HTTP request has established: who is calling (authenticated once, however many root
 * fields a GraphQL operation has) and the caller's access to each scope the request names, resolved
 * once per scope. Handlers read the access of *their own* scope from here, never "the" scope of the
 * request: the root fields of one operation may name different projects and run concurrently.
 */
export class RequestScopes {
  private principalPromise?: Promise<Principal | false>;
  private principalValue?: Principal;
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly resolved = new Map<string, unknown>();

  authenticate(authenticate: () => Promise<Principal | false>): Promise<Principal | false> {
    this.principalPromise ??= authenticate().then((principal) => {
      if (principal) this.principalValue = principal;
      return principal;
    });
    return this.principalPromise;
  }

  /** The signed-in caller, once authenticate() has resolved. */
  get principal(): Principal | undefined {
    return this.principalValue;
  }

  /** The caller's access to a scope, resolved at most once per request (failures included). */
  resolve<K extends ScopeKind>(
    kind: K,
    name: string,
    resolve: () => Promise<ScopeValues[K]>,
  ): Promise<ScopeValues[K]> {
    const key = `${kind}/${name}`;
    let promise = this.pending.get(key) as Promise<ScopeValues[K]> | undefined;
    if (!promise) {
      promise = resolve().then((value) => {
        this.resolved.set(key, value);
        return value;
      });
      this.pending.set(key, promise);
    }
    return promise;
  }

  /** A scope's access as already resolved in this request, or undefined. */
  resolvedAccess<K extends ScopeKind>(kind: K, name: string): ScopeValues[K] | undefined {
    return this.resolved.get(`${kind}/${name}`) as ScopeValues[K] | undefined;
  }
}

const SCOPES = new WeakMap<Request, RequestScopes>();

export function scopesOf(req: Request): RequestScopes {
  let scopes = SCOPES.get(req);
  if (!scopes) {
    scopes = new RequestScopes();
    SCOPES.set(req, scopes);
  }
  return scopes;
}

export interface RequestWithUser extends Request {
  user?: Principal;
}

/** The HTTP request and response behind a REST call or a GraphQL field. */
export function httpOf(context: ExecutionContext): { req: RequestWithUser; res: Response } {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithUser; res: Response }>();
  }
  return {
    req: context.switchToHttp().getRequest<RequestWithUser>(),
    res: context.switchToHttp().getResponse<Response>(),
  };
}

/** The raw value of the argument (GraphQL) or path parameter (REST) named `param`. */
export function scopeArgOf(context: ExecutionContext, param: string): unknown {
  if (context.getType<GqlContextType>() === 'graphql')
    return GqlExecutionContext.create(context).getArgs<Record<string, unknown>>()[param];
  return httpOf(context).req.params[param];
}
