import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { AccountResource, SessionRecord } from '../iam/account.resource';
import { AccountStore } from '../iam/account.store';
import { OAuthError } from './oauth-error';
import { formatOpaqueToken, newOpaqueToken, newSecret, parseOpaqueToken, secretMatches } from './secrets';
import { TokenService } from './token.service';

const REFRESH_KIND = 'brt';
/** Sessions kept per account; signing in again beyond this drops the oldest. */
const MAX_SESSIONS = 20;

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
}

/**
 * Sessions: each sign-in gets a refresh token, stored only as a hash in the account. A refresh
 * rotates it (the old one stops working; a replayed one loses the race), so each is single-use.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Adds a session to `account` (to be written by the caller) and returns its refresh token. */
  open(account: AccountResource, now: Date): string {
    const { token, id, secretHash } = newOpaqueToken(REFRESH_KIND, account.metadata.name);
    const live = (account.status?.sessions ?? []).filter((s) => Date.parse(s.expiresAt) > now.getTime());
    const session: SessionRecord = {
      id,
      secretHash,
      createdAt: now.toISOString(),
      expiresAt: this.expiry(now),
    };
    account.status = { ...account.status, sessions: [...live, session].slice(-MAX_SESSIONS) };
    return token;
  }

  async respond(account: AccountResource, refreshToken: string): Promise<TokenResponse> {
    const accessToken = await this.tokens.issue({
      username: account.metadata.name,
      generation: account.spec.tokenGeneration ?? 0,
    });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.tokens.accessTokenTtlSeconds,
      refresh_token: refreshToken,
    };
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const parsed = parseOpaqueToken(refreshToken, REFRESH_KIND);
    const invalid = () => new OAuthError('invalid_grant', 'The refresh token is invalid, expired or revoked');
    if (!parsed) throw invalid();
    const account = await this.accounts.find(parsed.username);
    if (!account || account.spec.state !== 'Active') throw invalid();
    let rotated = '';
    const updated = await this.accounts.modify(parsed.username, (current) => {
      const now = new Date();
      const sessions = current.status?.sessions ?? [];
      const session = sessions.find((s) => s.id === parsed.id);
      if (
        !session ||
        Date.parse(session.expiresAt) <= now.getTime() ||
        !secretMatches(parsed.secret, session.secretHash)
      )
        throw invalid();
      const next = newSecret();
      rotated = formatOpaqueToken({ ...parsed, secret: next.secret });
      const replacement: SessionRecord = {
        ...session,
        secretHash: next.secretHash,
        refreshedAt: now.toISOString(),
        expiresAt: this.expiry(now),
      };
      current.status = {
        ...current.status,
        sessions: sessions.map((s) => (s.id === parsed.id ? replacement : s)),
      };
      return current;
    });
    if (updated.spec.state !== 'Active') throw invalid();
    return this.respond(updated, rotated);
  }

  /** RFC 7009: revoking an unknown or already revoked token is not an error. */
  async revoke(refreshToken: string): Promise<void> {
    const parsed = parseOpaqueToken(refreshToken, REFRESH_KIND);
    if (!parsed || !(await this.accounts.find(parsed.username))) return;
    await this.accounts.modify(parsed.username, (current) => {
      const sessions = current.status?.sessions ?? [];
      const session = sessions.find((s) => s.id === parsed.id);
      if (!session || !secretMatches(parsed.secret, session.secretHash)) return undefined;
      current.status = { ...current.status, sessions: sessions.filter((s) => s.id !== parsed.id) };
      return current;
    });
  }

  private expiry(now: Date): string {
    return new Date(now.getTime() + this.config.refreshTokenTtlSeconds * 1000).toISOString();
  }
}
