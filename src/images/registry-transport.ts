import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, fetch } from 'undici';
import type { RegistrySettings } from '../config/app-config';
import { normalizeRegistry } from './image-reference';
import { RegistryError } from './registry-errors';
import { checkPublicHost, FORBIDDEN_ADDRESS, publicOnlyLookup } from './registry-network';

/**
 * HTTP to registries, guarded: every hop (redirects included) goes over HTTPS, or plain HTTP to a
 * registry configured insecure, and to a public address unless the host is listed in
 * BERTH_REGISTRIES; one deadline covers connect, redirects and the whole body, which is size-capped.
 * Failures leave as RegistryErrors holding codes and messages, never headers or bodies.
 */

const MAX_REDIRECTS = 5;

export interface RegistryTransportOptions {
  /** Deadline of each call (connect, redirects and the whole body included). */
  timeoutMs: number;
  /** Per-registry settings, keyed by lower-case host[:port]. */
  registries: Record<string, RegistrySettings>;
}

export interface HeaderReader {
  get(name: string): string | null;
}

export interface Fetched {
  status: number;
  headers: HeaderReader;
  body: Buffer;
  /** Where the answer came from, after redirects. */
  url: URL;
}

export class RegistryTransport {
  private readonly agents = new Map<string, Agent>();
  private readonly settings: Record<string, RegistrySettings>;

  constructor(private readonly options: RegistryTransportOptions) {
    this.settings = Object.fromEntries(
      Object.entries(options.registries).map(([host, s]) => [normalizeRegistry(host), s]),
    );
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

  /**
   * One GET within one deadline (connect, redirects, body). Redirects (blobs on object storage) are
   * followed here rather than by fetch so the Authorization header never leaves the registry's origin.
   */
  async get(start: URL, headers: Record<string, string>, maxBytes: number): Promise<Fetched> {
    const timeoutMs = this.options.timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    let url = start;
    let current = headers;
    for (let hop = 0; ; hop++) {
      try {
        // Every hop: https (or a listed plain-HTTP registry), to a public address or a listed registry.
        await this.checkDestination(url);
        const res = await fetch(url, {
          headers: current,
          signal,
          redirect: 'manual',
          dispatcher: this.agentFor(url.host),
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
        throw transportError(error, url, timeoutMs);
      }
    }
  }

  /** Refuses a URL before any request: its scheme, and (unless listed) the addresses of its host. */
  private async checkDestination(url: URL): Promise<void> {
    const plain = url.protocol === 'http:';
    if (url.protocol !== 'https:' && !plain)
      throw new RegistryError('forbidden', `${where(url)}: scheme ${url.protocol} is not allowed`);
    if (plain && this.scheme(url.host) !== 'http')
      throw new RegistryError('forbidden', `${where(url)}: plain HTTP to a registry not configured insecure`);
    if (!this.isListed(url.host)) await checkPublicHost(url.hostname);
  }

  /** One pool per host, so a private CA applies to its registry only. */
  private agentFor(host: string): Agent {
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

function where(url: URL): string {
  return `GET ${url.origin}${url.pathname}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
