import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { PassportService } from '../auth/passport.service';
import type { Principal } from '../iam/principal';
import { requestInfoOf } from '../common/logging/request-context';
import { kubeRequestLabels } from '../common/metrics/kube-request-labels';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { checkName, declaredNames, NameKind } from '../common/validation/names';
import { ACCESS_RULE, AccessRule } from '../iam/access-rules';
import { AccessService, forbidden } from './access.service';
import { httpOf, scopeArgOf, scopesOf } from './request-scopes';

/** The naming rule of each scope parameter, checked before the scope is looked up. */
const SCOPE_NAME: Record<'project' | 'workspace' | 'user', NameKind> = {
  project: 'project',
  workspace: 'workspace',
  user: 'user',
};

/**
 * The one global guard, for GraphQL and REST alike: authenticates the bearer token (Passport, once
 * per HTTP request), then applies the endpoint's declared AccessRule to the scope that endpoint
 * names. No declaration means no access.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    private readonly passport: PassportService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    noteOperation(context);
    checkDeclaredNames(context);
    const rule = accessRuleOf(this.reflector, context);
    if (!rule) throw new DomainError(ErrorCode.FORBIDDEN, 'This operation is not open to anyone');
    if (rule.kind === 'public') return true;
    // The scope's own name too is checked before anything is looked up.
    if ('param' in rule) scopeName(context, rule.param, SCOPE_NAME[rule.kind]);

    const { req, res } = httpOf(context);
    const scopes = scopesOf(req);
    const principal = await scopes.authenticate(() =>
      this.passport.authenticate<Principal>('bearer', req, res),
    );
    if (!principal) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first: send "Authorization: Bearer <token>"');
    }
    req.user = principal;
    // For the access line and the audit record, refused or not.
    const info = requestInfoOf(req);
    if (info) {
      info.user = principal.username;
      if (rule.kind === 'project') info.project = scopeName(context, rule.param, SCOPE_NAME.project);
    }
    await this.authorize(principal, rule, context);
    return true;
  }

  private async authorize(
    principal: Principal,
    rule: Exclude<AccessRule, { kind: 'public' }>,
    context: ExecutionContext,
  ): Promise<void> {
    const write = isWrite(context);
    if (write && principal.scope === 'read-only') throw forbidden('This API token is read-only');
    const scopes = scopesOf(httpOf(context).req);
    switch (rule.kind) {
      case 'authenticated':
        if (rule.sessionOnly && principal.via === 'api-token')
          throw forbidden('Sign in with a password for this (API tokens cannot)');
        return;
      case 'platform':
        this.access.requirePlatform(principal, rule.permission);
        return;
      case 'user': {
        if (rule.sessionOnly && principal.via === 'api-token')
          throw forbidden('Sign in with a password for this (API tokens cannot)');
        const username = scopeName(context, rule.param, SCOPE_NAME.user);
        this.access.user(principal, username, rule.permission, rule.self);
        return;
      }
      case 'workspace': {
        const name = scopeName(context, rule.param, SCOPE_NAME.workspace);
        const workspace = await scopes.resolve('workspace', name, () =>
          this.access.workspace(principal, name),
        );
        AccessService.require(workspace.permissions, rule.permission);
        return;
      }
      case 'project': {
        const name = scopeName(context, rule.param, SCOPE_NAME.project);
        const project = await scopes.resolve('project', name, () => this.access.project(principal, name));
        AccessService.require(project.permissions, rule.permission);
        return;
      }
    }
  }
}

/** The REST route (or Kubernetes path) a request is, for its access line; GraphQL's plugin names its own. */
function noteOperation(context: ExecutionContext): void {
  if (context.getType<GqlContextType>() === 'graphql') return;
  const { req } = httpOf(context);
  const info = requestInfoOf(req);
  if (!info || info.operation) return;
  const kube = req.path.startsWith('/kube/');
  const kubesphere = /^\/kube\/(kapis|oauth)\//.test(req.path);
  info.transport = kubesphere ? 'kubesphere' : kube ? 'kube' : 'rest';
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  const route = `${req.method} ${typeof pattern === 'string' ? pattern : req.path}`;
  if (kube && !kubesphere) {
    const { verb, resource } = kubeRequestLabels(req.method, req.originalUrl.slice('/kube'.length));
    info.operation = `${req.method} ${req.path}`;
    info.route = `${verb} ${resource}`;
  } else {
    info.operation = route;
    info.route = route;
  }
}

/** The access rule declared on the handler (or its class). */
export function accessRuleOf(reflector: Reflector, context: ExecutionContext): AccessRule | undefined {
  return reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
    context.getHandler(),
    context.getClass(),
  ]);
}

/** Every name the handler declared, checked before anything else (no lookup for a bad one). */
function checkDeclaredNames(context: ExecutionContext): void {
  for (const { param, kind, optional } of declaredNames(context.getHandler())) {
    const value = scopeArgOf(context, param);
    if (optional && (value === undefined || value === null)) continue;
    checkName(value, kind, param);
  }
}

/** The scope's name from the argument or path parameter, checked against its naming rule. */
function scopeName(context: ExecutionContext, param: string, kind: NameKind): string {
  return checkName(scopeArgOf(context, param), kind, param);
}

function isWrite(context: ExecutionContext): boolean {
  if (context.getType<GqlContextType>() === 'graphql') {
    return (
      GqlExecutionContext.create(context).getInfo<{ operation: { operation: string } }>().operation
        .operation === 'mutation'
    );
  }
  return !['GET', 'HEAD', 'OPTIONS'].includes(context.switchToHttp().getRequest<Request>().method);
}
