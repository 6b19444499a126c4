import { API_TOKENS } from '../iam/resources';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import {
  AccountResource,
  ApiTokenResource,
  ApiTokenScope,
  credentialMetadata,
} from '../iam/account.resource';
import { AccountStore } from '../iam/account.store';
import { CredentialStore } from '../iam/credential.store';
import type { Principal } from '../iam/principal';
import { formatOpaqueToken, newSecret, parseOpaqueToken, secretMatches, sha256 } from './secrets';
import { SigningKeyStore } from './signing-key.store';
import { IAM_API_VERSION } from '../iam/api-groups';

const API_TOKEN_KIND = 'bat';
const MAX_TOKENS = 50;
/** lastUsedAt is a hint, not an audit log: write it at most this often per token. */
const LAST_USED_RESOLUTION_MS = 5 * 60_000;

export interface ApiTokenInfo {
  name: string;
  scope: ApiTokenScope;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/**
 * Named tokens for automation, one ApiToken object each (owned by the account, holding the hash
 * only). A token acts with its owner's roles, limited to reads when its scope is read-only; it names
 * the account's UID, so it dies with the account and never works for a later one of the same name.
 */
@Injectable()
export class ApiTokenService {
  private readonly logger = new Logger(ApiTokenService.name);

  constructor(
    private readonly accounts: AccountStore,
    private readonly credentials: CredentialStore,
    private readonly keys: SigningKeyStore,
  ) {}

  async list(account: AccountResource): Promise<ApiTokenInfo[]> {
    const tokens = await this.credentials.tokensOf(account.metadata.uid ?? '');
    return tokens.map(toInfo).sort((a, b) => a.name.localeCompare(b.name));
  }

  async create(
    account: AccountResource,
    name: string,
    scope: ApiTokenScope,
    expiresAt: Date | null,
  ): Promise<{ token: string; info: ApiTokenInfo }> {
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw DomainError.badField('expiresAt', 'must be in the future');
    const uid = account.metadata.uid ?? '';
    if ((await this.credentials.tokensOf(uid)).length >= MAX_TOKENS)
      throw DomainError.badField('name', `at most ${MAX_TOKENS} API tokens per user`);
    const id = tokenId(uid, name);
    const { secret, secretHash } = newSecret();
    const resource: ApiTokenResource = {
      apiVersion: IAM_API_VERSION,
      kind: 'ApiToken',
      metadata: credentialMetadata(account, `t-${id}`),
      spec: {
        accountUID: uid,
        username: account.metadata.name,
        name,
        secretHash,
        scope,
        createdAt: new Date().toISOString(),
        ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
      },
    };
    try {
      await this.credentials.createToken(resource);
    } catch (error) {
      // The object's name comes from the account and the token's name: a second one cannot exist.
      if (error instanceof DomainError && error.code === ErrorCode.CONFLICT)
        throw new DomainError(ErrorCode.CONFLICT, `API token "${name}" already exists`, {
          fields: [{ path: 'name', message: 'is taken' }],
        });
      throw error;
    }
    const token = formatOpaqueToken(await this.keys.key(), { kind: API_TOKEN_KIND, id, secret });
    return { token, info: toInfo(resource) };
  }

  async revoke(account: AccountResource, name: string): Promise<ApiTokenInfo> {
    const ref = API_TOKENS.ref(`t-${tokenId(account.metadata.uid ?? '', name)}`);
    const existing = await this.credentials.findToken(ref.name);
    if (!existing) throw DomainError.notFound('API token', name);
    await this.credentials.delete(ref);
    return toInfo(existing);
  }

  static isApiToken(bearer: string): boolean {
    return bearer.startsWith(`${API_TOKEN_KIND}.`);
  }

  async authenticate(bearer: string): Promise<Principal> {
    const invalid = new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid API token');
    // A made-up or altered token fails its MAC here, before anything is looked up.
    const parsed = parseOpaqueToken(await this.keys.key(), bearer, API_TOKEN_KIND);
    if (!parsed) throw invalid;
    const record = await this.credentials.findToken(`t-${parsed.id}`);
    if (!record || !secretMatches(parsed.secret, record.spec.secretHash)) throw invalid;
    if (record.spec.expiresAt && Date.parse(record.spec.expiresAt) <= Date.now())
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The API token has expired');
    const account = await this.accounts.find(record.spec.username);
    if (!account || account.metadata.uid !== record.spec.accountUID || account.spec.state !== 'Active')
      throw invalid;
    await this.touch(record);
    return {
      username: account.metadata.name,
      platformRole: account.spec.platformRole,
      via: 'api-token',
      scope: record.spec.scope,
      tokenId: parsed.id,
    };
  }

  /** Best effort, and before the request goes on (nothing of it is left running after the answer). */
  private async touch(record: ApiTokenResource): Promise<void> {
    const now = Date.now();
    const last = record.spec.lastUsedAt;
    if (last && now - Date.parse(last) < LAST_USED_RESOLUTION_MS) return;
    await this.credentials
      .modifyToken(record.metadata.name, (token) => {
        token.spec.lastUsedAt = new Date(now).toISOString();
        return token;
      })
      .catch((error: unknown) =>
        this.logger.warn(
          `Could not record API token use: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }
}

/** The token's object id: from the account and the name, so names are unique per account by construction. */
function tokenId(accountUID: string, name: string): string {
  return sha256(`${accountUID}/${name}`).slice(0, 24);
}

function toInfo(record: ApiTokenResource): ApiTokenInfo {
  return {
    name: record.spec.name,
    scope: record.spec.scope,
    createdAt: record.spec.createdAt,
    expiresAt: record.spec.expiresAt ?? null,
    lastUsedAt: record.spec.lastUsedAt ?? null,
  };
}
