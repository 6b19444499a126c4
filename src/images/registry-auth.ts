import { parseJson, RegistryError, statusError } from './registry-errors';
import type { RegistryTransport } from './registry-transport';

/**
 * Answering a registry's 401 challenge: Basic with the credentials, or Bearer with a token from the
 * challenge's realm (https://distribution.github.io/distribution/spec/auth/token/), fetched with the
 * credentials when there are some. Credentials and tokens stay in one inspection and are only ever
 * sent as Authorization headers; no error message this module produces contains them.
 */

const MAX_TOKEN_BYTES = 1024 * 1024;

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface Challenge {
  /** Lower case: `bearer`, `basic`. */
  scheme: string;
  params: Record<string, string>;
}

/** The Authorization of one inspection: none until the registry challenges, then the answer to it. */
export class RegistryAuthorization {
  private authorization: string | undefined;

  constructor(
    private readonly transport: RegistryTransport,
    /** The registry's origin, where the token is used. */
    private readonly base: URL,
    private readonly repository: string,
    private readonly credentials: RegistryCredentials | undefined,
  ) {}

  /** The Authorization header to send, once a challenge has been answered. */
  get header(): string | undefined {
    return this.authorization;
  }

  get withCredentials(): boolean {
    return this.credentials !== undefined;
  }

  /** Answers the `WWW-Authenticate` header of a 401. */
  async answer(header: string | null): Promise<void> {
    const withCredentials = this.withCredentials;
    const challenge = parseChallenges(header ?? '').find(
      (c) => c.scheme === 'bearer' || c.scheme === 'basic',
    );
    if (!challenge || (challenge.scheme === 'basic' && !this.credentials))
      throw new RegistryError('unauthorized', `challenge ${challenge?.scheme ?? '(none)'}`, {
        status: 401,
        withCredentials,
      });
    if (challenge.scheme === 'basic') {
      this.authorization = basic(this.credentials!);
      return;
    }
    this.authorization = `Bearer ${await this.token(challenge.params)}`;
  }

  /** The token flow (https://distribution.github.io/distribution/spec/auth/token/). */
  private async token(params: Record<string, string>): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(params.realm ?? '');
    } catch {
      throw new RegistryError('invalid', 'bearer challenge without a valid realm');
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:')
      throw new RegistryError('invalid', `token realm scheme ${realm.protocol}`);
    // Credentials go over plain HTTP only where plain HTTP was chosen (BERTH_REGISTRIES insecure).
    if (
      realm.protocol === 'http:' &&
      this.transport.scheme(realm.host) !== 'http' &&
      this.base.protocol !== 'http:'
    )
      throw new RegistryError('tls', `token realm ${realm.origin} is not HTTPS`);
    realm.hash = '';
    if (params.service) realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope ?? `repository:${this.repository}:pull`);
    const headers: Record<string, string> = {};
    if (this.credentials) headers.authorization = basic(this.credentials);
    const res = await this.transport.get(realm, headers, MAX_TOKEN_BYTES);
    if (res.status === 401 || res.status === 403)
      throw new RegistryError(
        'unauthorized',
        `token realm ${realm.origin}${realm.pathname}: HTTP ${res.status}`,
        {
          status: res.status,
          withCredentials: this.credentials !== undefined,
        },
      );
    if (res.status !== 200) throw statusError(res, `token realm ${realm.origin}${realm.pathname}`);
    const json = parseJson<{ token?: unknown; access_token?: unknown }>(res.body, 'token response');
    const token = typeof json.token === 'string' ? json.token : json.access_token;
    if (typeof token !== 'string' || !token)
      throw new RegistryError('invalid', 'token response without a token');
    return token;
  }
}

/**
 * `WWW-Authenticate` challenges, e.g. `Bearer realm="https://auth.example/token",service="reg",
 * scope="repository:a/b:pull"`. Several challenges may share one header.
 */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  const token = /\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)(?:\s+|$)/y;
  const param = /\s*([\w!#$%&'*+.^`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y;
  let i = 0;
  while (i < header.length) {
    token.lastIndex = i;
    const scheme = token.exec(header);
    if (!scheme) break;
    i = token.lastIndex;
    const params: Record<string, string> = {};
    for (;;) {
      param.lastIndex = i;
      const p = param.exec(header);
      if (!p) break;
      // A following "Basic realm=..." starts a new challenge, not a parameter.
      params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
      i = param.lastIndex;
    }
    challenges.push({ scheme: scheme[1].toLowerCase(), params });
    while (header[i] === ',' || header[i] === ' ') i++;
  }
  return challenges;
}

function basic(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
