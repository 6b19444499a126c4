import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, fetch } from 'undici';
import type { RegistrySettings } from '../config/app-config';
import type { ImageConfigBlob } from './image-config';
import { checkPublicHost, FORBIDDEN_ADDRESS, publicOnlyLookup } from './registry-network';
import {
  formatPlatform,
  ImageReference,
  normalizePlatform,
  normalizeRegistry,
  Platform,
  platformMatches,
  registryApiHost,
} from './image-reference';

/**
 * A client of the OCI distribution API v2 (https://github.com/opencontainers/distribution-spec), just
 * enough to read an image: its manifest (resolving multi-platform indexes), its config blob and the
 * repository's tags, with bearer-token and basic authentication.
 *
 * Credentials and tokens live only in one inspection's session and are sent only as Authorization
 * headers; no error message, cause or log line this module produces contains them.
 */

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const;

const INDEX_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
const MANIFEST_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest]);
const CONFIG_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociConfig, MEDIA_TYPES.dockerConfig]);
const MANIFEST_ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
const MAX_SMALL_BYTES = 1024 * 1024;
const TAGS_PAGE = 1000;
const MAX_TAG_PAGES = 20;
const MAX_REDIRECTS = 5;

export interface RegistryCredentials {
  username: string;
  password: string;
}

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

export interface RegistryClientOptions {
  /** Deadline of each call (connect, redirects and the whole body included). */
  timeoutMs: number;
  /** Per-registry settings, keyed by lower-case host[:port]. */
  registries: Record<string, RegistrySettings>;
  maxTags?: number;
}

export interface InspectOptions {
  platform: Platform;
  /** The caller chose the platform: a single-platform image of another one is then refused. */
  platformExplicit?: boolean;
  credentials?: RegistryCredentials;
}

export interface InspectedImage {
  /** Digest of the manifest (or index) the reference names. */
  digest: string;
  platform: Platform;
  config: ImageConfigBlob;
  tags: string[];
}

interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

interface Manifest {
  mediaType: string;
  digest: string;
  manifests?: Descriptor[];
  config?: Descriptor;
}

interface Fetched {
  status: number;
  headers: HeaderReader;
  body: Buffer;
  url: URL;
}

interface HeaderReader {
  get(name: string): string | null;
}

export class RegistryClient {
  private readonly agents = new Map<string, Agent>();
  private readonly settings: Record<string, RegistrySettings>;

  constructor(private readonly options: RegistryClientOptions) {
    this.settings = Object.fromEntries(
      Object.entries(options.registries).map(([host, s]) => [normalizeRegistry(host), s]),
    );
  }

  /** Reads the image `ref` names, for one platform, with the repository's tags. */
  async inspect(ref: ImageReference, options: InspectOptions): Promise<InspectedImage> {
    const session = new RegistrySession(this, ref, options.credentials);
    const top = await session.manifest(ref.digest ?? ref.tag ?? 'latest', ref.digest);
    let manifest = top;
    for (let depth = 0; INDEX_TYPES.has(manifest.mediaType); depth++) {
      if (depth >= 2) throw new RegistryError('invalid', 'indexes nested too deeply');
      const chosen = choosePlatform(manifest.manifests ?? [], options.platform);
      manifest = await session.manifest(chosen, chosen);
    }
    const configDescriptor = manifest.config;
    if (!configDescriptor?.digest || !CONFIG_TYPES.has(configDescriptor.mediaType ?? ''))
      throw new RegistryError(
        'not-an-image',
        `manifest ${manifest.digest} has config type ${configDescriptor?.mediaType ?? '(none)'}`,
      );
    const config = await session.blobJson<ImageConfigBlob>(configDescriptor);
    const platform = normalizePlatform({
      os: config.os ?? 'unknown',
      architecture: config.architecture ?? 'unknown',
      ...(config.variant ? { variant: config.variant } : {}),
    });
    if (top === manifest && options.platformExplicit && !platformMatches(options.platform, platform))
      throw new RegistryError('platform', `single-platform image for ${formatPlatform(platform)}`, {
        available: [formatPlatform(platform)],
      });
    const tags = await session.tags(this.options.maxTags ?? 1000);
    return { digest: top.digest, platform, config, tags };
  }

