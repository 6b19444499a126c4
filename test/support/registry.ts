import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, createServer as createNetServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importPKCS8, type KeyInput, SignJWT } from 'jose';
import { Agent, fetch } from 'undici';
import { freePort } from './sockets';

/**
 * Real image registries for the tests: Debian's `docker-registry` (distribution 2.8) on 127.0.0.1,
 * each with its own temporary storage, optionally with TLS from a generated CA, htpasswd users or
 * token auth (a node:http token server signing ES256 JWTs). Images are pushed through the
 * distribution HTTP API, no Docker needed.
 */

const REGISTRY_BINARY = process.env.BERTH_TEST_REGISTRY_BINARY ?? '/usr/bin/docker-registry';
const run = promisify(execFile);

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

const digestOf = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A directory removed by `cleanUp`. */
export function tempDir(prefix: string): { path: string; cleanUp(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanUp: () => rmSync(path, { recursive: true, force: true }) };
}

/** A 127.0.0.1 port nothing listens on (a freshly closed one). */
export const closedPort = freePort;

/**
 * A server that accepts connections and never says a word: the worst kind of registry.
 * `connected` resolves when the first client connects (a request to it is then in flight).
 */
export async function silentServer(): Promise<{
  host: string;
  connected: Promise<void>;
  stop(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let onConnection: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnection = resolve));
  const server = createNetServer((socket) => {
    onConnection();
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    connected,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface Certificates {
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** A CA and a server certificate it signed for IP 127.0.0.1 (openssl, P-256). */
export async function createCertificates(dir: string): Promise<Certificates> {
  const p = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=berth-test-ca',
  ]);
  await run('openssl', [
    'req',
    ...ec,
    '-keyout',
    p('server.key'),
    '-out',
    p('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  ]);
  writeFileSync(
    p('server.ext'),
    'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-set_serial',
    '2',
    '-days',
    '2',
    '-out',
    p('server.pem'),
    '-extfile',
    p('server.ext'),
  ]);
  return { caFile: p('ca.pem'), certFile: p('server.pem'), keyFile: p('server.key') };
}

export interface Account {
  username: string;
  password: string;
}

/**
 * A token server for `auth: token`: authenticates with Basic credentials (anonymous callers get a
 * token that grants nothing, like Docker Hub for a private repository) and signs ES256 JWTs whose
 * `x5c` header carries the signing certificate, which the registry trusts as its root bundle.
 */
export class TokenServer {
  readonly service = 'berth-test-registry';
  readonly issuer = 'berth-test-token-issuer';
  readonly requests: { authorization?: string; scope: string | null }[] = [];
  private constructor(
    private readonly server: Server,
    readonly realm: string,
    readonly certFile: string,
    private readonly key: KeyInput,
    private readonly x5c: string,
    private readonly accounts: Account[],
  ) {}

  static async start(dir: string, accounts: Account[]): Promise<TokenServer> {
    const keyFile = join(dir, 'token.key');
    const certFile = join(dir, 'token.pem');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=berth-test-token-issuer',
    ]);
    const key = await importPKCS8(readFileSync(keyFile, 'utf8'), 'ES256');
    const x5c = readFileSync(certFile, 'utf8').replace(/-----[A-Z ]+-----|\s/g, '');
    let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const realm = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
    const tokens = new TokenServer(server, realm, certFile, key, x5c, accounts);
    handler = (req, res) => {
      tokens.handle(req, res).catch(() => res.writeHead(500).end());
    };
    return tokens;
  }

  /** A token for `access` (e.g. pushing), signed like the ones the realm hands out. */
  mint(subject: string, access: { type: string; name: string; actions: string[] }[]): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ access })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', x5c: [this.x5c] })
      .setIssuer(this.issuer)
      .setSubject(subject)
      .setAudience(this.service)
      .setIssuedAt(now)
      .setNotBefore(now - 30)
      .setExpirationTime(now + 300)
      .setJti(randomBytes(8).toString('hex'))
      .sign(this.key);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.realm);
    const scope = url.searchParams.get('scope');
    this.requests.push({ authorization: req.headers.authorization, scope });
    let subject = '';
    const header = req.headers.authorization;
    if (header) {
      const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
      const account = this.accounts.find((a) => `${a.username}:${a.password}` === decoded);
      if (!account || !header.startsWith('Basic ')) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"details":"incorrect username or password"}');
        return;
      }
      subject = account.username;
    }
    const access = [];
    const match = scope ? /^repository:([^:]+):(.+)$/.exec(scope) : null;
    if (subject && match) access.push({ type: 'repository', name: match[1], actions: match[2].split(',') });
    const token = await this.mint(subject, access);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token, access_token: token, expires_in: 300 }));
  }
}

