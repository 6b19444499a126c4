import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { KubeCache } from '../src/kube';
import type { KubeRequestRecord } from '../src/kube';
import { configApi } from './support/config-api';
import { eventually, TestApp, testConfig, uniqueName } from './support/test-app';
import { WorkloadProject, workloadProject } from './support/workload-fixture';

const run = promisify(execFile);
const CLUSTER_DIR = join(__dirname, '..', 'cluster');
const STALE_AFTER_MS = 1000;

/**
 * The read cache when the API server dies and comes back, on a control plane of this test's own (so
 * killing its API server disturbs no other suite): Berth stops serving from a cache without a watch
 * (readiness 503, reads go to the API server and fail plainly rather than answer stale data), and
 * after the restart every kind catches up with at most a relist, no storm, and serves again.
 */
describe('the read cache across an API server restart', () => {
  const name = uniqueName('e2e-restart');
  const env = { ...process.env, BERTH_CLUSTER_NAME: name };
  let kubeconfig = '';
  let t: TestApp;
  let w: WorkloadProject;

  const script = (file: string) => run('bash', [join(CLUSTER_DIR, file)], { env });

  beforeAll(async () => {
    const up = await script('up.sh');
    kubeconfig = /kubeconfig: (\S+)/.exec(up.stderr)?.[1] ?? '';
    expect(kubeconfig).not.toBe('');
    const base = testConfig();
    t = await TestApp.start({
      ...base,
      kube: { kind: 'kubeconfig', path: kubeconfig },
      cache: { ...base.cache, staleAfterMs: STALE_AFTER_MS },
    });
    w = await workloadProject(t, await t.token());
  }, 240_000);

  afterAll(async () => {
    await t?.close();
    await script('down.sh').catch(() => undefined);
  }, 120_000);

  it('goes unready and stops serving while the API server is down, and catches up after', async () => {
    const cache = t.app.get(KubeCache);
    const config = configApi(t, 'rest', w.project, w.regular.token);
    expect((await config.createConfigMap({ name: 'before', data: [] })).ok).toBe(true);
    expect(cache.ready).toBe(true);

    const pidFile = join(dirname(kubeconfig), 'pids', 'kube-apiserver.pid');
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    rmSync(pidFile); // so that starting the cluster again starts the API server again

    await eventually(
      () => Promise.resolve(cache.ready ? undefined : true),
      30_000,
      'the cache to stop serving',
    );
    expect((await t.http().get('/readyz')).status).toBe(503);
    // Not stale data: the read goes to the API server, which is not there.
    const down = await t.as(w.regular.token).get(`/api/v1/projects/${w.project}/configmaps`);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: 'UNAVAILABLE' });

    const requests: KubeRequestRecord[] = [];
    const stop = t.kube.observe((r) => requests.push(r));
    try {
      await script('up.sh');
      await eventually(
        () => Promise.resolve(cache.ready ? true : undefined),
        120_000,
        'the cache to serve again',
      );
    } finally {
      stop();
    }
    // Each kind lists at most twice to catch up (a watch resumed, or one relist after 410 Gone).
    const lists = new Map<string, number>();
    for (const r of requests) {
      const url = new URL(r.url);
      if (r.method !== 'GET' || url.searchParams.get('watch') === 'true' || url.pathname === '/readyz')
        continue;
      lists.set(url.pathname, (lists.get(url.pathname) ?? 0) + 1);
    }
    for (const [path, count] of lists) expect([path, count <= 2]).toEqual([path, true]);

    expect((await t.http().get('/readyz')).status).toBe(200);
    // A change made after the restart, not through Berth's client, reaches the cache by its watch.
    await t.kube.direct().create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'after-restart', namespace: w.project },
    });
    await eventually(async () => {
      const names = (await config.configMaps()).body.map((c) => c.name);
      return names.includes('after-restart') && names.includes('before') ? true : undefined;
    }, 10_000);
  }, 240_000);
});