  /** Frees pooled connections (at shutdown). */
  async close(): Promise<void> {
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.close()));
  }

  /** `http` only for registries configured `insecure`. */
  scheme(host: string): 'http' | 'https' {
    return this.settingsOf(host).insecure ? 'http' : 'https';
  }

  /**
   * Registries named in BERTH_REGISTRIES are trusted wherever they are (on 127.0.0.1, a private
   * network); every other host must be, and resolve only to, public addresses.
   */
  isListed(host: string): boolean {
    const lower = host.toLowerCase();
    return lower in this.settings || normalizeRegistry(lower) in this.settings;
  }

  /** Refuses a URL before any request: its scheme, and (unless listed) the addresses of its host. */
  async checkDestination(url: URL): Promise<void> {
    const plain = url.protocol === 'http:';
    if (url.protocol !== 'https:' && !plain)
      throw new RegistryError('forbidden', `${where(url)}: scheme ${url.protocol} is not allowed`);
    if (plain && this.scheme(url.host) !== 'http')
      throw new RegistryError('forbidden', `${where(url)}: plain HTTP to a registry not configured insecure`);
    if (!this.isListed(url.host)) await checkPublicHost(url.hostname);
  }

  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  /** One pool per host, so a private CA applies to its registry only. */
  agentFor(host: string): Agent {
    const key = host.toLowerCase();
    let agent = this.agents.get(key);
    if (!agent) {
      const { caFile } = this.settingsOf(key);
      let ca: string[] | undefined;
      if (caFile) {
        try {
          ca = [...rootCertificates, readFileSync(caFile, 'utf8')];
        } catch (error) {
          throw new RegistryError('tls', `cannot read the CA file of ${host}: ${describe(error)}`);
        }
      }
      const timeout = this.options.timeoutMs;
      // Listed registries are trusted where they are; any other host is re-checked as it connects.
      const lookup = this.isListed(key) ? {} : { lookup: publicOnlyLookup() };
      agent = new Agent({
        connect: { timeout, ...lookup, ...(ca ? { ca } : {}) },
        headersTimeout: timeout,
        bodyTimeout: timeout,
        keepAliveTimeout: 4000,
      });
      this.agents.set(key, agent);
    }
    return agent;
  }

  private settingsOf(host: string): RegistrySettings {
    const lower = host.toLowerCase();
    return this.settings[lower] ?? this.settings[normalizeRegistry(lower)] ?? {};
  }
}

/** One inspection: the repository, the credentials, and the token obtained with them. */
class RegistrySession {
  private readonly base: URL;
  private authorization: string | undefined;

  constructor(
    private readonly client: RegistryClient,
    private readonly ref: ImageReference,
    private readonly credentials: RegistryCredentials | undefined,
  ) {
    const host = registryApiHost(ref.registry);
    this.base = new URL(`${client.scheme(ref.registry)}://${host}`);
  }

  async manifest(reference: string, expectedDigest: string | null): Promise<Manifest> {
    const res = await this.get(
      `/v2/${this.ref.repository}/manifests/${reference}`,
      MANIFEST_ACCEPT,
      MAX_MANIFEST_BYTES,
    );
    if (res.status === 404)
      throw new RegistryError('not-found', `manifest ${reference}: HTTP 404`, { status: 404 });
    if (res.status !== 200) throw statusError(res, `manifest ${reference}`);
    const digest = verifiedDigest(res.body, expectedDigest, `manifest ${reference}`);
    const json = parseJson<{ mediaType?: string; manifests?: Descriptor[]; config?: Descriptor }>(
      res.body,
      `manifest ${reference}`,
    );
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    let mediaType = [contentType, json.mediaType ?? ''].find(
      (t) => INDEX_TYPES.has(t) || MANIFEST_TYPES.has(t),
    );
    // Some registries answer application/json; the body still tells what it is.
    if (!mediaType && Array.isArray(json.manifests)) mediaType = MEDIA_TYPES.ociIndex;
    if (!mediaType && json.config) mediaType = MEDIA_TYPES.ociManifest;
    if (!mediaType)
      throw new RegistryError('not-an-image', `manifest ${reference} has type ${contentType || '(none)'}`);
    return { mediaType, digest, manifests: json.manifests, config: json.config };
  }

  async blobJson<T>(descriptor: Descriptor): Promise<T> {
    const digest = descriptor.digest ?? '';
    if ((descriptor.size ?? 0) > MAX_CONFIG_BYTES)
      throw new RegistryError('invalid', `config blob ${digest} is ${descriptor.size} bytes`);
    const res = await this.get(`/v2/${this.ref.repository}/blobs/${digest}`, undefined, MAX_CONFIG_BYTES);
    if (res.status === 404)
      throw new RegistryError('invalid', `config blob ${digest}: HTTP 404`, { status: 404 });
    if (res.status !== 200) throw statusError(res, `config blob ${digest}`);
    verifiedDigest(res.body, digest, `config blob ${digest}`);
    return parseJson<T>(res.body, `config blob ${digest}`);
  }

