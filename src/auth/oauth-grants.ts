import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AccountResource } from '../iam/account.resource';
import type { LoginService } from './login.service';
import { OAuthError } from './oauth-error';
import { PassportService } from './passport.service';
import type { SessionService, TokenResponse } from './session.service';

/** The token endpoint's form (RFC 6749 section 4.3 and 6); other fields (a client's id and secret) are ignored. */
export interface TokenRequest {
  grant_type?: unknown;
  username?: unknown;
  password?: unknown;
  refresh_token?: unknown;
  token?: unknown;
}

/** Runs Passport's local strategy for the password grant only. */
@Injectable()
export class PasswordGrantGuard implements CanActivate {
  constructor(private readonly passport: PassportService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { user?: AccountResource }>();
    const body = req.body as TokenRequest | undefined;
    if (body?.grant_type !== 'password') return true;
    if (
      typeof body.username !== 'string' ||
      typeof body.password !== 'string' ||
      !body.username ||
      !body.password
    ) {
      throw new OAuthError('invalid_request', 'username and password are required');
    }
    const account = await this.passport.authenticate<AccountResource>(
      'local',
      req,
      context.switchToHttp().getResponse<Response>(),
    );
    if (!account) throw new OAuthError('invalid_grant', 'Invalid username or password');
    req.user = account;
    return true;
  }
}

/**
 * The answer of the token endpoint, wherever it is served (Berth's own `/oauth/token`, and the
 * KubeSphere console's): the password grant after PasswordGrantGuard, or a refresh.
 */
export async function tokenGrant(
  body: TokenRequest | undefined,
  account: AccountResource | undefined,
  logins: LoginService,
  sessions: SessionService,
): Promise<TokenResponse> {
  switch (body?.grant_type) {
    case 'password':
      if (!account) throw new OAuthError('invalid_grant', 'Invalid username or password');
      return logins.signIn(account);
    case 'refresh_token':
      if (typeof body.refresh_token !== 'string' || !body.refresh_token)
        throw new OAuthError('invalid_request', 'refresh_token is required');
      return sessions.refresh(body.refresh_token);
    case undefined:
    case null:
    case '':
      throw new OAuthError('invalid_request', 'grant_type is required');
    default:
      throw new OAuthError('unsupported_grant_type', 'grant_type must be "password" or "refresh_token"');
  }
}