export interface RegistryOptions {
  tls?: Certificates;
  htpasswd?: Account;
  token?: TokenServer;
}

export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  created?: string;
  config: {
    ExposedPorts?: Record<string, object>;
    Entrypoint?: string[];
    Cmd?: string[];
    Env?: string[];
    WorkingDir?: string;
    User?: string;
  };
}

/** One docker-registry process and the way to push into it. */
export class TestRegistry {
  private output = '';

  private constructor(
    readonly host: string,
    private readonly child: ChildProcess,
    private readonly dir: { path: string; cleanUp(): void },
    private readonly options: RegistryOptions,
    private readonly agent: Agent,
  ) {
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(options: RegistryOptions = {}): Promise<TestRegistry> {
    const dir = tempDir('berth-registry-');
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const lines = [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir.path, 'data')}`,
      'http:',
      // 127.0.0.1 only: nothing outside this machine may reach the test registries.
      `  addr: ${host}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
    ];
    if (options.tls)
      lines.push('  tls:', `    certificate: ${options.tls.certFile}`, `    key: ${options.tls.keyFile}`);
    if (options.htpasswd) {
      const { stdout } = await run('htpasswd', [
        '-Bbn',
        options.htpasswd.username,
        options.htpasswd.password,
      ]);
      writeFileSync(join(dir.path, 'htpasswd'), stdout);
      lines.push('auth:', '  htpasswd:', '    realm: berth-test', `    path: ${join(dir.path, 'htpasswd')}`);
    } else if (options.token) {
      lines.push(
        'auth:',
        '  token:',
        `    realm: ${options.token.realm}`,
        `    service: ${options.token.service}`,
        `    issuer: ${options.token.issuer}`,
        `    rootcertbundle: ${options.token.certFile}`,
      );
    }
    const configFile = join(dir.path, 'config.yml');
    writeFileSync(configFile, `${lines.join('\n')}\n`);
    const child = spawn(REGISTRY_BINARY, ['serve', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const agent = new Agent({ connect: options.tls ? { ca: readFileSync(options.tls.caFile, 'utf8') } : {} });
    const registry = new TestRegistry(host, child, dir, options, agent);
    try {
      await registry.waitUntilReady();
    } catch (error) {
      await registry.stop();
      throw error;
    }
    return registry;
  }

  get url(): string {
    return `${this.options.tls ? 'https' : 'http'}://${this.host}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    await this.agent.close();
    this.dir.cleanUp();
  }

  /** Uploads a blob (monolithic: POST, then PUT with the digest); returns its digest. */
  async pushBlob(repository: string, data: Buffer | string, authorization?: string): Promise<string> {
    const digest = digestOf(data);
    const auth = authorization ?? (await this.pushAuthorization(repository));
    const start = await this.call('POST', `/v2/${repository}/blobs/uploads/`, auth);
    if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${await start.text()}`);
    await start.body?.cancel();
    const location = new URL(start.headers.get('location') ?? '', this.url);
    location.searchParams.set('digest', digest);
    const put = await this.call(
      'PUT',
      location.pathname + location.search,
      auth,
      data,
      'application/octet-stream',
    );
    if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
    await put.body?.cancel();
    return digest;
  }

