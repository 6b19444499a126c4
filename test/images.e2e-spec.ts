import { Logger } from '@nestjs/common';
import type { V1Secret } from '../src/kube';
import {
  closedPort,
  createCertificates,
  ImageConfig,
  silentServer,
  tempDir,
  TestRegistry,
  TokenServer,
} from './support/registry';
import { testConfig, TestApp } from './support/test-app';
import { projectMember, WorkloadProject, workloadProject } from './support/workload-fixture';

/**
 * Image inspection against real registries on 127.0.0.1 (Debian's docker-registry): plain HTTP and
 * anonymous; TLS from a private CA with htpasswd users; token auth with a bearer token server. Both
 * transports, as project-regular and project-viewer, with credentials from image-registry Secrets.
 */

const PRIVATE = { username: 'alice', password: 'Registry-Passw0rd-7f3a' };
const TOKEN_USER = { username: 'bob', password: 'Token-Passw0rd-2b8d' };
const WRONG_PASSWORD = 'Wrong-Passw0rd-9c1e';
const PASSWORDS = [PRIVATE.password, TOKEN_USER.password, WRONG_PASSWORD];
/** What a leaked Basic header or docker config `auth` would look like. */
const ENCODED = [PRIVATE, TOKEN_USER, { username: PRIVATE.username, password: WRONG_PASSWORD }].map((a) =>
  Buffer.from(`${a.username}:${a.password}`).toString('base64'),
);
const TIMEOUT_MS = 2000;

const WEB_AMD64: ImageConfig = {
  architecture: 'amd64',
  os: 'linux',
  created: '2024-05-01T10:00:00Z',
  config: {
    ExposedPorts: { '443/tcp': {}, '80/tcp': {} },
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'NGINX_VERSION=1.27.0', 'OPTS=a=b'],
    WorkingDir: '/srv/www',
    User: '101',
  },
};
const WEB_ARM64: ImageConfig = {
  architecture: 'arm64',
  os: 'linux',
  variant: 'v8',
  config: { ExposedPorts: { '8080/tcp': {} }, Cmd: ['web-arm'], Env: ['ARCH=arm64'] },
};

interface ImageInfoView {
  image: string;
  registry: string;
  repository: string;
  tag: string | null;
  digest: string;
  platform: string;
  ports: { name: string; protocol: string; containerPort: number }[];
  entrypoint: string[];
  cmd: string[];
  env: { name: string; value: string }[];
  workingDir: string | null;
  user: string | null;
  tags: string[];
  createdAt: string | null;
}

interface Outcome {
  info?: ImageInfoView;
  error?: { code: string; message: string; fields?: { path: string; message: string }[] };
  /** The whole response body, to look for leaked credentials. */
  raw: string;
  ms: number;
}

const INFO_FIELDS = `image registry repository tag digest platform ports { name protocol containerPort }
  entrypoint cmd env { name value } workingDir user tags createdAt`;

