/**
 * How the registry client fails. `message` is for logs and never holds a credential or a token; the
 * caller words what a client sees from `kind` and `details`.
 */

/** What went wrong, for the caller to word; `message` is for logs (no credentials, ever). */
export type RegistryFailure =
  /** Connection refused, reset, DNS failure. */
  | 'unreachable'
  /** No complete answer within the deadline. */
  | 'timeout'
  /** TLS could not be established or the certificate is not trusted. */
  | 'tls'
  /** 5xx or 429: the registry is failing or overloaded. */
  | 'unavailable'
  /** 401/403 after authenticating with what we had (credentials or none). */
  | 'unauthorized'
  /** The manifest (or repository) does not exist. */
  | 'not-found'
  /** An index without the wanted platform, or a single-platform image of another one. */
  | 'platform'
  /** The reference names an artifact that is not a container image (a Helm chart, a signature). */
  | 'not-an-image'
  /** Another 4xx: the registry refuses the reference itself. */
  | 'refused'
  /** The registry broke the protocol (bad JSON, wrong digest, oversized answer). */
  | 'invalid'
  /** The host is (or resolves to) an address tenants may not reach through Berth, or a redirect goes where it may not. */
  | 'forbidden';

export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryFailure,
    message: string,
    readonly details: { status?: number; withCredentials?: boolean; available?: string[] } = {},
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** An answer with an unexpected status, classified. */
export function statusError(res: { status: number }, what: string): RegistryError {
  const status = res.status;
  const kind: RegistryFailure =
    status === 429 || status >= 500 ? 'unavailable' : status >= 400 ? 'refused' : 'invalid';
  return new RegistryError(kind, `${what}: HTTP ${status}`, { status });
}

/** A body that must be a JSON object (manifests, configs, tag lists and token responses all are). */
export function parseJson<T>(body: Buffer, what: string): T {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as T;
  } catch {
    throw new RegistryError('invalid', `${what}: not a JSON object`);
  }
}
