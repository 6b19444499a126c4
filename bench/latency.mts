/**
 * Latency of common calls against a real Berth on the local control plane. Prints figures; asserts
 * nothing (speed is measured here, not in tests). Run: `npm run bench` (builds first; it uses a
 * local cluster of its own, deleted afterwards).
 *
 * Starts `dist/main.js` on 127.0.0.1, signs in, makes a workspace, a project and a StatefulSet, then
 * times each call sequentially and reports p50/p95/p99 in milliseconds.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const PORT = 3900;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'Bench-Admin-Passw0rd';
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

interface Figures {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

async function main(): Promise<void> {
  // A cluster of its own, so the admin's password is the bench's and nothing else competes.
  const clusterEnv = { ...process.env, BERTH_CLUSTER_NAME: 'berth-bench' };
  const kubeconfig = execFileSync('bash', [join(ROOT, 'cluster', 'up.sh')], {
    env: clusterEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  const app = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
    env: {
      ...process.env,
      KUBECONFIG: kubeconfig,
      PORT: String(PORT),
      BERTH_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
      BERTH_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      // The request budget is counted (its cost is in the figures) but never reached.
      BERTH_RATE_LIMIT_PER_USER: '10000000',
      BERTH_RATE_LIMIT_PER_TOKEN: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${BASE}/readyz`);
    const token = await signIn();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const suffix = Date.now().toString(36);
    const workspace = `bench-${suffix}`;
    const project = `bench-p-${suffix}`;
    await call('POST', '/api/v1/workspaces', auth, { name: workspace });
    await call('POST', `/api/v1/workspaces/${workspace}/projects`, auth, { name: project });
    await call('POST', `/api/v1/projects/${project}/statefulsets`, auth, {
      name: 'bench',
      replicas: 2,
      containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }],
    });

    const results: Figures[] = [];
    results.push(await measure('GET /healthz (no Kubernetes call)', RUNS, () => call('GET', '/healthz', {})));
    results.push(await measure('GET /readyz (API server /readyz)', RUNS, () => call('GET', '/readyz', {})));
    results.push(
      await measure('GraphQL me (authentication: 1 account read)', RUNS, () =>
        graphql(auth, '{ me { username } }'),
      ),
    );
    results.push(
      await measure('GraphQL cluster { version nodes storageClasses }', RUNS, () =>
        graphql(auth, '{ cluster { version nodes { name } storageClasses { name } } }'),
      ),
    );
    results.push(
      await measure('REST GET project (access check + namespace)', RUNS, () =>
        call('GET', `/api/v1/projects/${project}`, auth),
      ),
    );
    results.push(
      await measure('REST list StatefulSets', RUNS, () =>
        call('GET', `/api/v1/projects/${project}/statefulsets`, auth),
      ),
    );
    results.push(
      await measure('REST StatefulSet detail (pods, revisions, events)', RUNS, () =>
        call('GET', `/api/v1/projects/${project}/statefulsets/bench`, auth),
      ),
    );
    results.push(
      await measure('GraphQL statefulSet { form status pods }', RUNS, () =>
        graphql(
          auth,
          `{ statefulSet(project: "${project}", name: "bench") { form { name } status { phase } pods { name } } }`,
        ),
      ),
    );
    results.push(
      await measure('REST scale (dry run)', RUNS, () =>
        call('POST', `/api/v1/projects/${project}/statefulsets/bench/scale?dryRun=true`, auth, {
          replicas: 3,
        }),
      ),
    );
    results.push(await measure('POST /oauth/token (argon2id verify)', Math.min(RUNS, 30), () => signIn()));

    await call('DELETE', `/api/v1/projects/${project}`, auth);
    await call('DELETE', `/api/v1/workspaces/${workspace}`, auth).catch(() => undefined);

    console.log(`\nBerth latency, sequential requests over loopback (ms), Node ${process.version}\n`);
    console.log(['call'.padEnd(52), 'runs', '  p50', '  p95', '  p99', ' mean'].join(' '));
    for (const r of results) {
      console.log(
        [
          r.name.padEnd(52),
          String(r.runs).padStart(4),
          ...[r.p50, r.p95, r.p99, r.mean].map((v) => v.toFixed(1).padStart(5)),
        ].join(' '),
      );
    }
  } finally {
    app.kill('SIGTERM');
    execFileSync('bash', [join(ROOT, 'cluster', 'down.sh')], { env: clusterEnv, stdio: 'inherit' });
  }
}

async function measure(name: string, runs: number, fn: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(); // warm up connections and caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return {
    name,
    runs,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

async function call(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: object,
): Promise<unknown> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

async function graphql(headers: Record<string, string>, query: string): Promise<unknown> {
  const result = (await call('POST', '/graphql', headers, { query })) as { errors?: unknown };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result;
}

async function signIn(): Promise<string> {
  const res = await fetch(`${BASE}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'admin', password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not become ready`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