  /**
   * The repository's tags, following `Link` pagination, at most `max`, sorted. A registry that does not
   * let this account list tags still lets it read the image: that is no reason to fail the inspection.
   */
  async tags(max: number): Promise<string[]> {
    const tags = new Set<string>();
    let next: URL | null = new URL(`/v2/${this.ref.repository}/tags/list?n=${TAGS_PAGE}`, this.base);
    try {
      for (let page = 0; next && page < MAX_TAG_PAGES && tags.size < max; page++) {
        const res = await this.get(next.pathname + next.search, undefined, MAX_MANIFEST_BYTES);
        if (res.status !== 200) throw statusError(res, 'tags');
        const json = parseJson<{ tags?: unknown }>(res.body, 'tags');
        for (const tag of Array.isArray(json.tags) ? json.tags : [])
          if (typeof tag === 'string' && tags.size < max) tags.add(tag);
        next = nextLink(res.headers.get('link'), res.url);
        // Never follow a link to another origin: the token is for this registry only.
        if (next && next.origin !== this.base.origin) next = null;
      }
    } catch (error) {
      if (error instanceof RegistryError && ['unauthorized', 'not-found', 'refused'].includes(error.kind))
        return [...tags].sort();
      throw error;
    }
    return [...tags].sort();
  }

  /** GET on the registry, authenticating once on a 401 challenge. */
  private async get(path: string, accept: string | undefined, maxBytes: number): Promise<Fetched> {
    const url = new URL(path, this.base);
    let res = await this.send(url, accept, maxBytes);
    if (res.status === 401) {
      await this.authenticate(res.headers.get('www-authenticate'));
      res = await this.send(url, accept, maxBytes);
    }
    if (res.status === 401 || res.status === 403)
      throw new RegistryError('unauthorized', `${url.pathname}: HTTP ${res.status}`, {
        status: res.status,
        withCredentials: this.credentials !== undefined,
      });
    return res;
  }

  private send(url: URL, accept: string | undefined, maxBytes: number): Promise<Fetched> {
    const headers: Record<string, string> = {};
    if (accept) headers.accept = accept;
    if (this.authorization) headers.authorization = this.authorization;
    return fetchFollowing(this.client, url, headers, maxBytes);
  }

  private async authenticate(header: string | null): Promise<void> {
    const withCredentials = this.credentials !== undefined;
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
      this.client.scheme(realm.host) !== 'http' &&
      this.base.protocol !== 'http:'
    )
      throw new RegistryError('tls', `token realm ${realm.origin} is not HTTPS`);
    realm.hash = '';
    if (params.service) realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope ?? `repository:${this.ref.repository}:pull`);
    const headers: Record<string, string> = {};
    if (this.credentials) headers.authorization = basic(this.credentials);
    const res = await fetchFollowing(this.client, realm, headers, MAX_SMALL_BYTES);
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
 * One GET within one deadline (connect, redirects, body). Redirects (blobs on object storage) are
 * followed here rather than by fetch so the Authorization header never leaves the registry's origin.
 */
async function fetchFollowing(
  client: RegistryClient,
  start: URL,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<Fetched> {
  const signal = AbortSignal.timeout(client.timeoutMs);
  let url = start;
  let current = headers;
  for (let hop = 0; ; hop++) {
    try {
      // Every hop: https (or a listed plain-HTTP registry), to a public address or a listed registry.
      await client.checkDestination(url);
      const res = await fetch(url, {
        headers: current,
        signal,
        redirect: 'manual',
        dispatcher: client.agentFor(url.host),
      });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new RegistryError('invalid', `${where(start)}: too many redirects`);
        const next = new URL(location, url);
        if (next.origin !== url.origin) {
          const { authorization: _dropped, ...rest } = current;
          current = rest;
        }
        url = next;
        continue;
      }
      const body = await readLimited(res, maxBytes, url);
      return { status: res.status, headers: res.headers, body, url };
    } catch (error) {
      if (error instanceof RegistryError) throw error;
      throw transportError(error, url, client.timeoutMs);
    }
  }
}

