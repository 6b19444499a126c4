import { Inject, Injectable } from '@nestjs/common';
import { NAME_RULES, nameProblem } from '../common/validation/names';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AccountResource, isLocked } from '../iam/account.resource';
import { AccountStore } from '../iam/account.store';
import { OAuthError } from './oauth-error';
import { PasswordHasher } from './password-hasher';
import { SessionService, TokenResponse } from './session.service';

export const MAX_FAILED_LOGINS = 5;
export const FAILURE_WINDOW_MS = 10 * 60_000;
export const LOCK_DURATION_MS = 10 * 60_000;
const THROTTLE_WINDOW_MS = 60_000;

const BAD_CREDENTIALS = 'Invalid username or password';

/**
 * The password grant. Lockout state lives in the account, so it holds across replicas and restarts;
 * the per-address throttle is per replica. Unknown users, wrong passwords and disabled accounts all
 * get the same answer after the same work.
 */
@Injectable()
export class LoginService {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Verifies the credentials (for the local strategy); throws an OAuthError if they do not open a session. */
  async verify(username: string, password: string, client: string): Promise<AccountResource> {
    this.throttle(client);
    // A name no account can have is an unknown user (never a lookup: `.` would read the collection).
    const account = nameProblem(username, NAME_RULES.user) ? null : await this.accounts.find(username);
    if (!account) {
      await this.hasher.verifyNothing(password);
      throw new OAuthError('invalid_grant', BAD_CREDENTIALS);
    }
    if (isLocked(account)) throw locked(account);
    const valid = await this.hasher.verify(account.spec.passwordHash, password);
    if (!valid) {
      const updated = await this.recordFailure(username);
      if (isLocked(updated)) throw locked(updated);
      throw new OAuthError('invalid_grant', BAD_CREDENTIALS);
    }
    if (account.spec.state !== 'Active') throw new OAuthError('invalid_grant', BAD_CREDENTIALS);
    return account;
  }

  /** Opens a session for verified credentials: clears failures, records the login, issues tokens. */
  async signIn(account: AccountResource): Promise<TokenResponse> {
    let refreshToken = '';
    const updated = await this.accounts.modify(account.metadata.name, (current) => {
      if (current.spec.state !== 'Active') throw new OAuthError('invalid_grant', BAD_CREDENTIALS);
      const now = new Date();
      current.status = { ...current.status, failedLogins: [], lastLoginAt: now.toISOString() };
      delete current.status.lockedUntil;
      refreshToken = this.sessions.open(current, now);
      return current;
    });
    return this.sessions.respond(updated, refreshToken);
  }

  private async recordFailure(username: string): Promise<AccountResource> {
    return this.accounts.modify(username, (current) => {
      const now = Date.now();
      const recent = (current.status?.failedLogins ?? []).filter(
        (t) => now - Date.parse(t) < FAILURE_WINDOW_MS,
      );
      recent.push(new Date(now).toISOString());
      current.status = { ...current.status, failedLogins: recent };
      if (recent.length >= MAX_FAILED_LOGINS) {
        current.status.lockedUntil = new Date(now + LOCK_DURATION_MS).toISOString();
        current.status.failedLogins = [];
      }
      return current;
    });
  }

  private throttle(client: string): void {
    const now = Date.now();
    const recent = (this.attempts.get(client) ?? []).filter((t) => now - t < THROTTLE_WINDOW_MS);
    if (recent.length >= this.config.loginRateLimitPerMinute) {
      const retryAfter = Math.max(1, Math.ceil((recent[0] + THROTTLE_WINDOW_MS - now) / 1000));
      throw new OAuthError('invalid_request', 'Too many sign-in attempts; try again later', 429, retryAfter);
    }
    recent.push(now);
    this.attempts.set(client, recent);
    if (this.attempts.size > 10_000) this.forgetIdle(now);
  }

  private forgetIdle(now: number): void {
    for (const [client, times] of this.attempts) {
      if (times.every((t) => now - t >= THROTTLE_WINDOW_MS)) this.attempts.delete(client);
    }
  }
}

function locked(account: AccountResource): OAuthError {
  const seconds = Math.max(1, Math.ceil((Date.parse(account.status?.lockedUntil ?? '') - Date.now()) / 1000));
  return new OAuthError(
    'invalid_grant',
    'The account is locked after too many failed sign-ins; try again later',
    429,
    seconds,
  );
}
