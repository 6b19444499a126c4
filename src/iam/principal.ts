import type { ApiTokenScope } from './account.resource';
import type { PlatformRole } from './roles';

/** Who is calling, as established by the bearer token of the request. */
export interface Principal {
  username: string;
  platformRole: PlatformRole;
  /** How the caller signed in: an interactive session (JWT) or an automation API token. */
  via: 'session' | 'api-token';
  /** API tokens may be read-only; sessions are always read-write. */
  scope: ApiTokenScope;
  /** The API token's id, when the caller presented one (each token has a request budget of its own). */
  tokenId?: string;
}