async function readLimited(
  res: { headers: HeaderReader; body: ReadableStream<Uint8Array> | null },
  maxBytes: number,
  url: URL,
): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new RegistryError('invalid', `${where(url)}: answer of ${declared} bytes is too large`);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.byteLength;
    // Leaving the loop by throwing cancels the stream.
    if (total > maxBytes)
      throw new RegistryError('invalid', `${where(url)}: answer larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

const TIMEOUT_CODES = new Set([
  'TimeoutError',
  'AbortError',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Classifies a network failure; keeps only codes and the innermost message (no headers, no bodies). */
function transportError(error: unknown, url: URL, timeoutMs: number): RegistryError {
  const chain: { code?: string; name?: string; message?: string }[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const { code, name, message, cause } = e as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    chain.push({
      code: typeof code === 'string' ? code : undefined,
      name: typeof name === 'string' ? name : undefined,
      message: typeof message === 'string' ? message : undefined,
    });
    e = cause;
  }
  const inner = chain[chain.length - 1] ?? {};
  const detail = `${where(url)}: ${[inner.code, inner.message].filter(Boolean).join(' ') || 'failed'}`;
  if (chain.some((c) => c.code === FORBIDDEN_ADDRESS)) return new RegistryError('forbidden', detail);
  if (chain.some((c) => TIMEOUT_CODES.has(c.code ?? '') || TIMEOUT_CODES.has(c.name ?? '')))
    return new RegistryError('timeout', `${where(url)}: no answer within ${timeoutMs} ms`);
  if (chain.some((c) => /CERT|SSL|TLS|ALTNAME|SELF_SIGNED|VERIFY/i.test(c.code ?? '')))
    return new RegistryError('tls', detail);
  return new RegistryError('unreachable', detail);
}

function statusError(res: Fetched, what: string): RegistryError {
  const status = res.status;
  const kind: RegistryFailure =
    status === 429 || status >= 500 ? 'unavailable' : status >= 400 ? 'refused' : 'invalid';
  return new RegistryError(kind, `${what}: HTTP ${status}`, { status });
}

function choosePlatform(manifests: Descriptor[], wanted: Platform): string {
  const images = manifests.filter(
    (m) =>
      m.digest &&
      m.platform?.os &&
      m.platform.architecture &&
      // Build attestations sit in indexes as platform unknown/unknown manifests.
      !m.annotations?.['vnd.docker.reference.type'] &&
      (m.mediaType === undefined || MANIFEST_TYPES.has(m.mediaType) || INDEX_TYPES.has(m.mediaType)),
  );
  const platformOf = (m: Descriptor): Platform =>
    normalizePlatform({
      os: m.platform?.os ?? '',
      architecture: m.platform?.architecture ?? '',
      ...(m.platform?.variant ? { variant: m.platform.variant } : {}),
    });
  const chosen = images.find((m) => platformMatches(wanted, platformOf(m)));
  if (!chosen?.digest) {
    const available = [...new Set(images.map((m) => formatPlatform(platformOf(m))))];
    throw new RegistryError('platform', `no ${formatPlatform(wanted)} in index`, { available });
  }
  return chosen.digest;
}

/** The body's digest; with an expected one (from the reference or a descriptor), it must match. */
function verifiedDigest(body: Buffer, expected: string | null, what: string): string {
  const algorithm = expected?.split(':')[0] ?? 'sha256';
  if (algorithm !== 'sha256' && algorithm !== 'sha512')
    throw new RegistryError('invalid', `${what}: unsupported digest algorithm ${algorithm}`);
  const actual = `${algorithm}:${createHash(algorithm).update(body).digest('hex')}`;
  if (expected && actual !== expected)
    throw new RegistryError('invalid', `${what}: content does not match its digest`);
  return actual;
}

function parseJson<T>(body: Buffer, what: string): T {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as T;
  } catch {
    throw new RegistryError('invalid', `${what}: not a JSON object`);
  }
}

export interface Challenge {
  /** Lower case: `bearer`, `basic`. */
  scheme: string;
  params: Record<string, string>;
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

/** The `rel="next"` target of a `Link` header, resolved against the URL it came with. */
export function nextLink(header: string | null, base: URL): URL | null {
  for (const part of (header ?? '').split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(match[2])) {
      try {
        return new URL(match[1], base);
      } catch {
        return null;
      }
    }
  }
  return null;
}

function basic(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

function where(url: URL): string {
  return `GET ${url.origin}${url.pathname}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
