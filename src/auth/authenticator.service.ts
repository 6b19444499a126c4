import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { AccountStore } from '../iam/account.store';
import { ApiTokenService } from './api-token.service';
import type { Principal } from '../iam/principal';
import { TokenService } from './token.service';

/**
 * Turns a bearer token into a Principal. The account is read on every request, so a password change,
 * a disabled or deleted account, or a revoked API token takes effect at once on every replica; a
 * token names the account's UID, so a later account of the same name gets none of its power.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly apiTokens: ApiTokenService,
    private readonly accounts: AccountStore,
  ) {}

  async authenticate(bearer: string): Promise<Principal> {
    if (ApiTokenService.isApiToken(bearer)) return this.apiTokens.authenticate(bearer);
    const claims = await this.tokens.verify(bearer);
    const account = await this.accounts.find(claims.username);
    if (
      !account ||
      account.metadata.uid !== claims.uid ||
      account.spec.state !== 'Active' ||
      (account.spec.tokenGeneration ?? 0) !== claims.generation
    ) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The access token has been revoked');
    }
    return {
      username: claims.username,
      platformRole: account.spec.platformRole,
      via: 'session',
      scope: 'read-write',
    };
  }
}
