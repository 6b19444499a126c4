import { SESSIONS } from '../iam/resources';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { AccountResource, credentialMetadata, SessionResource } from '../iam/account.resource';
import { AccountStore } from '../iam/account.store';
import { CredentialStore } from '../iam/credential.store';
import { OAuthError } from './oauth-error';
import { formatOpaqueToken, newId, newSecret, parseOpaqueToken, secretMatches } from './secrets';
import { SigningKeyStore } from './signing-key.store';
import { TokenService, type AccessClaims } from './token.service';
import { IAM_API_VERSION } from '../iam/api-groups';

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
 * Sessions: each sign-in gets a Session object of its own holding the refresh token's hash. A refresh
 * rotates it at the version it was read, so each refresh token is single-use (a replay loses the
 * race), and no two sessions ever contend for one object.
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);
  /** Accounts whose old sessions are being pruned, and whether another prune was asked for meanwhile. */
  private readonly pruning = new Map<string, boolean>();

  constructor(
    private readonly accounts: AccountStore,
    private readonly credentials: CredentialStore,
    private readonly tokens: TokenService,
    private readonly keys: SigningKeyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session for a verified account. */
  async open(account: AccountResource): Promise<TokenResponse> {
    const uid = account.metadata.uid ?? '';
    const id = newId();
    const { secret, secretHash } = newSecret();
    const now = new Date();
    await this.credentials.createSession({
      apiVersion: IAM_API_VERSION,
      kind: 'Session',
      metadata: credentialMetadata(account, `s-${id}`),
      spec: {
        accountUID: uid,
        username: account.metadata.name,
        secretHash,
        createdAt: now.toISOString(),
        expiresAt: this.expiry(now),
      },
    });
    await this.prune(uid);
    return this.respond(
      account,
      `s-${id}`,
      formatOpaqueToken(await this.keys.key(), { kind: REFRESH_KIND, id, secret }),
    );
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const { session, account, parsed } = await this.resolve(refreshToken);
    if (!session || !account || !parsed) throw invalidGrant();
    const next = newSecret();
    const now = new Date();
    try {
      await this.credentials.replaceSession({
        ...session,
        spec: {
          ...session.spec,
          secretHash: next.secretHash,
          refreshedAt: now.toISOString(),
          expiresAt: this.expiry(now),
        },
      });
    } catch (error) {
      // Another use of the same refresh token won: this one is spent.
      if (error instanceof DomainError && error.code === ErrorCode.CONFLICT) throw invalidGrant();
      throw error;
    }
    return this.respond(
      account,
      session.metadata.name,
      formatOpaqueToken(await this.keys.key(), { ...parsed, secret: next.secret }),
    );
  }

  /** RFC 7009: revoking an unknown or already revoked token is not an error. */
  async revoke(refreshToken: string): Promise<void> {
    const { session } = await this.resolve(refreshToken, false);
    if (session) await this.credentials.delete(SESSIONS.ref(session.metadata.name));
  }

  /**
   * Sign-out with an access token only (KubeSphere's console sends no refresh token): ends the session
   * the token was issued for, so it can no longer be refreshed. The access token itself stays valid
   * until it expires (at most `BERTH_ACCESS_TOKEN_TTL_SECONDS`): it is verified without a lookup.
   */
  async end(claims: AccessClaims): Promise<void> {
    if (!claims.session) return;
    const session = await this.credentials.findSession(claims.session);
    if (session?.spec.username === claims.username && session.spec.accountUID === claims.uid)
      await this.credentials.delete(SESSIONS.ref(session.metadata.name));
  }

  private async respond(
    account: AccountResource,
    session: string,
    refreshToken: string,
  ): Promise<TokenResponse> {
    const accessToken = await this.tokens.issue({
      username: account.metadata.name,
      uid: account.metadata.uid ?? '',
      generation: account.spec.tokenGeneration ?? 0,
      session,
    });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.tokens.accessTokenTtlSeconds,
      refresh_token: refreshToken,
    };
  }

  /** The live session a refresh token names, and (when `withAccount`) its still-active account. */
  private async resolve(
    refreshToken: string,
    withAccount = true,
  ): Promise<{
    session?: SessionResource;
    account?: AccountResource;
    parsed?: ReturnType<typeof parseOpaqueToken>;
  }> {
    const parsed = parseOpaqueToken(await this.keys.key(), refreshToken, REFRESH_KIND);
    if (!parsed) return {};
    const session = await this.credentials.findSession(`s-${parsed.id}`);
    if (!session || !secretMatches(parsed.secret, session.spec.secretHash)) return {};
    if (Date.parse(session.spec.expiresAt) <= Date.now()) return {};
    if (!withAccount) return { session, parsed };
    const account = await this.accounts.find(session.spec.username);
    // The account of that name must be the one the session was opened for, and still active.
    if (!account || account.metadata.uid !== session.spec.accountUID || account.spec.state !== 'Active')
      return {};
    return { session, account, parsed };
  }

  /**
   * Keeps the newest MAX_SESSIONS live sessions of an account, before the sign-in answers; one prune at
   * a time per account (a sign-in meanwhile asks the running one to go round once more).
   */
  private async prune(accountUID: string): Promise<void> {
    if (this.pruning.has(accountUID)) {
      this.pruning.set(accountUID, true);
      return;
    }
    this.pruning.set(accountUID, false);
    const run = async (): Promise<void> => {
      const sessions = await this.credentials.sessionsOf(accountUID);
      const now = Date.now();
      const live = sessions
        .filter((s) => Date.parse(s.spec.expiresAt) > now)
        .sort((a, b) => Date.parse(b.spec.createdAt) - Date.parse(a.spec.createdAt));
      const doomed = [
        ...sessions.filter((s) => Date.parse(s.spec.expiresAt) <= now),
        ...live.slice(MAX_SESSIONS),
      ];
      await Promise.all(doomed.map((s) => this.credentials.delete(SESSIONS.ref(s.metadata.name))));
    };
    const loop = async (): Promise<void> => {
      do {
        this.pruning.set(accountUID, false);
        await run().catch((error: unknown) =>
          this.logger.warn(
            `Could not prune old sessions: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      } while (this.pruning.get(accountUID));
      this.pruning.delete(accountUID);
    };
    await loop();
  }

  private expiry(now: Date): string {
    return new Date(now.getTime() + this.config.refreshTokenTtlSeconds * 1000).toISOString();
  }
}

function invalidGrant(): OAuthError {
  return new OAuthError('invalid_grant', 'The refresh token is invalid, expired or revoked');
}
