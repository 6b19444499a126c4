import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import passport from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { Strategy as LocalStrategy } from 'passport-local';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { Authenticator } from './authenticator.service';
import { LoginService } from './login.service';

/**
 * Passport, with a local strategy for the password grant and a bearer strategy for every other call.
 * Each application gets its own Passport instance: the library's default one is process-global, so
 * two applications in one process (replicas under test) would otherwise share each other's strategies.
 */
@Injectable()
export class PassportService {
  private readonly passport = new passport.Authenticator();

  constructor(
    @Inject(Authenticator) authenticator: Authenticator,
    @Inject(LoginService) logins: LoginService,
  ) {
    this.passport.use(
      'bearer',
      new BearerStrategy(
        { passReqToCallback: true },
        (req: Request, token: string, done: (error: unknown, user?: unknown) => void) => {
          // passport-http-bearer also reads `access_token` from the query string and the body, where
          // tokens end up in logs and browser history; Berth takes them from the header only.
          if (!/^Bearer\s/i.test(req.headers.authorization ?? '')) {
            done(new DomainError(ErrorCode.UNAUTHENTICATED, 'Send the token in the Authorization header'));
            return;
          }
          authenticator.authenticate(token).then((principal) => done(null, principal), done);
        },
      ),
    );
    this.passport.use(
      'local',
      new LocalStrategy(
        { usernameField: 'username', passwordField: 'password', passReqToCallback: true, session: false },
        (
          req: Request,
          username: string,
          password: string,
          done: (error: unknown, user?: Express.User) => void,
        ) => {
          logins.verify(username, password, req.ip ?? 'unknown').then((account) => done(null, account), done);
        },
      ),
    );
  }

  /** Runs a strategy on the request; resolves with what it authenticated, or false if nothing was presented. */
  authenticate<T>(strategy: 'bearer' | 'local', req: Request, res: Response): Promise<T | false> {
    return new Promise((resolve, reject) => {
      const fail = (error: unknown) =>
        reject(error instanceof Error ? error : new Error('Authentication failed'));
      const middleware = this.passport.authenticate(
        strategy,
        { session: false },
        (error: unknown, user: T | false) => (error ? fail(error) : resolve(user)),
      ) as (req: Request, res: Response, next: (error?: unknown) => void) => void;
      middleware(req, res, (error?: unknown) => (error ? fail(error) : resolve(false)));
    });
  }
}
