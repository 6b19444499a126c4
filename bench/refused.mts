/**
 * What refused requests cost: for each kind of request Berth refuses before running it (GraphQL
 * over its limits, a batch, a body nested too deep, a forged token), the API server calls it caused.
 * Prints figures; asserts nothing. Run: `npm run bench:refused` (builds first; uses a local cluster of
 * its own, berth-bench, kept for `npm run bench`).
 *
 * Two counts per request: Berth's own (every call its Kubernetes adapter makes, exact) and the API
 * server's `apiserver_request_total` before and after (every client's requests, so it includes
 * the cluster's own background work: controllers, kwok's node heartbeats).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { createApp } = require(join(ROOT, 'dist', 'http-app.js')) as typeof import('../src/http-app.js');
const { loadConfig } = require(
  join(ROOT, 'dist', 'config', 'app-config.js'),
) as typeof import('../src/config/app-config.js');
const { BootstrapService } = require(
  join(ROOT, 'dist', 'bootstrap', 'bootstrap.service.js'),
) as typeof import('../src/bootstrap/bootstrap.service.js');
const { KubeClient } = require(
  join(ROOT, 'dist', 'kube', 'index.js'),
) as typeof import('../src/kube/index.js');

const PASSWORD = 'Bench-Admin-Passw0rd';

async function main(): Promise<void> {
  const kubeconfig = execFileSync('bash', [join(ROOT, 'cluster', 'up.sh')], {
    env: { ...process.env, BERTH_CLUSTER_NAME: 'berth-bench' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  const config = {
    ...loadConfig({
      BERTH_ADMIN_PASSWORD: PASSWORD,
      BERTH_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      BERTH_RATE_LIMIT_PER_USER: '10000000',
      BERTH_RATE_LIMIT_PER_TOKEN: '10000000',
    }),
    kube: { kind: 'kubeconfig' as const, path: kubeconfig },
  };
  const app = await createApp(config, { logger: false });
  await app.init();
  await app.get(BootstrapService).run();
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const kube = app.get(KubeClient);
  let berthCalls = 0;
  kube.observe(() => berthCalls++);
  const token = await signIn(base);

  const page =
    'statefulSets(project: "bench", first: 50) { edges { node { name pods { nodes { name } } } } }';
  const aliases = (n: number, field: string) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  const deep = `{"query":"{ me { username } }","variables":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
  const requests: [string, string, Record<string, string>][] = [
    [
      '1,000 aliases of a page with pods (37 KB)',
      JSON.stringify({ query: aliases(1000, page) }),
      { authorization: `Bearer ${token}` },
    ],
    [
      '3,000 aliases of `me`, made-up token',
      JSON.stringify({ query: aliases(3000, 'me { username }') }),
      { authorization: 'Bearer made.up.token' },
    ],
    [
      '21 aliases of `me` (over 20)',
      JSON.stringify({ query: aliases(21, 'me { username }') }),
      { authorization: `Bearer ${token}` },
    ],
    [
      'a page of 500 with pods and events (cost)',
      JSON.stringify({
        query: `{ statefulSets(project: "bench", first: 500) { edges { node { pods { nodes { events { reason } } } } } } }`,
      }),
      { authorization: `Bearer ${token}` },
    ],
    [
      'a batch of 100 operations',
      JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ me { username } }' }))),
      { authorization: `Bearer ${token}` },
    ],
    ['variables nested 20,000 deep', deep, { authorization: `Bearer ${token}` }],
    [
      'a forged API token',
      JSON.stringify({ query: '{ me { username } }' }),
      { authorization: `Bearer bat.${'a'.repeat(16)}.${'b'.repeat(64)}.${'c'.repeat(43)}` },
    ],
  ];

  const rows: string[] = [
    '| refused request | answer | Berth → API server calls | apiserver_request_total delta (all clients) |',
    '| --- | --- | ---: | ---: |',
  ];
  for (const [what, body, headers] of requests) {
    const before = await serverRequests(kube);
    berthCalls = 0;
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await res.text();
    const ours = berthCalls;
    const after = await serverRequests(kube);
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '';
    rows.push(`| ${what} | ${res.status} ${code} | ${ours} | ${after - before} |`);
  }
  console.log(rows.join('\n'));
  console.log(
    `\nThe worst refused request cost ${Math.max(...rows.slice(2).map((r) => Number(r.split('|')[3])))} API server calls from Berth.`,
  );
  await app.close();
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: 'admin', password: PASSWORD }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Sum of the API server's request counter (Prometheus text from its own /metrics). */
async function serverRequests(kube: InstanceType<typeof KubeClient>): Promise<number> {
  const body = await kube.openStream('/metrics', {}, AbortSignal.timeout(10_000));
  const text = await new Response(body).text();
  let total = 0;
  for (const line of text.split('\n'))
    if (line.startsWith('apiserver_request_total{')) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  return total;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
