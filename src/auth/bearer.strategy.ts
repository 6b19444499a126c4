import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { Authenticator } from './authenticator.service';
import type { Principal } from './principal';

/** Passport's bearer strategy, for every call but sign-in. Tokens are accepted in the header only. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(@Inject(Authenticator) private readonly authenticator: Authenticator) {
    super({ passReqToCallback: true });
  }

  async validate(req: Request, token: string): Promise<Principal> {
    // passport-http-bearer also reads `access_token` from the query string and body, where tokens
    // end up in logs and browser history; Berth takes them from the Authorization header only.
    if (!/^Bearer\s/i.test(req.headers.authorization ?? '')) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Send the token in the Authorization header');
    }
    return this.authenticator.authenticate(token);
  }
}