describe('Image inspection', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let viewerToken: string;
  const dir = tempDir('berth-images-e2e-');
  let plain: TestRegistry;
  let locked: TestRegistry;
  let tokens: TokenServer;
  let tokenAuth: TestRegistry;
  let silent: { host: string; stop(): Promise<void> };
  let closed: string;
  let webIndex: string;
  const secrets = {
    good: 'registry-alice',
    wrong: 'registry-wrong',
    token: 'registry-bob',
    opaque: 'not-registry',
  };
  const logged: string[] = [];
  const bodies: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    // Everything the application logs, whatever the log level, to prove no credential is ever in it.
    for (const level of ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'] as const)
      spies.push(
        jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
          logged.push(
            args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '),
          );
        }),
      );

    const certificates = await createCertificates(dir.path);
    tokens = await TokenServer.start(dir.path, [TOKEN_USER]);
    [plain, locked, tokenAuth] = await Promise.all([
      TestRegistry.start(),
      TestRegistry.start({ tls: certificates, htpasswd: PRIVATE }),
      TestRegistry.start({ token: tokens }),
    ]);
    silent = await silentServer();
    closed = `127.0.0.1:${await closedPort()}`;

    webIndex = await plain.pushIndex('team/web', [WEB_AMD64, WEB_ARM64], ['1.0', 'latest', 'stable', '1']);
    await plain.pushImage(
      'tools/dns',
      {
        architecture: 'amd64',
        os: 'linux',
        config: { ExposedPorts: { '53/udp': {}, '53/tcp': {} }, Cmd: ['dns'] },
      },
      ['latest'],
      'docker',
    );
    await locked.pushImage(
      'private/db',
      {
        architecture: 'amd64',
        os: 'linux',
        config: { ExposedPorts: { '5432/tcp': {} }, Env: ['PGDATA=/data'] },
      },
      ['16', '16.3'],
      'docker',
    );
    await tokenAuth.pushImage(
      'secure/api',
      { architecture: 'amd64', os: 'linux', config: { ExposedPorts: { '9000/tcp': {} }, User: 'api' } },
      ['v1'],
    );

    const insecure = { insecure: true };
    t = await TestApp.start(
      testConfig({
        registryTimeoutMs: TIMEOUT_MS,
        // Short names resolve to the plain registry here (docker.io by default; never contacted by tests).
        defaultRegistry: plain.host,
        registries: {
          [plain.host]: insecure,
          [locked.host]: { caFile: certificates.caFile },
          [tokenAuth.host]: insecure,
          // The token server is a host of its own (on 127.0.0.1): listed like the registries.
          [new URL(tokens.realm).host]: insecure,
          [silent.host]: insecure,
          [closed]: insecure,
        },
      }),
    );
    w = await workloadProject(t, await t.token());
    viewerToken = (await projectMember(t, w, 'project-viewer')).token;

    // project-regular makes the image-registry secrets through the Secrets API, one per transport.
    const viaGraphql = await t.graphql(
      'mutation($p: String!, $i: CreateSecretInput!) { createSecret(project: $p, input: $i) { name } }',
      {
        p: w.project,
        i: {
          name: secrets.good,
          kind: 'IMAGE_REGISTRY',
          registry: { server: locked.host, ...PRIVATE, email: 'a@example.com' },
        },
      },
      w.regular.token,
    );
    expect(viaGraphql.errors).toBeUndefined();
    await t
      .as(w.regular.token)
      .post(`/api/v1/projects/${w.project}/secrets`)
      .send({
        name: secrets.wrong,
        kind: 'IMAGE_REGISTRY',
        registry: { server: locked.host, username: PRIVATE.username, password: WRONG_PASSWORD },
      })
      .expect(201);
    // Secrets written by other tools: an https:// key with username and password but no auth field.
    await Promise.all([
      t.kube.create<V1Secret>({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: secrets.token, namespace: w.project },
        type: 'kubernetes.io/dockerconfigjson',
        stringData: {
          '.dockerconfigjson': JSON.stringify({ auths: { [`https://${tokenAuth.host}`]: TOKEN_USER } }),
        },
      }),
      t.kube.create<V1Secret>({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: secrets.opaque, namespace: w.project },
        type: 'Opaque',
        stringData: { password: PRIVATE.password },
      }),
    ]);
  });

  afterAll(async () => {
    await w?.f.cleanUp();
    await t?.close();
    await Promise.all([plain?.stop(), locked?.stop(), tokenAuth?.stop(), tokens?.stop(), silent?.stop()]);
    dir.cleanUp();
    for (const spy of spies) spy.mockRestore();
  });

  describe.each(['graphql', 'rest'] as const)('over %s', (transport) => {
    const inspect = async (
      args: { image: string; secret?: string; platform?: string },
      token = w.regular.token,
    ): Promise<Outcome> => {
      const started = Date.now();
      if (transport === 'rest') {
        const query = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
        const res = await t.as(token).get(`/api/v1/projects/${w.project}/images/inspect`).query(query);
        const raw = res.text;
        bodies.push(raw);
        const ms = Date.now() - started;
        if (res.status === 200) return { info: res.body as ImageInfoView, raw, ms };
        return { error: res.body as Outcome['error'], raw, ms };
      }
      const res = await t.graphql<{ imageInfo: ImageInfoView }>(
        `query($p: String!, $image: String!, $secret: String, $platform: String) {
           imageInfo(project: $p, image: $image, secret: $secret, platform: $platform) { ${INFO_FIELDS} } }`,
        { p: w.project, ...args },
        token,
      );
      const raw = JSON.stringify(res);
      bodies.push(raw);
      const ms = Date.now() - started;
      if (res.errors?.length) {
        const [e] = res.errors;
        return {
          error: { code: e.extensions.code, message: e.message, fields: e.extensions.fields },
          raw,
          ms,
        };
      }
      return { info: res.data!.imageInfo, raw, ms };
    };
    const ok = async (args: Parameters<typeof inspect>[0], token?: string): Promise<ImageInfoView> => {
      const outcome = await inspect(args, token);
      if (!outcome.info) throw new Error(`inspect failed: ${outcome.raw}`);
      return outcome.info;
    };
    const failed = async (args: Parameters<typeof inspect>[0], token?: string) => {
      const outcome = await inspect(args, token);
      if (!outcome.error) throw new Error(`inspect succeeded: ${outcome.raw}`);
      return { ...outcome.error, ms: outcome.ms, raw: outcome.raw };
    };

    it('reads ports, entrypoint, cmd, env, working directory, user and all tags (OCI index -> linux/amd64)', async () => {
      const info = await ok({ image: `${plain.host}/team/web:1.0` });
      expect(info).toEqual({
        image: `${plain.host}/team/web:1.0`,
        registry: plain.host,
        repository: 'team/web',
        tag: '1.0',
        digest: webIndex,
        platform: 'linux/amd64',
        ports: [
          { name: 'tcp-80', protocol: 'TCP', containerPort: 80 },
          { name: 'tcp-443', protocol: 'TCP', containerPort: 443 },
        ],
        entrypoint: ['/docker-entrypoint.sh'],
        cmd: ['nginx', '-g', 'daemon off;'],
        env: [
          { name: 'PATH', value: '/usr/local/bin:/usr/bin:/bin' },
          { name: 'NGINX_VERSION', value: '1.27.0' },
          { name: 'OPTS', value: 'a=b' },
        ],
        workingDir: '/srv/www',
        user: '101',
        tags: ['1', '1.0', 'latest', 'stable'],
        createdAt: '2024-05-01T10:00:00.000Z',
      });
    });

    it('resolves the index to the platform asked for, and names the platforms it has otherwise', async () => {
      const arm = await ok({ image: `${plain.host}/team/web:1.0`, platform: 'linux/arm64' });
      expect(arm).toMatchObject({
        platform: 'linux/arm64',
        digest: webIndex,
        ports: [{ name: 'tcp-8080', protocol: 'TCP', containerPort: 8080 }],
        cmd: ['web-arm'],
        entrypoint: [],
        env: [{ name: 'ARCH', value: 'arm64' }],
        workingDir: null,
        user: null,
        createdAt: null,
      });
      const byDigest = await ok({ image: `${plain.host}/team/web@${webIndex}` });
      expect(byDigest).toMatchObject({ tag: null, digest: webIndex, platform: 'linux/amd64' });

      const s390x = await failed({ image: `${plain.host}/team/web:1.0`, platform: 'linux/s390x' });
      expect(s390x.code).toBe('BAD_USER_INPUT');
      expect(s390x.fields).toEqual([
        { path: 'platform', message: expect.stringContaining('it has linux/amd64, linux/arm64') as string },
      ]);
      const nonsense = await failed({ image: `${plain.host}/team/web:1.0`, platform: 'amd64' });
      expect(nonsense.fields).toEqual([
        { path: 'platform', message: expect.stringContaining('os/architecture') as string },
      ]);
    });

    it('resolves a short name on the default registry; UDP ports are named udp-<port>', async () => {
      const info = await ok({ image: 'tools/dns' });
      expect(info).toMatchObject({
        image: `${plain.host}/tools/dns:latest`,
        tag: 'latest',
        ports: [
          { name: 'tcp-53', protocol: 'TCP', containerPort: 53 },
          { name: 'udp-53', protocol: 'UDP', containerPort: 53 },
        ],
        tags: ['latest'],
      });
    });

    it('inspects a private image on the TLS + htpasswd registry with an image-registry secret', async () => {
      const info = await ok({ image: `${locked.host}/private/db:16`, secret: secrets.good });
      expect(info).toMatchObject({
        registry: locked.host,
        ports: [{ name: 'tcp-5432', protocol: 'TCP', containerPort: 5432 }],
        env: [{ name: 'PGDATA', value: '/data' }],
        tags: ['16', '16.3'],
      });
    });

    it('gets a bearer token from the token server with the secret (token auth)', async () => {
      const before = tokens.requests.length;
      const info = await ok({ image: `${tokenAuth.host}/secure/api:v1`, secret: secrets.token });
      expect(info).toMatchObject({
        ports: [{ name: 'tcp-9000', protocol: 'TCP', containerPort: 9000 }],
        user: 'api',
        tags: ['v1'],
      });
      const asked = tokens.requests.slice(before);
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({
        scope: 'repository:secure/api:pull',
        authorization: expect.stringMatching(/^Basic /) as string,
      });
    });

    it('answers wrong credentials with BAD_USER_INPUT on "secret", never echoing them', async () => {
      const error = await failed({ image: `${locked.host}/private/db:16`, secret: secrets.wrong });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toBe(
        `The registry ${locked.host} refused the credentials of secret "${secrets.wrong}"`,
      );
      expect(error.fields).toEqual([
        { path: 'secret', message: `the registry ${locked.host} refused its credentials` },
      ]);
      for (const leaked of [...PASSWORDS, ...ENCODED]) expect(error.raw).not.toContain(leaked);
    });

    it('says a private image needs a secret when none is given', async () => {
      for (const image of [`${locked.host}/private/db:16`, `${tokenAuth.host}/secure/api:v1`]) {
        const error = await failed({ image });
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.message).toMatch(
          /is private or does not exist: .* refused anonymous access; choose an image-registry secret/,
        );
        expect(error.fields?.[0].path).toBe('secret');
      }
    });

    it('refuses a missing secret, a secret of another type and one without the registry', async () => {
      const missing = await failed({ image: `${locked.host}/private/db:16`, secret: 'no-such-secret' });
      expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'secret "no-such-secret" not found' });
      const opaque = await failed({ image: `${locked.host}/private/db:16`, secret: secrets.opaque });
      expect(opaque.code).toBe('BAD_USER_INPUT');
      expect(opaque.fields).toEqual([
        {
          path: 'secret',
          message: expect.stringContaining('is not an image-registry secret (its type is Opaque') as string,
        },
      ]);
      expect(opaque.raw).not.toContain(PRIVATE.password);
      const elsewhere = await failed({ image: `${locked.host}/private/db:16`, secret: secrets.token });
      expect(elsewhere.fields?.[0]).toMatchObject({
        path: 'secret',
        message: expect.stringContaining(`no credentials for the registry ${locked.host}`) as string,
      });
    });

    it('answers UNAVAILABLE, naming only the host, for a closed port and for a registry that never answers, in under 5 s', async () => {
      for (const host of [closed, silent.host]) {
        const error = await failed({ image: `${host}/team/web:1.0` });
        expect(error.code).toBe('UNAVAILABLE');
        // One message for every way of not getting through (it must not make a port scanner).
        expect(error.message).toBe(`The image registry ${host} could not be reached`);
        expect(error.ms).toBeLessThan(5000);
      }
    });

    it('refuses a malformed reference on "image", and answers NOT_FOUND for a missing tag', async () => {
      for (const image of [
        'Not An Image',
        'nginx:-bad',
        `${plain.host}/UPPER/case`,
        'https://example.com/x',
      ]) {
        const error = await failed({ image });
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.fields?.map((f) => f.path)).toEqual(['image']);
      }
      const missing = await failed({ image: `${plain.host}/team/web:9.9` });
      expect(missing).toMatchObject({
        code: 'NOT_FOUND',
        message: `Image "${plain.host}/team/web:9.9" not found`,
      });
    });

    it('lets project-viewer inspect public images, but not use a secret', async () => {
      expect((await ok({ image: `${plain.host}/team/web:1.0` }, viewerToken)).ports).toHaveLength(2);
      const denied = await failed(
        { image: `${locked.host}/private/db:16`, secret: secrets.good },
        viewerToken,
      );
      // Kubernetes refuses the read (project-viewer may not get Secrets), so Berth never sees the values.
      expect(denied).toMatchObject({
        code: 'FORBIDDEN',
        message: `Not allowed to use secret "${secrets.good}"`,
      });
      for (const leaked of [...PASSWORDS, ...ENCODED]) expect(denied.raw).not.toContain(leaked);
    });
  });

  it('never put a credential in a response body or a log line', () => {
    // The unreachable registries were logged (UNAVAILABLE is): the capture works.
    expect(logged.some((line) => line.includes(closed))).toBe(true);
    expect(bodies.length).toBeGreaterThan(20);
    for (const text of [...logged, ...bodies])
      for (const leaked of [...PASSWORDS, ...ENCODED]) expect(text).not.toContain(leaked);
  });
});
