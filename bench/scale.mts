/**
 * `npm run bench`: Berth at scale, side by side with the API server and a static floor. Prints
 * figures (a Markdown report); asserts nothing. On a local cluster of its own (`berth-bench`,
 * BERTH_NODE_COUNT nodes, deleted afterwards):
 *
 * 1. BENCH_N StatefulSets (default 1,000) × 3 pods in one project, created through Berth's REST API,
 *    read as a project-regular: the GraphQL page of 50 with pod statuses, the REST page, the detail
 *    with pods and `me`, at 1 and 10 clients; the same data straight from the API server; the same
 *    bytes from a static server; API server requests, CPU and RSS per request.
 * 2. A create through Berth against the two direct POSTs it makes.
 * 3. Watch event → subscriber latency with 100 graphql-ws subscribers on the project's list.
 * 4. The cache's initial sync and RSS at BENCH_SYNC_SETS StatefulSets and BENCH_SYNC_PODS pods
 *    (default 10,000 and 30,000), created straight through the API server (the fastest way: pods
 *    bound to kwok nodes, no controller in the path), by starting a fresh Berth on them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  ApiServer,
  ms,
  percentiles,
  processUsage,
  staticServer,
  timed,
  type Figures,
} from './scale-support.mts';

const ROOT = join(import.meta.dirname, '..');
const PORT = 3901;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'Bench-Admin-Passw0rd';
const N = Number(process.env.BENCH_N ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
const SYNC_SETS = Number(process.env.BENCH_SYNC_SETS ?? 10_000);
const SYNC_PODS = Number(process.env.BENCH_SYNC_PODS ?? 30_000);
const NODES = Number(process.env.BERTH_NODE_COUNT ?? 30);
const pad = (i: number) => String(i).padStart(5, '0');
const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};
const log = (line: string) => console.error(`[bench] ${line}`);

async function main(): Promise<void> {
  const clusterEnv = { ...process.env, BERTH_CLUSTER_NAME: 'berth-bench', BERTH_NODE_COUNT: String(NODES) };
  const up = Date.now();
  const kubeconfig = execFileSync('bash', [join(ROOT, 'cluster', 'up.sh')], {
    env: clusterEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  log(`cluster up in ${((Date.now() - up) / 1000).toFixed(0)} s`);
  const api = new ApiServer(kubeconfig);
  let berth = startBerth(kubeconfig);
  try {
    await waitReady(300_000);
    const admin = await signIn('admin', PASSWORD);
    const project = 'bench';
    await call('POST', '/api/v1/workspaces', admin, { name: 'bench-ws' });
    await call('POST', '/api/v1/workspaces/bench-ws/projects', admin, { name: project });
    await call('POST', '/api/v1/users', admin, {
      username: 'bench-regular',
      email: 'bench@example.com',
      password: PASSWORD,
      platformRole: 'platform-regular',
    });
    await call('POST', '/api/v1/workspaces/bench-ws/members', admin, {
      username: 'bench-regular',
      role: 'workspace-regular',
    });
    await call('POST', `/api/v1/projects/${project}/members`, admin, {
      username: 'bench-regular',
      role: 'project-regular',
    });
    const token = await signIn('bench-regular', PASSWORD);

    // 1. The data: N StatefulSets × 3 pods, through Berth (each create: the StatefulSet and its Service).
    const setup = Date.now();
    const names = Array.from({ length: N }, (_, i) => `web-${pad(i)}`);
    await api.all(names, 8, (name) =>
      call('POST', `/api/v1/projects/${project}/statefulsets`, token, {
        name,
        replicas: 3,
        podManagementPolicy: 'Parallel',
        containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
      }),
    );
    log(
      `${N} StatefulSets created in ${((Date.now() - setup) / 1000).toFixed(0)} s; waiting for ${3 * N} pods`,
    );
    for (;;) {
      const list = JSON.parse(await api.call('GET', `/api/v1/namespaces/${project}/pods`)) as {
        items: { status?: { conditions?: { type: string; status: string }[] } }[];
      };
      const ready = list.items.filter((p) =>
        p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      ).length;
      if (ready >= 3 * N) break;
      log(`${ready}/${3 * N} pods ready`);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
    const setupSeconds = (Date.now() - setup) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 5000)); // let the cache take the last status changes

    const page = `{ statefulSets(project: "${project}", first: 50) { totalCount edges { node { name status { phase ready desired } pods { name phase ready } } } } }`;
    const detailName = names[Math.floor(N / 2)];
    const scenarios: {
      name: string;
      berth: () => Promise<string>;
      direct?: () => Promise<unknown>;
      path: string;
    }[] = [
      {
        name: 'GraphQL `statefulSets(first: 50)` with pod statuses',
        path: '/page',
        berth: () => graphql(token, page),
        direct: async () => {
          const sets = JSON.parse(
            await api.call('GET', `/apis/apps/v1/namespaces/${project}/statefulsets?limit=50`),
          ) as {
            items: { metadata: { name: string } }[];
          };
          const selector = encodeURIComponent(`app in (${sets.items.map((s) => s.metadata.name).join(',')})`);
          await api.call('GET', `/api/v1/namespaces/${project}/pods?labelSelector=${selector}`);
        },
      },
      {
        name: 'REST list page of 50',
        path: '/rest-page',
        berth: () => call('GET', `/api/v1/projects/${project}/statefulsets?limit=50`, token),
        direct: () => api.call('GET', `/apis/apps/v1/namespaces/${project}/statefulsets?limit=50`),
      },
      {
        name: 'StatefulSet detail with pods (REST)',
        path: '/detail',
        berth: () => call('GET', `/api/v1/projects/${project}/statefulsets/${detailName}`, token),
        direct: async () => {
          await api.call('GET', `/apis/apps/v1/namespaces/${project}/statefulsets/${detailName}`);
          await api.call(
            'GET',
            `/api/v1/namespaces/${project}/pods?labelSelector=${encodeURIComponent(`app=${detailName}`)}`,
          );
        },
      },
      { name: 'GraphQL `me`', path: '/me', berth: () => graphql(token, '{ me { username platformRole } }') },
    ];
    const floor = await staticServer(
      new Map(await Promise.all(scenarios.map(async (s) => [s.path, await s.berth()] as [string, string]))),
    );

    say(`# Berth benchmark results`);
    say();
    say(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString()}.`,
    );
    say(
      `Cluster: the local control plane (kwok, ${NODES} nodes). Data: ${N} StatefulSets × 3 pods in one project, set up in ${setupSeconds.toFixed(0)} s (creates through Berth, then the controller).`,
    );
    say(`Reads as a project-regular; latencies in ms; ${RUNS} requests per row.`);
    say();
    say(
      '| read | clients | Berth p50 / p95 / p99 | req/s | API server straight p50 / p99 | static p50 / p99 | API ÷ Berth p50 / p99 | Berth ÷ static p99 | API requests per read | Berth CPU ms per read |',
    );
    say('|---|---|---|---|---|---|---|---|---|---|');
    const idle = await idleRate(api);
    for (const s of scenarios) {
      for (const clients of [1, 10]) {
        const before = { count: await api.requestCount(), usage: processUsage(berth.pid!), at: Date.now() };
        const b = await timed(RUNS, clients, s.berth);
        const after = { count: await api.requestCount(), usage: processUsage(berth.pid!), at: Date.now() };
        const background = (idle * (after.at - before.at)) / 1000;
        const perRead = Math.max(0, after.count - before.count - 2 - background) / b.runs;
        const cpu = ((after.usage.cpuSeconds - before.usage.cpuSeconds) * 1000) / b.runs;
        const d = s.direct ? await timed(RUNS, clients, s.direct) : null;
        const f = await timed(RUNS, clients, () => fetch(`${floor.url}${s.path}`).then((r) => r.text()));
        say(
          `| ${s.name} | ${clients} | ${ms(b.p50)} / ${ms(b.p95)} / ${ms(b.p99)} | ${b.perSecond.toFixed(0)} | ${
            d ? `${ms(d.p50)} / ${ms(d.p99)}` : ''
          } | ${ms(f.p50)} / ${ms(f.p99)} | ${d ? `${(d.p50 / b.p50).toFixed(1)}× / ${(d.p99 / b.p99).toFixed(1)}×` : ''} | ${(b.p99 / f.p99).toFixed(1)}× | ${perRead.toFixed(2)} | ${cpu.toFixed(2)} |`,
        );
      }
    }
    const usage = processUsage(berth.pid!);
    say();
    say(
      `Berth's RSS after the reads: ${usage.rssMiB.toFixed(0)} MiB (peak ${usage.peakMiB.toFixed(0)} MiB). API server requests per read: the API server's apiserver_request_total over the run, less its idle rate (${idle.toFixed(1)}/s, kwok and controllers) and the two scrapes.`,
    );

    // 2. A create through Berth against the two direct POSTs.
    const creates = 20;
    const viaBerth: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < creates; i++) {
      const name = `create-${pad(i)}`;
      let start = performance.now();
      await call('POST', `/api/v1/projects/${project}/statefulsets`, token, {
        name,
        replicas: 0,
        containers: [{ name: 'web', image: 'nginx:1.27' }],
      });
      viaBerth.push(performance.now() - start);
      // The same two objects as Berth wrote, under another name, POSTed straight to the API server.
      const copy = `direct-${pad(i)}`;
      const [set, service] = (
        await Promise.all([
          api.call('GET', `/apis/apps/v1/namespaces/${project}/statefulsets/${name}`),
          api.call('GET', `/api/v1/namespaces/${project}/services/${name}`),
        ])
      ).map(
        (text) => JSON.parse(text) as { metadata: Record<string, unknown>; spec: Record<string, unknown> },
      );
      const renamed = (
        o: { metadata: Record<string, unknown>; spec: Record<string, unknown> },
        spec: Record<string, unknown>,
      ) => ({
        metadata: {
          name: copy,
          namespace: project,
          labels: o.metadata.labels,
          annotations: o.metadata.annotations,
        },
        spec,
      });
      const setBody = {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        ...renamed(set, { ...set.spec, serviceName: copy }),
      };
      const serviceBody = {
        apiVersion: 'v1',
        kind: 'Service',
        ...renamed(
          service,
          service.spec.clusterIP === 'None'
            ? service.spec
            : { ...service.spec, clusterIP: undefined, clusterIPs: undefined },
        ),
      };
      start = performance.now();
      await api.call('POST', `/apis/apps/v1/namespaces/${project}/statefulsets`, setBody);
      await api.call('POST', `/api/v1/namespaces/${project}/services`, serviceBody);
      direct.push(performance.now() - start);
    }
    const cb = percentiles(viaBerth);
    const cd = percentiles(direct);
    say();
    say(
      `Create (StatefulSet + Service, ${creates} sequential): Berth p50 ${ms(cb.p50)} ms, p99 ${ms(cb.p99)} ms; the two POSTs straight to the API server p50 ${ms(cd.p50)} ms, p99 ${ms(cd.p99)} ms; difference at p50 ${ms(cb.p50 - cd.p50)} ms.`,
    );

    // 3. Watch event → subscriber latency.
    say();
    say(await subscriberLatency(api, token, project, names));

    // 4. Initial sync at scale: a fresh Berth on BENCH_SYNC_SETS StatefulSets and BENCH_SYNC_PODS pods.
    berth.kill('SIGTERM');
    await new Promise((resolve) => berth.once('exit', resolve));
    say();
    say(await syncAtScale(api, kubeconfig, project, (b) => (berth = b)));
    console.log('\n' + out.join('\n'));
  } finally {
    berth.kill('SIGTERM');
    execFileSync('bash', [join(ROOT, 'cluster', 'down.sh')], { env: clusterEnv, stdio: 'inherit' });
  }
}

async function subscriberLatency(
  api: ApiServer,
  token: string,
  project: string,
  names: string[],
): Promise<string> {
  const target = names[0];
  const arrivals = new Map<string, number[]>();
  const clients = Array.from({ length: SUBSCRIBERS }, () =>
    createClient({
      url: `ws://127.0.0.1:${PORT}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    }),
  );
  let synced = 0;
  const query = `subscription { statefulSetsChanged(project: "${project}") { synced initial changes { name statefulSet { description } } } }`;
  for (const client of clients)
    client.subscribe<{
      statefulSetsChanged: {
        synced: boolean;
        initial: boolean;
        changes: { name: string; statefulSet: { description: string | null } | null }[];
      };
    }>(
      { query },
      {
        next: ({ data }) => {
          if (!data) return;
          const m = data.statefulSetsChanged;
          if (m.initial && m.synced) synced += 1;
          const now = performance.now();
          for (const c of m.changes) {
            const round = c.statefulSet?.description;
            if (!m.initial && c.name === target && round)
              arrivals.set(round, [...(arrivals.get(round) ?? []), now]);
          }
        },
        error: (error) => log(`subscriber error: ${JSON.stringify(error)}`),
        complete: () => undefined,
      },
    );
  const syncStart = Date.now();
  while (synced < SUBSCRIBERS && Date.now() - syncStart < 300_000)
    await new Promise((r) => setTimeout(r, 100));
  const latencies: number[] = [];
  const rounds = 20;
  for (let i = 0; i < rounds; i++) {
    const round = `round-${i}`;
    const start = performance.now();
    await api.call(
      'PATCH',
      `/apis/apps/v1/namespaces/${project}/statefulsets/${target}`,
      { metadata: { annotations: { 'berth.io/description': round } } },
      'application/merge-patch+json',
    );
    const deadline = Date.now() + 10_000;
    while ((arrivals.get(round)?.length ?? 0) < SUBSCRIBERS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    for (const at of arrivals.get(round) ?? []) latencies.push(at - start);
    await new Promise((r) => setTimeout(r, 400)); // past the debounce window: each change is a fresh one
  }
  for (const client of clients) await client.dispose();
  const p = percentiles(latencies);
  return `Watch event → subscriber, ${SUBSCRIBERS} graphql-ws subscribers on the project's list of ${names.length} (their first state: ${((Date.now() - syncStart) / 1000).toFixed(0)} s including the rounds), ${rounds} changes, measured from before the PATCH to the API server to the message: p50 ${ms(p.p50)} ms, p99 ${ms(p.p99)} ms (${latencies.length} of ${rounds * SUBSCRIBERS} delivered).`;
}

async function syncAtScale(
  api: ApiServer,
  kubeconfig: string,
  project: string,
  started: (b: ChildProcess) => void,
): Promise<string> {
  const have =
    (
      JSON.parse(await api.call('GET', `/apis/apps/v1/namespaces/${project}/statefulsets?limit=1`)) as {
        metadata: { remainingItemCount?: number };
      }
    ).metadata.remainingItemCount ?? 0;
  const setsToMake = Math.max(0, SYNC_SETS - have - 1);
  const podsHave =
    (
      JSON.parse(await api.call('GET', `/api/v1/pods?limit=1`)) as {
        metadata: { remainingItemCount?: number };
      }
    ).metadata.remainingItemCount ?? 0;
  const podsToMake = Math.max(0, SYNC_PODS - podsHave - 1);
  const make = Date.now();
  await api.call('POST', '/api/v1/namespaces', { metadata: { name: 'bench-bulk' } });
  await api.all(
    Array.from({ length: setsToMake }, (_, i) => i),
    32,
    (i) =>
      api.call('POST', `/apis/apps/v1/namespaces/bench-bulk/statefulsets`, {
        metadata: { name: `bulk-${pad(i)}` },
        spec: {
          replicas: 0,
          serviceName: `bulk-${pad(i)}`,
          selector: { matchLabels: { app: `bulk-${pad(i)}` } },
          template: {
            metadata: { labels: { app: `bulk-${pad(i)}` } },
            spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
          },
        },
      }),
  );
  await api.all(
    Array.from({ length: podsToMake }, (_, i) => i),
    32,
    (i) =>
      api.call('POST', `/api/v1/namespaces/bench-bulk/pods`, {
        metadata: { name: `pod-${pad(i)}`, labels: { bench: 'bulk' } },
        spec: { nodeName: `kwok-node-${i % NODES}`, containers: [{ name: 'web', image: 'nginx:1.27' }] },
      }),
  );
  const madeIn = (Date.now() - make) / 1000;
  const start = Date.now();
  const berth = startBerth(kubeconfig);
  started(berth);
  await waitReady(600_000);
  const readySeconds = (Date.now() - start) / 1000;
  const usage = processUsage(berth.pid!);
  return `Initial sync at ${SYNC_SETS.toLocaleString('en')} StatefulSets and ${SYNC_PODS.toLocaleString('en')} pods (${setsToMake} StatefulSets and ${podsToMake} pods added in ${madeIn.toFixed(0)} s straight through the API server, 32 at a time; the pods bound to kwok nodes, no controller in the path): a fresh Berth process was ready (bootstrap done, every kind synced, /readyz 200) ${readySeconds.toFixed(1)} s after it was started; RSS then ${usage.rssMiB.toFixed(0)} MiB (peak ${usage.peakMiB.toFixed(0)} MiB).`;
}

function startBerth(kubeconfig: string): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
    env: {
      ...process.env,
      KUBECONFIG: kubeconfig,
      PORT: String(PORT),
      BERTH_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
      BERTH_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      // The subscriber figure opens 100 connections as one user.
      BERTH_LIVE_MAX_PER_USER: String(SUBSCRIBERS + 10),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The API server's request rate with Berth idle (kwok, controllers, metrics-server), per second. */
async function idleRate(api: ApiServer): Promise<number> {
  const a = await api.requestCount();
  await new Promise((r) => setTimeout(r, 10_000));
  const b = await api.requestCount();
  return Math.max(0, b - a - 1) / 10;
}

async function call(method: string, path: string, token: string | null, body?: object): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

async function graphql(token: string, query: string): Promise<string> {
  const text = await call('POST', '/graphql', token, { query });
  if (text.includes('"errors"')) throw new Error(text.slice(0, 300));
  return text;
}

async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${BASE}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function waitReady(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Berth did not become ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

export type { Figures };