  /** Puts a manifest (or index) under `reference` (a tag or its digest); returns its digest. */
  async pushManifest(
    repository: string,
    reference: string,
    manifest: object,
    mediaType: string,
  ): Promise<string> {
    const body = JSON.stringify(manifest);
    const res = await this.call(
      'PUT',
      `/v2/${repository}/manifests/${reference}`,
      await this.pushAuthorization(repository),
      body,
      mediaType,
    );
    if (res.status !== 201)
      throw new Error(`manifest ${repository}:${reference}: ${res.status} ${await res.text()}`);
    await res.body?.cancel();
    return digestOf(body);
  }

  /** A single-platform image (a config and one small layer), tagged with each of `tags`. */
  async pushImage(
    repository: string,
    config: ImageConfig,
    tags: string[],
    format: 'oci' | 'docker' = 'oci',
  ): Promise<string> {
    return (await this.pushImageManifest(repository, config, tags, format)).digest;
  }

  private async pushImageManifest(
    repository: string,
    config: ImageConfig,
    tags: string[],
    format: 'oci' | 'docker',
  ): Promise<{ digest: string; size: number }> {
    const auth = await this.pushAuthorization(repository);
    const configBody = JSON.stringify({ ...config, rootfs: { type: 'layers', diff_ids: [] }, history: [] });
    const configDigest = await this.pushBlob(repository, configBody, auth);
    const layer = randomBytes(64);
    const layerDigest = await this.pushBlob(repository, layer, auth);
    const oci = format === 'oci';
    const manifest = {
      schemaVersion: 2,
      mediaType: oci ? MEDIA.ociManifest : MEDIA.dockerManifest,
      config: {
        mediaType: oci ? MEDIA.ociConfig : MEDIA.dockerConfig,
        digest: configDigest,
        size: Buffer.byteLength(configBody),
      },
      layers: [
        { mediaType: oci ? MEDIA.ociLayer : MEDIA.dockerLayer, digest: layerDigest, size: layer.length },
      ],
    };
    const mediaType = oci ? MEDIA.ociManifest : MEDIA.dockerManifest;
    const digest = await this.pushManifest(
      repository,
      digestOf(JSON.stringify(manifest)),
      manifest,
      mediaType,
    );
    for (const tag of tags) await this.pushManifest(repository, tag, manifest, mediaType);
    return { digest, size: Buffer.byteLength(JSON.stringify(manifest)) };
  }

  /** An OCI index over one image per platform, tagged with each of `tags`. */
  async pushIndex(repository: string, images: ImageConfig[], tags: string[]): Promise<string> {
    const manifests = [];
    for (const config of images) {
      const { digest, size } = await this.pushImageManifest(repository, config, [], 'oci');
      manifests.push({
        mediaType: MEDIA.ociManifest,
        digest,
        size,
        platform: {
          os: config.os,
          architecture: config.architecture,
          ...(config.variant ? { variant: config.variant } : {}),
        },
      });
    }
    const index = { schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests };
    let digest = '';
    for (const tag of tags) digest = await this.pushManifest(repository, tag, index, MEDIA.ociIndex);
    return digest;
  }

  private async pushAuthorization(repository: string): Promise<string | undefined> {
    if (this.options.htpasswd) {
      const { username, password } = this.options.htpasswd;
      return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    if (this.options.token) {
      const token = await this.options.token.mint('pusher', [
        { type: 'repository', name: repository, actions: ['pull', 'push'] },
      ]);
      return `Bearer ${token}`;
    }
    return undefined;
  }

  private call(
    method: string,
    path: string,
    authorization: string | undefined,
    body?: Buffer | string,
    contentType?: string,
  ) {
    const headers: Record<string, string> = {};
    if (authorization) headers.authorization = authorization;
    if (contentType) headers['content-type'] = contentType;
    return fetch(new URL(path, this.url), {
      method,
      headers,
      body,
      dispatcher: this.agent,
      signal: AbortSignal.timeout(10_000),
    });
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`docker-registry exited: ${this.output}`);
      try {
        const res = await this.call('GET', '/v2/', undefined);
        await res.body?.cancel();
        if (res.status === 200 || res.status === 401) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`docker-registry on ${this.host} did not start: ${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
