import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { apiServerUrl, e2eKubeconfig, TestApp, testConfig } from './support/test-app';

describe('health probes', () => {
  it('GET /healthz is 200 and GET /readyz is 200 while the API server is reachable', async () => {
    const t = await TestApp.start();
    try {
      await t.http().get('/healthz').expect(200, { status: 'ok' });
      await t.http().get('/readyz').expect(200, { status: 'ok' });
    } finally {
      await t.close();
    }
  });

  describe('when the API server cannot be reached', () => {
    let t: TestApp;
    let dir: string;
    let closedPort: number;

    beforeAll(async () => {
      // A real refused connection: a port that was just free on 127.0.0.1.
      closedPort = await freePort();
      dir = mkdtempSync(join(tmpdir(), 'berth-e2e-'));
      const kubeconfig = parse(readFileSync(e2eKubeconfig(), 'utf8')) as {
        clusters: { cluster: { server: string } }[];
      };
      kubeconfig.clusters[0].cluster.server = `https://127.0.0.1:${closedPort}`;
      const path = join(dir, 'kubeconfig');
      writeFileSync(path, stringify(kubeconfig));
      // Nothing to bootstrap against: this app never reaches an API server.
      t = await TestApp.start(testConfig({ kube: { kind: 'kubeconfig', path } }), [], false);
    });

    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('/healthz stays 200, /readyz answers 503', async () => {
      await t.http().get('/healthz').expect(200);
      await t.http().get('/readyz').expect(503, { status: 'unavailable' });
    });

    it('API calls answer UNAVAILABLE on both transports, without the server address', async () => {
      // Checking an API token needs the signing key from the cluster: the first call that fails.
      const token = `bat.${'0'.repeat(16)}.${'0'.repeat(64)}.${'0'.repeat(43)}`;
      const rest = await t.as(token).get('/api/v1/cluster');
      expect(rest.status).toBe(503);
      expect(rest.headers['retry-after']).toBe('1');
      expect(rest.body).toEqual({
        statusCode: 503,
        code: 'UNAVAILABLE',
        message: 'The Kubernetes API server is unreachable',
      });

      const gql = await t.graphql('{ cluster { version } }', {}, token);
      expect(gql.errors?.[0]).toMatchObject({
        message: 'The Kubernetes API server is unreachable',
        extensions: { code: 'UNAVAILABLE', retryAfterSeconds: 1 },
      });
      for (const body of [rest.body, gql]) {
        expect(JSON.stringify(body)).not.toContain(String(closedPort));
        expect(JSON.stringify(body)).not.toContain(new URL(apiServerUrl()).host);
      }
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
