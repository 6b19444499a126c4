import { IAM_API_VERSION } from '../bootstrap/crds';
import type { KubeObject, KubeRef } from '../kube';
import type { PlatformRole } from './roles';

export type AccountState = 'Active' | 'Disabled';

export interface SessionRecord {
  id: string;
  /** SHA-256 of the refresh token's secret part; the token itself is never stored. */
  secretHash: string;
  createdAt: string;
  expiresAt: string;
  refreshedAt?: string;
}

export type ApiTokenScope = 'read-only' | 'read-write';

export interface ApiTokenRecord {
  id: string;
  name: string;
  secretHash: string;
  scope: ApiTokenScope;
  createdAt: string;
  expiresAt?: string;
  lastUsedAt?: string;
}

/** The Account custom resource (cluster-scoped; its name is the username). */
export interface AccountResource extends KubeObject {
  metadata: {
    name: string;
    resourceVersion?: string;
    creationTimestamp?: Date;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    email: string;
    displayName?: string;
    platformRole: PlatformRole;
    state: AccountState;
    passwordHash: string;
    tokenGeneration?: number;
  };
  status?: {
    failedLogins?: string[];
    lockedUntil?: string;
    lastLoginAt?: string;
    sessions?: SessionRecord[];
    apiTokens?: ApiTokenRecord[];
  };
}

export const accountRef = (username: string): KubeRef => ({
  apiVersion: IAM_API_VERSION,
  kind: 'Account',
  name: username,
});

export function isLocked(account: AccountResource, now = Date.now()): boolean {
  const until = account.status?.lockedUntil;
  return until !== undefined && Date.parse(until) > now;
}
