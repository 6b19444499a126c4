import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, createServer as createNetServer, Server as NetServer, Socket } from 'node:net';
import { parseImageReference } from './image-reference';
import {
  MEDIA_TYPES,
  nextLink,
  parseChallenges,
  RegistryClient,
  RegistryError,
  RegistryFailure,
} from './registry-client';

/**
 * The client against a tiny registry on 127.0.0.1 (node:http) that can be told how to authenticate,
 * redirect blobs and page tags; the real registry is exercised by test/images.e2e-spec.ts.
 */

const PASSWORD = 'S3cret-Passw0rd';
const TOKEN = 'tok-abcdef-123456';
const digestOf = (body: string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;

interface Blob {
  body: string;
  mediaType: string;
}

class FakeRegistry {
  readonly blobs = new Map<string, Blob>();
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

const config = (over: Record<string, unknown> = {}) => ({
  architecture: 'amd64',
  os: 'linux',
  created: '2024-05-01T10:00:00Z',
  config: { ExposedPorts: { '80/tcp': {} }, Cmd: ['run'] },
  ...over,
});

/** An image manifest pointing at a config blob already in `registry`. */
function image(registry: FakeRegistry, cfg: object, tag?: string): string {
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

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError');
}

describe('RegistryClient', () => {
  let registry: FakeRegistry;
  let host: string;
  let client: RegistryClient;
  const ref = (tail: string) => parseImageReference(`${host}/team/app${tail}`);
  const amd64 = { os: 'linux', architecture: 'amd64' };

  beforeEach(async () => {
    registry = new FakeRegistry('team/app');
    host = await registry.start();
    client = new RegistryClient({ timeoutMs: 1000, registries: { [host]: { insecure: true } } });
  });
  afterEach(async () => {
    await client.close();
    await registry.stop();
  });

  it('reads a single-platform image, its config and its tags', async () => {
    const digest = image(registry, config(), '1.0');
    registry.tags.set('latest', digest);
    const inspected = await client.inspect(ref(':1.0'), { platform: amd64 });
    expect(inspected).toEqual({
      digest,
      platform: amd64,
      config: config(),
      tags: ['1.0', 'latest'],
    });
    // By digest too, verified against the content.
    expect((await client.inspect(ref(`@${digest}`), { platform: amd64 })).digest).toBe(digest);
  });

  it('resolves an index to linux/amd64, or to the platform asked for, skipping attestations', async () => {
    const amdDigest = image(registry, config());
    const armDigest = image(
      registry,
      config({ architecture: 'arm64', variant: 'v8', config: { Cmd: ['arm'] } }),
    );
    const descriptor = (digest: string, platform: object, annotations?: object) => ({
      mediaType: MEDIA_TYPES.ociManifest,
      digest,
      size: 1,
      platform,
      ...(annotations ? { annotations } : {}),
    });
    const index = registry.put(
      {
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociIndex,
        manifests: [
          descriptor(armDigest, { os: 'linux', architecture: 'arm64', variant: 'v8' }),
          descriptor(
            amdDigest,
            { os: 'unknown', architecture: 'unknown' },
            { 'vnd.docker.reference.type': 'attestation-manifest' },
          ),
          descriptor(amdDigest, { os: 'linux', architecture: 'amd64' }),
        ],
      },
      MEDIA_TYPES.ociIndex,
      'multi',
    );
    const amd = await client.inspect(ref(':multi'), { platform: amd64 });
    expect(amd).toMatchObject({ digest: index, platform: amd64, config: { config: { Cmd: ['run'] } } });
    const arm = await client.inspect(ref(':multi'), { platform: { os: 'linux', architecture: 'arm64' } });
    expect(arm).toMatchObject({
      platform: { os: 'linux', architecture: 'arm64' },
      config: { config: { Cmd: ['arm'] } },
    });

    const missing = await failure(
      client.inspect(ref(':multi'), { platform: { os: 'linux', architecture: 's390x' } }),
    );
    expect(missing).toMatchObject({
      kind: 'platform',
      details: { available: ['linux/arm64', 'linux/amd64'] },
    });
  });

  it('refuses a single-platform image of another platform only when one was asked for', async () => {
    image(registry, config(), '1.0');
    const arm = { os: 'linux', architecture: 'arm64' };
    expect((await client.inspect(ref(':1.0'), { platform: arm })).platform).toEqual(amd64);
    expect(
      await failure(client.inspect(ref(':1.0'), { platform: arm, platformExplicit: true })),
    ).toMatchObject({
      kind: 'platform',
      details: { available: ['linux/amd64'] },
    });
  });

  it('follows Link pagination of tags up to the cap', async () => {
    const digest = image(registry, config(), 't00');
    for (let i = 1; i < 25; i++) registry.tags.set(`t${String(i).padStart(2, '0')}`, digest);
    registry.tagPageSize = 10;
    expect((await client.inspect(ref(':t00'), { platform: amd64 })).tags).toHaveLength(25);
    const capped = new RegistryClient({
      timeoutMs: 1000,
      registries: { [host]: { insecure: true } },
      maxTags: 12,
    });
    try {
      expect((await capped.inspect(ref(':t00'), { platform: amd64 })).tags).toEqual(
        Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`),
      );
    } finally {
      await capped.close();
    }
  });

  it('gets a bearer token from the realm with the credentials, and sends it, not the password, to the registry', async () => {
    image(registry, config(), '1.0');
    registry.auth = 'bearer';
    const inspected = await client.inspect(ref(':1.0'), {
      platform: amd64,
      credentials: { username: 'alice', password: PASSWORD },
    });
    expect(inspected.tags).toEqual(['1.0']);
    const tokenCalls = registry.seen.filter((s) => s.url.startsWith('/token'));
    // One token for the whole inspection: manifest, config blob and tags reuse it.
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0].url).toBe('/token?service=fake&scope=repository%3Ateam%2Fapp%3Apull');
    const registryCalls = registry.seen.filter((s) => s.url.startsWith('/v2/') && s.authorization);
    expect(registryCalls.every((s) => s.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('reports refused credentials and anonymous refusals apart, without the secret', async () => {
    image(registry, config(), '1.0');
    registry.auth = 'bearer';
    const wrong = await failure(
      client.inspect(ref(':1.0'), {
        platform: amd64,
        credentials: { username: 'alice', password: 'wrong-pass' },
      }),
    );
    expect(wrong).toMatchObject({ kind: 'unauthorized', details: { withCredentials: true } });
    expect(wrong.message).not.toContain('wrong-pass');
    // Anonymous: the realm hands out a token that grants nothing.
    expect(await failure(client.inspect(ref(':1.0'), { platform: amd64 }))).toMatchObject({
      kind: 'unauthorized',
      details: { withCredentials: false },
    });
  });

  it('answers a Basic challenge with the credentials', async () => {
    image(registry, config(), '1.0');
    registry.auth = 'basic';
    await expect(
      client.inspect(ref(':1.0'), {
        platform: amd64,
        credentials: { username: 'alice', password: PASSWORD },
      }),
    ).resolves.toMatchObject({ tags: ['1.0'] });
    expect(await failure(client.inspect(ref(':1.0'), { platform: amd64 }))).toMatchObject({
      kind: 'unauthorized',
      details: { withCredentials: false },
    });
  });

  it('follows blob redirects, dropping the Authorization header on another origin', async () => {
    image(registry, config(), '1.0');
    registry.auth = 'basic';
    const storage = new FakeRegistry('none');
    const storageHost = await storage.start();
    try {
      for (const [digest, blob] of registry.blobs) storage.blobs.set(digest, blob);
      registry.redirectBlobsTo = `http://${storageHost}`;
      // The storage is plain HTTP on 127.0.0.1: a hop there needs it listed, like any registry.
      const both = new RegistryClient({
        timeoutMs: 1000,
        registries: { [host]: { insecure: true }, [storageHost]: { insecure: true } },
      });
      try {
        const inspected = await both.inspect(ref(':1.0'), {
          platform: amd64,
          credentials: { username: 'alice', password: PASSWORD },
        });
        expect(inspected.config).toEqual(config());
        expect(storage.seen).toEqual([
          { url: expect.stringMatching(/^\/storage\/sha256:/) as string, authorization: undefined },
        ]);
        // Unlisted, the same hop is refused before any request reaches it.
        storage.seen.length = 0;
        const refused = await failure(
          client.inspect(ref(':1.0'), {
            platform: amd64,
            credentials: { username: 'alice', password: PASSWORD },
          }),
        );
        expect(refused).toMatchObject({ kind: 'forbidden' });
        expect(storage.seen).toEqual([]);
      } finally {
        await both.close();
      }
    } finally {
      await storage.stop();
    }
  });

  it.each<[string, (r: FakeRegistry) => void, RegistryFailure]>([
    ['a missing manifest', () => undefined, 'not-found'],
    ['a failing registry', (r) => (r.status = 503), 'unavailable'],
    ['a rate limit', (r) => (r.status = 429), 'unavailable'],
    ['another 4xx', (r) => (r.status = 400), 'refused'],
  ])('classifies %s', async (_what, arrange, kind) => {
    arrange(registry);
    expect(await failure(client.inspect(ref(':nope'), { platform: amd64 }))).toMatchObject({ kind });
  });

  it('refuses content that does not match its digest, and artifacts that are not images', async () => {
    const digest = image(registry, config(), '1.0');
    const good = registry.blobs.get(digest)!;
    registry.blobs.set(digest, { ...good, body: good.body.replace('"layers":[]', '"layers": []') });
    expect(await failure(client.inspect(ref(`@${digest}`), { platform: amd64 }))).toMatchObject({
      kind: 'invalid',
    });

    const chart = registry.put(
      {
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociManifest,
        config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: digest, size: 1 },
        layers: [],
      },
      MEDIA_TYPES.ociManifest,
      'chart',
    );
    expect(chart).toMatch(/^sha256:/);
    expect(await failure(client.inspect(ref(':chart'), { platform: amd64 }))).toMatchObject({
      kind: 'not-an-image',
    });
  });

  it('speaks HTTPS unless the registry is configured insecure', async () => {
    // Listed, but not insecure: HTTPS. (Unlisted, its 127.0.0.1 address would be refused outright.)
    const strict = new RegistryClient({ timeoutMs: 1000, registries: { [host]: {} } });
    try {
      // The fake registry speaks plain HTTP: the TLS handshake fails.
      expect(await failure(strict.inspect(ref(':1.0'), { platform: amd64 }))).toMatchObject({ kind: 'tls' });
    } finally {
      await strict.close();
    }
  });

  it('an unlisted registry on a loopback address is refused before it is contacted', async () => {
    const unlisted = new RegistryClient({ timeoutMs: 1000, registries: {} });
    try {
      registry.seen.length = 0;
      expect(await failure(unlisted.inspect(ref(':1.0'), { platform: amd64 }))).toMatchObject({
        kind: 'forbidden',
      });
      expect(registry.seen).toEqual([]);
    } finally {
      await unlisted.close();
    }
  });
});

describe('RegistryClient deadlines', () => {
  let silent: NetServer;
  const sockets = new Set<Socket>();
  let silentHost: string;

  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentHost = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('gives up on a registry that accepts and stays silent, within the deadline', async () => {
    const client = new RegistryClient({ timeoutMs: 300, registries: { [silentHost]: { insecure: true } } });
    const started = Date.now();
    try {
      const error = await failure(
        client.inspect(parseImageReference(`${silentHost}/a:b`), {
          platform: { os: 'linux', architecture: 'amd64' },
        }),
      );
      expect(error.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await client.close();
    }
  });

  it('reports a closed port as unreachable', async () => {
    const closed = createNetServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = new RegistryClient({
      timeoutMs: 1000,
      registries: { [`127.0.0.1:${port}`]: { insecure: true } },
    });
    try {
      const error = await failure(
        client.inspect(parseImageReference(`127.0.0.1:${port}/a:b`), {
          platform: { os: 'linux', architecture: 'amd64' },
        }),
      );
      expect(error.kind).toBe('unreachable');
      expect(error.message).toMatch(/ECONNREFUSED/);
    } finally {
      await client.close();
    }
  });
});

describe('parseChallenges', () => {
  it('reads Bearer parameters, quoted or not, and several challenges', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/nginx:pull',
        },
      },
    ]);
    expect(parseChallenges('Basic realm="Registry Realm", Bearer realm=https://a/t,service=x')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
      { scheme: 'bearer', params: { realm: 'https://a/t', service: 'x' } },
    ]);
    expect(parseChallenges('Basic realm="a \\"quoted\\" realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'a "quoted" realm' } },
    ]);
    expect(parseChallenges('')).toEqual([]);
  });
});

describe('nextLink', () => {
  const base = new URL('https://reg.example/v2/a/tags/list?n=10');
  it('resolves the rel="next" target', () => {
    expect(nextLink('</v2/a/tags/list?last=x&n=10>; rel="next"', base)?.href).toBe(
      'https://reg.example/v2/a/tags/list?last=x&n=10',
    );
    expect(nextLink('<https://o.example/p>; rel="prev", <?last=y>; rel=next', base)?.href).toBe(
      'https://reg.example/v2/a/tags/list?last=y',
    );
    expect(nextLink(null, base)).toBeNull();
    expect(nextLink('</x>; rel="prev"', base)).toBeNull();
  });
});
