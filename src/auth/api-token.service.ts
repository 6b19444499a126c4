import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import type { ApiTokenRecord, ApiTokenScope } from '../iam/account.resource';
import { AccountStore } from '../iam/account.store';
import type { Principal } from './principal';
import { newOpaqueToken, parseOpaqueToken, secretMatches } from './secrets';

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
 * Named tokens for automation. The token is shown once at creation and stored only as a hash in the
 * owner's account; it acts with the owner's roles, limited to reads when its scope is read-only.
 */
@Injectable()
export class ApiTokenService {
  private readonly logger = new Logger(ApiTokenService.name);

  constructor(@Inject(AccountStore) private readonly accounts: AccountStore) {}

  async list(username: string): Promise<ApiTokenInfo[]> {
    const account = await this.accounts.get(username);
    return (account.status?.apiTokens ?? []).map(toInfo).sort((a, b) => a.name.localeCompare(b.name));
  }

  async create(
    username: string,
    name: string,
    scope: ApiTokenScope,
    expiresAt: Date | null,
  ): Promise<{ token: string; info: ApiTokenInfo }> {
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw DomainError.badField('expiresAt', 'must be in the future');
    const { token, id, secretHash } = newOpaqueToken(API_TOKEN_KIND, username);
    const record: ApiTokenRecord = { id, name, secretHash, scope, createdAt: new Date().toISOString() };
    if (expiresAt) record.expiresAt = expiresAt.toISOString();
    await this.accounts.modify(username, (account) => {
      const tokens = account.status?.apiTokens ?? [];
      if (tokens.some((t) => t.name === name))
        throw new DomainError(ErrorCode.CONFLICT, `API token "${name}" already exists`);
      if (tokens.length >= MAX_TOKENS)
        throw DomainError.badField('name', `at most ${MAX_TOKENS} API tokens per user`);
      account.status = { ...account.status, apiTokens: [...tokens, record] };
      return account;
    });
    return { token, info: toInfo(record) };
  }

  async revoke(username: string, name: string): Promise<ApiTokenInfo> {
    let revoked: ApiTokenRecord | undefined;
    await this.accounts.modify(username, (account) => {
      const tokens = account.status?.apiTokens ?? [];
      revoked = tokens.find((t) => t.name === name);
      if (!revoked) throw DomainError.notFound('API token', name);
      account.status = { ...account.status, apiTokens: tokens.filter((t) => t.name !== name) };
      return account;
    });
    return toInfo(revoked!);
  }

  static isApiToken(bearer: string): boolean {
    return bearer.startsWith(`${API_TOKEN_KIND}.`);
  }

  async authenticate(bearer: string): Promise<Principal> {
    const invalid = new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid API token');
    const parsed = parseOpaqueToken(bearer, API_TOKEN_KIND);
    if (!parsed) throw invalid;
    const account = await this.accounts.find(parsed.username);
    const record = account?.status?.apiTokens?.find((t) => t.id === parsed.id);
    if (!account || !record || !secretMatches(parsed.secret, record.secretHash)) throw invalid;
    if (record.expiresAt && Date.parse(record.expiresAt) <= Date.now())
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The API token has expired');
    if (account.spec.state !== 'Active') throw invalid;
    this.touch(parsed.username, record);
    return {
      username: parsed.username,
      platformRole: account.spec.platformRole,
      via: 'api-token',
      scope: record.scope,
    };
  }

  private touch(username: string, record: ApiTokenRecord): void {
    const now = Date.now();
    if (record.lastUsedAt && now - Date.parse(record.lastUsedAt) < LAST_USED_RESOLUTION_MS) return;
    this.accounts
      .modify(username, (account) => {
        const tokens = account.status?.apiTokens ?? [];
        const current = tokens.find((t) => t.id === record.id);
        if (!current) return undefined;
        current.lastUsedAt = new Date(now).toISOString();
        return account;
      })
      .catch((error: unknown) =>
        this.logger.warn(
          `Could not record API token use: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }
}

function toInfo(record: ApiTokenRecord): ApiTokenInfo {
  return {
    name: record.name,
    scope: record.scope,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt ?? null,
    lastUsedAt: record.lastUsedAt ?? null,
  };
}
