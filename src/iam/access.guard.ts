import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { PassportService } from '../auth/passport.service';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { ACCESS_RULE, AccessRule } from './access.decorator';
import { AccessService, forbidden } from './access.service';
import type { RequestAccess } from './scope-access';

export interface AuthenticatedRequest extends Request {
  user?: Principal;
  access?: RequestAccess;
}

/**
 * The one global guard, for GraphQL and REST alike: authenticates the bearer token (Passport), then
 * applies the endpoint's declared AccessRule. No declaration means no access.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(PassportService) private readonly passport: PassportService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new DomainError(ErrorCode.FORBIDDEN, 'This operation is not open to anyone');
    if (rule.kind === 'public') return true;

    const { req, res } = this.httpOf(context);
    const principal = await this.passport.authenticate<Principal>('bearer', req, res);
    if (!principal) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first: send "Authorization: Bearer <token>"');
    }
    req.user = principal;
    req.access = await this.authorize(principal, rule, context);
    return true;
  }

  private httpOf(context: ExecutionContext): { req: AuthenticatedRequest; res: Response } {
    if (context.getType<GqlContextType>() === 'graphql') {
      return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest; res: Response }>();
    }
    return {
      req: context.switchToHttp().getRequest<AuthenticatedRequest>(),
      res: context.switchToHttp().getResponse<Response>(),
    };
  }

  private async authorize(
    principal: Principal,
    rule: Exclude<AccessRule, { kind: 'public' }>,
    context: ExecutionContext,
  ): Promise<RequestAccess> {
    const write = isWrite(context);
    if (write && principal.scope === 'read-only') throw forbidden('This API token is read-only');
    switch (rule.kind) {
      case 'authenticated':
        if (rule.sessionOnly && principal.via === 'api-token')
          throw forbidden('Sign in with a password for this (API tokens cannot)');
        return { principal };
      case 'platform':
        this.access.requirePlatform(principal, rule.permission);
        return { principal };
      case 'user':
        if (rule.sessionOnly && principal.via === 'api-token')
          throw forbidden('Sign in with a password for this (API tokens cannot)');
        this.access.user(principal, this.scopeArg(context, rule.param), rule.permission, rule.self);
        return { principal };
      case 'workspace': {
        const workspace = await this.access.workspace(principal, this.scopeArg(context, rule.param));
        AccessService.require(workspace.permissions, rule.permission);
        return { principal, workspace };
      }
      case 'project': {
        const project = await this.access.project(principal, this.scopeArg(context, rule.param));
        AccessService.require(project.permissions, rule.permission);
        return { principal, project };
      }
    }
  }

  private scopeArg(context: ExecutionContext, param: string): string {
    const value: unknown =
      context.getType<GqlContextType>() === 'graphql'
        ? GqlExecutionContext.create(context).getArgs<Record<string, unknown>>()[param]
        : this.httpOf(context).req.params[param];
    if (typeof value !== 'string' || value === '') throw DomainError.badField(param, 'is required');
    return value;
  }
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
