import type { ApiTokenInfo } from '../auth/api-token.service';
import type { ApiToken } from './api-token.models';

export function toApiToken(info: ApiTokenInfo): ApiToken {
  return {
    name: info.name,
    scope: info.scope,
    createdAt: new Date(info.createdAt),
    expiresAt: info.expiresAt ? new Date(info.expiresAt) : null,
    lastUsedAt: info.lastUsedAt ? new Date(info.lastUsedAt) : null,
  };
}
