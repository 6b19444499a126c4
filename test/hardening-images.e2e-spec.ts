import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closedPort, silentServer } from './support/registry';
import { TestApp, testConfig } from './support/test-app';
import { projectMember, WorkloadProject, workloadProject } from './support/workload-fixture';

/** An HTTP server on 127.0.0.1 that counts what reaches it: an internal service, or a registry that redirects. */
async function recordingServer(
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.writeHead(404).end(),
): Promise<{ host: string; port: number; seen: string[]; stop(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    seen,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Image inspection is not a way into the network: a registry on a loopback, link-local or private
 * address (however written) is refused unless BERTH_REGISTRIES lists it, on every redirect hop too;
 * every way of not getting through answers the same; each user's inspections are rate-limited.
 */
describe('image inspection is not a way into the network', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let internal: Awaited<ReturnType<typeof recordingServer>>;
  let redirector: Awaited<ReturnType<typeof recordingServer>>;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let closed: number;

  beforeAll(async () => {
    internal = await recordingServer((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"secret":"internal"}'),
    );
    // A listed (allowed) plain-HTTP registry whose every answer redirects into the internal service.
    redirector = await recordingServer((req, res) => {
      const where = req.url?.includes('/tags/')
        ? `http://127.0.0.1:${internal.port}/admin/tags`
        : `http://127.0.0.1:${internal.port}/admin`;
      res.writeHead(302, { location: where }).end();
    });
    silent = await silentServer();
    closed = await closedPort();
    t = await TestApp.start(
      testConfig({ registryTimeoutMs: 1500, registries: { [redirector.host]: { insecure: true } } }),
    );
    w = await workloadProject(t, await t.token());
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
    await Promise.all([internal.stop(), redirector.stop(), silent.stop()]);
  });

  const inspect = async (transport: 'graphql' | 'rest', image: string, token = w.regular.token) => {
    if (transport === 'rest') {
      const res = await t.as(token).get(`/api/v1/projects/${w.project}/images/inspect`).query({ image });
      const body = res.body as { code?: string; message?: string };
      return {
        code: body.code,
        message: body.message,
        retryAfter: res.headers['retry-after'] as string | undefined,
      };
    }
    const res = await t.graphql(
      'query($p: String!, $i: String!) { imageInfo(project: $p, image: $i) { image } }',
      { p: w.project, i: image },
      token,
    );
    const error = res.errors?.[0];
    return { code: error?.extensions.code, message: error?.message, retryAfter: undefined };
  };

  describe.each(['graphql', 'rest'] as const)('over %s', (transport) => {
    it('never connects to a loopback address, however it is written', async () => {
      const port = internal.port;
      const images = [
        `127.0.0.1:${port}/app:1`,
        `localhost:${port}/app:1`,
        `127.1:${port}/app:1`,
        `2130706433:${port}/app:1`,
        `0x7f000001:${port}/app:1`,
        `[::1]:${port}/app:1`,
        `[::ffff:127.0.0.1]:${port}/app:1`,
        `[0:0:0:0:0:ffff:7f00:1]:${port}/app:1`,
      ];
      for (const image of images) {
        const res = await inspect(transport, image);
        // Refused, or not even a reference (some spellings are not valid registry hosts): never contacted.
        expect([image, ['UNAVAILABLE', 'BAD_USER_INPUT'].includes(res.code ?? '')]).toEqual([image, true]);
      }
      expect(internal.seen).toEqual([]);
    });

    it('a listed registry may not redirect to an unlisted address, nor to plain HTTP elsewhere', async () => {
      const res = await inspect(transport, `${redirector.host}/app:1`);
      expect(res.code).toBe('UNAVAILABLE');
      expect(redirector.seen.length).toBeGreaterThan(0);
      expect(internal.seen).toEqual([]);
    });

    it('a closed port, a silent server and a refused address answer one and the same message', async () => {
      const answers = await Promise.all(
        [`127.0.0.1:${closed}`, silent.host, `127.0.0.1:${internal.port}`].map(async (host) => {
          const res = await inspect(transport, `${host}/app:1`);
          return [res.code, res.message?.replace(host, '<host>')];
        }),
      );
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0]).toEqual(['UNAVAILABLE', 'The image registry <host> could not be reached']);
    });
  });

  it('each user’s inspections are rate-limited (the limit is per user)', async () => {
    const limited = await TestApp.start(testConfig({ imageInspectionsPerMinute: 3 }));
    try {
      const other = await projectMember(limited, w, 'project-viewer');
      const image = `127.0.0.1:${closed}/app:1`;
      const ask = async (token: string) => {
        const res = await limited
          .as(token)
          .get(`/api/v1/projects/${w.project}/images/inspect`)
          .query({ image });
        return { status: res.status, retryAfter: Number(res.headers['retry-after']) };
      };
      for (let i = 0; i < 3; i++) expect((await ask(w.regular.token)).status).toBe(503);
      const refused = await ask(w.regular.token);
      expect(refused.status).toBe(429);
      expect(refused.retryAfter).toBeGreaterThan(0);
      const gql = await limited.graphql(
        'query($p: String!, $i: String!) { imageInfo(project: $p, image: $i) { image } }',
        { p: w.project, i: image },
        w.regular.token,
      );
      expect(gql.errors?.[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      expect((await ask(other.token)).status).toBe(503);
    } finally {
      await limited.close();
    }
  });
});
