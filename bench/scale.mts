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
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  ApiServer,
  ms,
  percentiles,
  processUsage,
  staticServer,
  timed,
  type Figures,
} from './scale-support.mts';
import { call, graphql, PASSWORD, SETTINGS, signIn, startBerth, waitReady } from './scale-berth.mts';
import { subscriberLatency, syncAtScale } from './scale-phases.mts';

const ROOT = join(import.meta.dirname, '..');
const { n: N, runs: RUNS, nodes: NODES } = SETTINGS;
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

    const page = `{ statefulSets(project: "${project}", first: 50) { totalCount edges { node { name status { phase ready desired } pods { nodes { name phase ready } } } } } }`;
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

/** The API server's request rate with Berth idle (kwok, controllers, metrics-server), per second. */
async function idleRate(api: ApiServer): Promise<number> {
  const a = await api.requestCount();
  await new Promise((r) => setTimeout(r, 10_000));
  const b = await api.requestCount();
  return Math.max(0, b - a - 1) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

export type { Figures };
