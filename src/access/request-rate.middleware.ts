import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PassportService } from '../auth/passport.service';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { toGraphQLError } from '../common/errors/all-exceptions.filter';
import { requestInfoOf } from '../common/logging/request-context';
import type { Principal } from '../iam/principal';
import { scopesOf } from './request-scopes';
import { RequestRates } from './request-rate.service';
import { GRAPHQL_PATH } from '../common/graphql/graphql-path';
import { refusedMutationChanges } from '../common/graphql/request-info.plugin';

/**
 * Spends one request of the caller's budget before anything else runs, once per HTTP request
 * however many GraphQL fields it has. The caller is authenticated here, once: AccessGuard reuses the
 * outcome, so an over-budget REST, KubeSphere or Kubernetes-path request fails there with its own
 * transport's 429. A GraphQL request is answered here, as a request-level error with HTTP 429 (after
 * execution has started, the GraphQL driver answers 200 whatever the errors).
 */
@Injectable()
export class RequestRateMiddleware implements NestMiddleware {
  constructor(
    private readonly rates: RequestRates,
    private readonly passport: PassportService,
  ) {}

  use(req: Request, res: Response, next: () => void): void {
    if (!this.rates.enabled || !req.headers.authorization) return next();
    let caller: Principal | false = false;
    scopesOf(req)
      .authenticate(() =>
        this.passport.authenticate<Principal>('bearer', req, res).then(async (principal) => {
          caller = principal;
          if (principal) await this.rates.take(principal);
          return principal;
        }),
      )
      .then(
        () => next(),
        (error: unknown) => {
          if (!(error instanceof DomainError && error.code === ErrorCode.TOO_MANY_REQUESTS)) return next();
          // The path as sent: a middleware's own req.path is relative to where it is mounted.
          if (req.originalUrl.split('?')[0] !== GRAPHQL_PATH) return next();
          const info = requestInfoOf(req);
          if (info) {
            info.transport = 'graphql';
            info.code = error.code;
            // Who was refused, for the access line and the audit trail (the guard never ran).
            if (caller) info.user = caller.username;
            // Refused before Apollo parsed it: the audit trail still names each mutation refused.
            info.changes = refusedMutationChanges(req.body, error.code);
          }
          res
            .status(429)
            .setHeader('Retry-After', String(error.retryAfterSeconds ?? 1))
            .json({ errors: [toGraphQLError(error).toJSON()] });
        },
      );
  }
}
