import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import type { AccountResource } from '../iam/account.resource';
import { LoginService } from './login.service';

/** Passport's local strategy for the OAuth password grant. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(@Inject(LoginService) private readonly logins: LoginService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(req: Request, username: string, password: string): Promise<AccountResource> {
    return this.logins.verify(username, password, req.ip ?? 'unknown');
  }
}
