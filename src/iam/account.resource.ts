import type { KubeObject, V1OwnerReference } from '../kube';
import type { PlatformRole } from './roles';
import { IAM_API_VERSION } from './api-groups';

export type AccountState = 'Active' | 'Disabled';
export type ApiTokenScope = 'read-only' | 'read-write';

/** Labels that tie credentials to the one account (by UID) they were issued to. */
export const CREDENTIAL_LABELS = {
  accountUID: 'iam.berth.io/account-uid',
  username: 'iam.berth.io/username',
} as const;

interface ClusterMetadata {
  name: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: Date;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: V1OwnerReference[];
}

/** The Account custom resource (cluster-scoped; its name is the username). */
export interface AccountResource extends KubeObject {
  metadata: ClusterMetadata;
  spec: {
    email: string;
    displayName?: string;
    platformRole: PlatformRole;
    state: AccountState;
    passwordHash: string;
    tokenGeneration?: number;
  };
  status?: { lastLoginAt?: string };
}

/** One signed-in session: its refresh token, stored only as a hash. */
export interface SessionResource extends KubeObject {
  metadata: ClusterMetadata;
  spec: {
    accountUID: string;
    username: string;
    /** SHA-256 of the refresh token's secret part; the token itself is never stored. */
    secretHash: string;
    createdAt: string;
    expiresAt: string;
    refreshedAt?: string;
  };
}

/** One named API token of an account, stored only as a hash. */
export interface ApiTokenResource extends KubeObject {
  metadata: ClusterMetadata;
  spec: {
    accountUID: string;
    username: string;
    name: string;
    secretHash: string;
    scope: ApiTokenScope;
    createdAt: string;
    expiresAt?: string;
    lastUsedAt?: string;
  };
}

/** Failed sign-ins of a username from an address (or from anywhere: no address). */
export interface LoginAttemptsResource extends KubeObject {
  metadata: ClusterMetadata;
  spec: {
    username?: string;
    address?: string;
    failures: number;
    windowStart: string;
    lockedUntil?: string;
  };
}

/**
 * A credential's metadata: labelled with its account (to find an account's credentials) and owned
 * by it, so the garbage collector deletes credentials with their account.
 */
export function credentialMetadata(account: AccountResource, name: string): ClusterMetadata {
  return {
    name,
    labels: {
      [CREDENTIAL_LABELS.accountUID]: account.metadata.uid ?? '',
      [CREDENTIAL_LABELS.username]: account.metadata.name,
    },
    ownerReferences: [
      {
        apiVersion: IAM_API_VERSION,
        kind: 'Account',
        name: account.metadata.name,
        uid: account.metadata.uid ?? '',
        blockOwnerDeletion: false,
      },
    ],
  };
}
