import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { V1StatefulSet } from '../src/kube';
import { eventually, uniqueName } from './support/test-app';

const run = promisify(execFile);
const CLUSTER_DIR = join(__dirname, '..', 'cluster');

interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The developer's cluster scripts (`npm run cluster:up|status|down`) on a kwokctl cluster of this
 * test's own, so that stopping it cannot disturb the other suites. The machine stopping (every
 * process gone at once, as on a reboot) and `cluster:up` bringing the cluster back with its state is
 * the path a developer meets every morning; a restarted cluster must run new pods at once.
 */
describe('local control plane scripts', () => {
  const name = uniqueName('e2e-scripts');
  const env = { ...process.env, BERTH_CLUSTER_NAME: name };
  let kubeconfig = '';
  let upOutput = '';
  // <cache>/kwok/clusters/<name>/kubeconfig.yaml; the cluster's own files: <cache>/cluster-files/<name>.
  const clusterFiles = () => join(dirname(kubeconfig), '..', '..', '..', 'cluster-files', name);

  const script = async (file: string): Promise<ScriptResult> => {
    try {
      const { stdout, stderr } = await run('bash', [join(CLUSTER_DIR, file)], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  };
  const kubectl = async (args: string[], input?: string): Promise<string> => {
    const child = run('kubectl', ['--kubeconfig', kubeconfig, ...args]);
    if (input !== undefined) child.child.stdin?.end(input);
    return (await child).stdout;
  };
  const statefulSet = (namespace: string, sts: string) =>
    JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: sts, namespace },
      spec: {
        replicas: 2,
        serviceName: sts,
        selector: { matchLabels: { app: sts } },
        template: {
          metadata: { labels: { app: sts } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    });
  const createStatefulSet = async (namespace: string, sts: string) => {
    await kubectl(['create', 'namespace', namespace]);
    await kubectl(['apply', '-f', '-'], statefulSet(namespace, sts));
  };
  const readyReplicas = (namespace: string, sts: string) =>
    eventually(
      async () => {
        const s = JSON.parse(
          await kubectl(['-n', namespace, 'get', 'statefulset', sts, '-o', 'json']),
        ) as V1StatefulSet;
        return s.status?.readyReplicas === 2 ? s.status.readyReplicas : undefined;
      },
      60_000,
      `${namespace}/${sts} to have 2 ready pods`,
    );

  beforeAll(async () => {
    const up = await script('up.sh');
    expect(up).toMatchObject({ code: 0 });
    expect(up.stderr).toContain(`creating cluster "${name}"`);
    kubeconfig = up.stdout.trim();
    upOutput = up.stderr;
    expect(readFileSync(join(clusterFiles(), 'container.log'), 'utf8').split('\n')).toHaveLength(31);
  });

  afterAll(async () => {
    await script('down.sh');
  });

  it('cluster:up reused binaries cached under a key of each component’s go.sum', () => {
    // A version bump changes go.sum, so it builds into a new directory instead of reusing an old build.
    for (const component of ['etcd', 'kubernetes', 'kwok', 'metrics-server']) {
      const key = createHash('sha256')
        .update(readFileSync(join(CLUSTER_DIR, 'modules', component, 'go.sum')))
        .digest('hex')
        .slice(0, 12);
      const dir = upOutput.match(new RegExp(`\\[cluster\\] ${component}: cached in (\\S+)`))?.[1] ?? '';
      expect(dir.endsWith(`/bin/${component}-${key}`)).toBe(true);
      expect(existsSync(join(dir, '.complete'))).toBe(true);
    }
  });

  it('cluster:status reports the running cluster, its kubeconfig and its nodes', async () => {
    const status = await script('status.sh');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`cluster "${name}": running`);
    expect(status.stdout).toContain(`kubeconfig: ${kubeconfig}`);
    expect(status.stdout).toMatch(/server: https:\/\/127\.0\.0\.1:\d+/);
    for (const node of ['kwok-node-0', 'kwok-node-1', 'kwok-node-2']) expect(status.stdout).toContain(node);
  });

  it('after the machine stops, cluster:up restarts the cluster with its state, and new pods run at once', async () => {
    await createStatefulSet('before', 'web');
    await readyReplicas('before', 'web');

    // What a reboot does: every component gone at once, no chance to clean up.
    const pidDir = join(dirname(kubeconfig), 'pids');
    const pids = readdirSync(pidDir).map((file) => Number(readFileSync(join(pidDir, file), 'utf8')));
    expect(pids).toHaveLength(6);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    await eventually(
      () => Promise.resolve(pids.some((pid) => existsSync(`/proc/${pid}`)) ? undefined : true),
      30_000,
      'the processes to be gone',
    );

    const stopped = await script('status.sh');
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toContain(`cluster "${name}": stopped`);

    const up = await script('up.sh');
    expect(up.code).toBe(0);
    expect(up.stderr).toContain(`starting the stopped cluster "${name}"`);
    expect(up.stdout.trim()).toBe(kubeconfig);

    // The state survived: the StatefulSet, its pods and its claims are still there.
    await readyReplicas('before', 'web');
    expect(await kubectl(['-n', 'before', 'get', 'pvc', '-o', 'name'])).toBe(
      'persistentvolumeclaim/data-web-0\npersistentvolumeclaim/data-web-1\n',
    );
    // The restarted kwok controller plays new pods without waiting out the dead one's node Leases.
    await createStatefulSet('after', 'web');
    await readyReplicas('after', 'web');
  });

  it('cluster:down deletes the cluster and its state; cluster:status then says so', async () => {
    const down = await script('down.sh');
    expect(down.code).toBe(0);
    expect(down.stderr).toContain(`deleted cluster "${name}"`);
    expect(existsSync(dirname(kubeconfig))).toBe(false);
    expect(existsSync(clusterFiles())).toBe(false);

    const status = await script('status.sh');
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(`cluster "${name}": not created`);
  });
});
