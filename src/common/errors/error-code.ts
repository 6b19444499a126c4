/**
 * Every failure Berth reports, whatever caused it. Each transport maps a code exactly once
 * (see error-presentation.ts); nothing else decides what a client sees.
 */
export enum ErrorCode {
  /** No valid credentials were presented. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller is known and may see the scope, but its role lacks the permission. */
  FORBIDDEN = 'FORBIDDEN',
  /** The object does not exist, or the caller may not know that it exists. */
  NOT_FOUND = 'NOT_FOUND',
  /** The request is malformed or fails validation; `fields` says where. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** A GraphQL operation over the limits (depth, aliases, root fields, cost); refused before it ran. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The object already exists, or changed since the caller read it. */
  CONFLICT = 'CONFLICT',
  /** A cursor (a resourceVersion to resume after) older than what is remembered: start over without it. */
  EXPIRED = 'EXPIRED',
  /** The caller sent too many requests (or failed too many logins); retry later. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** A dependency (the Kubernetes API server) is unreachable, overloaded or failing; retry later. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** A bug. Details are logged, never returned. */
  INTERNAL = 'INTERNAL',
}
