import { createHash } from 'node:crypto';
import { rejection } from '../../test/support/rejection';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { type ImageReference, parseImageReference } from './image-reference';
import { MEDIA_TYPES, RegistryClient } from './registry-client';
import { RegistryError } from './registry-errors';

/**
 * Test support for the registry client's specs (never imported by the application): a tiny registry
 * on 127.0.0.1 (node:http) that can be told how to authenticate, redirect blobs and page tags; the
 * real registry is exercised by test/images.e2e-spec.ts.
 */

export const PASSWORD = 'S3cret-Passw0rd';
export const TOKEN = 'tok-abcdef-123456';
const digestOf = (body: string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;

export interface StoredBlob {
  body: string;
  mediaType: string;
}

export class FakeRegistry {
  readonly blobs = new Map<string, StoredBlob>();
  readonly tags = new Map<string, string>();
  readonly seen: { url: string; authorization?: string }[] = [];
  auth: 'none' | 'basic' | 'bearer' = 'none';
  redirectBlobsTo: string | null = null;
  tagPageSize = 1000;
  status: number | null = null;
  private server!: Server;

  constructor(private readonly repository: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  put(body: object, mediaType: string, tag?: string): string {
    const text = JSON.stringify(body);
    const digest = digestOf(text);
    this.blobs.set(digest, { body: text, mediaType });
    if (tag) this.tags.set(tag, digest);
    return digest;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    this.seen.push({ url: url.pathname + url.search, authorization: req.headers.authorization });
    if (url.pathname === '/token') {
      const ok = req.headers.authorization === `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`;
      if (req.headers.authorization && !ok) return void res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ token: ok ? TOKEN : 'anonymous' }));
    }
    if (url.pathname.startsWith('/storage/')) {
      const blob = this.blobs.get(url.pathname.slice('/storage/'.length));
      if (req.headers.authorization) return void res.writeHead(400).end('credentials leaked to storage');
      return void res.writeHead(blob ? 200 : 404).end(blob?.body);
    }
    if (this.status) return void res.writeHead(this.status).end();
    if (!this.authorized(req, res)) return;
    const prefix = `/v2/${this.repository}/`;
    const rest = url.pathname.slice(prefix.length);
    if (rest.startsWith('manifests/')) {
      const reference = rest.slice('manifests/'.length);
      const blob = this.blobs.get(this.tags.get(reference) ?? reference);
      if (!blob) return void res.writeHead(404).end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
      res.writeHead(200, { 'content-type': blob.mediaType });
      return void res.end(blob.body);
    }
    if (rest.startsWith('blobs/')) {
      const digest = rest.slice('blobs/'.length);
      if (this.redirectBlobsTo)
        return void res.writeHead(307, { location: `${this.redirectBlobsTo}/storage/${digest}` }).end();
      const blob = this.blobs.get(digest);
      return void res.writeHead(blob ? 200 : 404).end(blob?.body);
    }
    if (rest === 'tags/list') {
      const all = [...this.tags.keys()].sort();
      const last = url.searchParams.get('last');
      const start = last ? all.indexOf(last) + 1 : 0;
      const page = all.slice(start, start + this.tagPageSize);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (start + this.tagPageSize < all.length)
        headers.link = `</v2/${this.repository}/tags/list?last=${page[page.length - 1]}&n=${this.tagPageSize}>; rel="next"`;
      res.writeHead(200, headers);
      return void res.end(JSON.stringify({ name: this.repository, tags: page }));
    }
    res.writeHead(404).end();
  }

  private authorized(req: IncomingMessage, res: ServerResponse): boolean {
    const got = req.headers.authorization;
    if (this.auth === 'none') return true;
    if (this.auth === 'basic' && got === `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`)
      return true;
    if (this.auth === 'bearer' && got === `Bearer ${TOKEN}`) return true;
    const host = req.headers.host ?? '';
    res.writeHead(401, {
      'www-authenticate':
        this.auth === 'basic'
          ? 'Basic realm="fake"'
          : `Bearer realm="http://${host}/token",service="fake",scope="repository:${this.repository}:pull"`,
    });
    res.end();
    return false;
  }
}

export const config = (over: Record<string, unknown> = {}) => ({
  architecture: 'amd64',
  os: 'linux',
  created: '2024-05-01T10:00:00Z',
  config: { ExposedPorts: { '80/tcp': {} }, Cmd: ['run'] },
  ...over,
});

/** An image manifest pointing at a config blob already in `registry`. */
export function image(registry: FakeRegistry, cfg: object, tag?: string): string {
  const configDigest = registry.put(cfg, MEDIA_TYPES.ociConfig);
  return registry.put(
    {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: { mediaType: MEDIA_TYPES.ociConfig, digest: configDigest, size: JSON.stringify(cfg).length },
      layers: [],
    },
    MEDIA_TYPES.ociManifest,
    tag,
  );
}

/** The RegistryError `promise` rejects with. */
export const failure = (promise: Promise<unknown>): Promise<RegistryError> =>
  rejection(promise, RegistryError);

/** The platform the specs inspect unless they say otherwise. */
export const amd64 = { os: 'linux', architecture: 'amd64' };

export interface FakeRegistrySetup {
  registry: FakeRegistry;
  /** Where the registry listens, 127.0.0.1:port. */
  host: string;
  /** A client that may reach the registry over plain HTTP. */
  client: RegistryClient;
  /** team/app on the registry, with a tag or digest: ref(':1.0'), ref(`@${digest}`). */
  ref: (tail: string) => ImageReference;
}

/**
 * The setup the client's specs share, for the describe block it is called in: before each test a
 * fresh registry of team/app and a client, after it both closed. Its fields are each test's: read
 * them inside a test, not when the block is defined.
 */
export function useFakeRegistry(): FakeRegistrySetup {
  let current: Omit<FakeRegistrySetup, 'ref'> | undefined;
  beforeEach(async () => {
    const registry = new FakeRegistry('team/app');
    const host = await registry.start();
    current = {
      registry,
      host,
      client: new RegistryClient({ timeoutMs: 1000, registries: { [host]: { insecure: true } } }),
    };
  });
  afterEach(async () => {
    await current?.client.close();
    await current?.registry.stop();
    current = undefined;
  });
  const now = () => {
    if (!current) throw new Error('the fake registry runs only during a test');
    return current;
  };
  return {
    get registry() {
      return now().registry;
    },
    get host() {
      return now().host;
    },
    get client() {
      return now().client;
    },
    ref: (tail) => parseImageReference(`${now().host}/team/app${tail}`),
  };
}
