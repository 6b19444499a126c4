import { signInsTotal } from '../common/metrics/metrics';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NAME_RULES, nameProblem } from '../common/validation/names';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { AccountResource } from '../iam/account.resource';
import { AccountStore } from '../iam/account.store';
import { attemptRules, LoginAttemptsStore } from '../iam/login-attempts.store';
import { AttemptGate } from './attempt-gate';
import { OAuthError } from './oauth-error';
import { PasswordHasher } from './password-hasher';
import { SessionService, TokenResponse } from './session.service';

const THROTTLE_WINDOW_MS = 60_000;
/** lastLoginAt is a hint: written at most this often per account, never in the way of a sign-in. */
const LAST_LOGIN_RESOLUTION_MS = 60_000;
/** Usernames longer than any account's are still counted (as what they are), but only so far. */
const MAX_USERNAME = 256;

const BAD_CREDENTIALS = 'Invalid username or password';

/**
 * The password grant. Failures are counted per username and client address, and per username from
 * everywhere (a higher ceiling), in the cluster, for any username: an unknown one is counted and
 * locked exactly like an existing one, after the same work, so the answers tell nothing apart. A
 * lock stops checking passwords at all (the right one too) until it ends or an admin lifts it.
 */
@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);
  private readonly attempts = new Map<string, number[]>();
  private readonly gate = new AttemptGate();
  private readonly recordingLogin = new Set<string>();
  /** When this replica last wrote each account's lastLoginAt (the account read may be older). */
  private readonly loginRecorded = new Map<string, number>();

  constructor(
    private readonly accounts: AccountStore,
    private readonly failures: LoginAttemptsStore,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Verifies the credentials (for the local strategy); throws an OAuthError if they do not open a session. */
  async verify(username: string, password: string, client: string): Promise<AccountResource> {
    try {
      const account = await this.check(username, password, client);
      signInsTotal.inc({ outcome: 'success' });
      return account;
    } catch (error) {
      signInsTotal.inc({ outcome: outcomeOf(error) });
      throw error;
    }
  }

  private async check(username: string, password: string, client: string): Promise<AccountResource> {
    this.throttle(client);
    const name = username.slice(0, MAX_USERNAME);
    const rules = attemptRules(this.config);
    const release = await this.gate.enter(
      `${name.toLowerCase()}\n${client}`,
      async () => {
        const [fromHere, fromAll] = await Promise.all([
          this.failures.read(name, client, rules.address),
          this.failures.read(name, null, rules.user),
        ]);
        const lockedUntil = Math.max(fromHere.lockedUntil, fromAll.lockedUntil);
        if (lockedUntil > 0) throw locked(lockedUntil);
        return Math.min(
          rules.address.maxFailures - fromHere.failures,
          rules.user.maxFailures - fromAll.failures,
        );
      },
      () => new OAuthError('invalid_request', 'Too many sign-in attempts at once; try again later', 429, 1),
    );
    try {
      // A name no account can have is an unknown user (never a lookup: `.` would read the collection).
      const account = nameProblem(name, NAME_RULES.user) ? null : await this.accounts.findLatest(name);
      const valid = account
        ? await this.hasher.verify(account.spec.passwordHash, password)
        : await this.hasher.verifyNothing(password);
      if (!account || !valid || account.spec.state !== 'Active') {
        const [fromHere, fromAll] = await Promise.all([
          this.failures.recordFailure(name, client, rules.address),
          this.failures.recordFailure(name, null, rules.user),
        ]);
        const lockedUntil = Math.max(fromHere.lockedUntil, fromAll.lockedUntil);
        if (lockedUntil > 0) throw locked(lockedUntil);
        throw new OAuthError('invalid_grant', BAD_CREDENTIALS);
      }
      await this.failures.reset(name, client, rules.address);
      return account;
    } finally {
      release();
    }
  }

  /** Opens a session for verified credentials. */
  async signIn(account: AccountResource): Promise<TokenResponse> {
    const response = await this.sessions.open(account);
    await this.recordLogin(account);
    return response;
  }

  /** Best effort: a failure is logged, and parallel sign-ins of one account write it once. */
  private async recordLogin(account: AccountResource): Promise<void> {
    const name = account.metadata.name;
    const stored = account.status?.lastLoginAt ? Date.parse(account.status.lastLoginAt) : 0;
    const last = Math.max(stored, this.loginRecorded.get(name) ?? 0);
    if (Date.now() - last < LAST_LOGIN_RESOLUTION_MS || this.recordingLogin.has(name)) return;
    this.recordingLogin.add(name);
    this.loginRecorded.set(name, Date.now());
    if (this.loginRecorded.size > 10_000) this.loginRecorded.clear();
    await this.accounts
      .modify(name, (current) => {
        if (current.metadata.uid !== account.metadata.uid) return undefined;
        current.status = { ...current.status, lastLoginAt: new Date().toISOString() };
        return current;
      })
      .catch((error: unknown) =>
        this.logger.warn(
          `Could not record a sign-in: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => this.recordingLogin.delete(name));
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

function locked(until: number): OAuthError {
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  return new OAuthError(
    'invalid_grant',
    'The account is locked after too many failed sign-ins; try again later',
    429,
    seconds,
  );
}

/** How a refused sign-in is counted: locked out, throttled (too many attempts), or bad credentials. */
function outcomeOf(error: unknown): 'locked' | 'throttled' | 'failure' {
  if (!(error instanceof OAuthError)) return 'failure';
  if (error.description.startsWith('The account is locked')) return 'locked';
  return error.status === 429 ? 'throttled' : 'failure';
}
