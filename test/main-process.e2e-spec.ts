import { NODES } from '../src/kube';
import { ACCOUNTS } from '../src/iam/resources';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fetch } from 'undici';
import { silentServer } from './support/registry';
import { boundSockets, freePort, isLoopback, processTree } from './support/sockets';
import { e2eKubeconfig, TestApp, uniqueName } from './support/test-app';
import { WorkloadProject, workloadProject } from './support/workload-fixture';
const ROOT = join(__dirname, '..');
const CLUSTER_PIDS = join(e2eKubeconfig(), '..', 'pids');
const CONTROL_PLANE = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kwok-controller',
  'metrics-server',
];

/** A Berth process started the way a user starts it, with its output collected. */
class Service {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static start(command: string, args: string[], env: NodeJS.ProcessEnv, port: number): Service {
    return new Service(spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }), port);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Resolves once the service listens; fails with its output when it exits first. */
  async listening(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (!/Listening on http:\/\/127\.0\.0\.1:\d+/.test(this.output)) {
      if (exited || Date.now() > deadline)
        throw new Error(`the service did not start:\n${this.output.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The node process serving (npm start runs it under npm and a shell). */
  nodePid(): number {
    const pid = processTree(this.child.pid!).find((p) => {
      try {
        // node itself, not the shell that npm runs `nest build && node dist/main.js` in
        const [command, script] = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
        return /(^|\/)node$/.test(command) && script === 'dist/main.js';
      } catch {
        return false;
      }
    });
    if (!pid) throw new Error('no node process runs dist/main.js');
    return pid;
  }
}

/** The environment of a newcomer: no KUBECONFIG, no admin password, nothing from the e2e run. */
function freshEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'KUBECONFIG',
    'KUBERNETES_SERVICE_HOST',
    'BERTH_ADMIN_PASSWORD',
    'BERTH_E2E_KUBECONFIG',
  ])
    delete env[name];
  return { ...env, ...extra };
}

async function signIn(service: Service, username: string, password: string): Promise<string> {
  const res = await fetch(service.url('/oauth/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

// The README's run command, `npm start`, as a process: this is the no-KUBECONFIG path, so it runs on
// the local control plane the e2e run uses (BERTH_CLUSTER_NAME, set by the global setup, names it;
// cluster/up.sh finds it running and answers at once).
describe('npm start (the README run command)', () => {
  let t: TestApp;
  let service: Service;
  let metricsPort: number;
  let w: WorkloadProject;
  // A registry that never answers: a request to it stays in flight until Berth's registry timeout.
  let silent: Awaited<ReturnType<typeof silentServer>>;
  const admin = uniqueName('first-admin');

  beforeAll(async () => {
    t = await TestApp.start();
    w = await workloadProject(t, await t.token());
    silent = await silentServer();
    const port = await freePort();
    metricsPort = await freePort();
    service = Service.start(
      'npm',
      ['start'],
      freshEnv({
        PORT: String(port),
        BERTH_METRICS_PORT: String(metricsPort),
        BERTH_ADMIN_USERNAME: admin,
        BERTH_REGISTRIES: JSON.stringify({ [silent.host]: { insecure: true } }),
        BERTH_REGISTRY_TIMEOUT_MS: '3000',
      }),
      port,
    );
    await service.listening(150_000);
  }, 180_000);

  afterAll(async () => {
    // npm does not pass SIGKILL on: end the whole tree, or node would outlive the test.
    for (const pid of processTree(service.child.pid!).reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await t.kube.delete(ACCOUNTS.ref(admin)).catch(() => undefined);
    await silent.stop();
    await w.f.cleanUp();
    await t.close();
  });

  const printedPassword = () =>
    new RegExp(`Platform admin: ${admin}\\s+Password:\\s+(\\S+)`).exec(service.output)?.[1] ?? null;

  it('without KUBECONFIG it uses the local control plane, says where, and prints the first admin password once', async () => {
    expect(service.output).toContain(`Local control plane is up; kubeconfig: ${e2eKubeconfig()}`);
    expect(printedPassword()).not.toBeNull();
    const token = await signIn(service, admin, printedPassword()!);

    const res = await fetch(service.url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ cluster { nodes { name ready } } }' }),
    });
    const body = (await res.json()) as { data: { cluster: { nodes: { ready: boolean }[] } } };
    expect(body.data.cluster.nodes.filter((n) => n.ready).length).toBeGreaterThanOrEqual(3);
  });

  it('serves Prometheus metrics on their own port, and JSON log lines', async () => {
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('berth_process_cpu_seconds_total');
    const listening = service.output.split('\n').find((l) => l.includes('Listening on http://'));
    expect(JSON.parse(listening!)).toMatchObject({ level: 'info', context: 'Berth' });
  });

  it('serves the OpenAPI document and its UI at /api/docs', async () => {
    const ui = await fetch(service.url('/api/docs'));
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ui.text()).toContain('swagger');
    const doc = await fetch(service.url('/api/docs/openapi.json'));
    expect(doc.status).toBe(200);
    const served = (await doc.json()) as { paths: Record<string, unknown> };
    const committed = JSON.parse(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8')) as typeof served;
    expect(Object.keys(served.paths).sort()).toEqual(Object.keys(committed.paths).sort());
  });

  it('kubectl works with the printed kubeconfig', async () => {
    const { stdout } = await promisify(execFile)('kubectl', [
      '--kubeconfig',
      e2eKubeconfig(),
      'get',
      'nodes,storageclasses,pods',
      '-A',
    ]);
    expect(stdout).toMatch(/node\/kwok-node-0\s+Ready/);
    expect(stdout).toMatch(/storageclass\.storage\.k8s\.io\/kwok-volume \(default\)/);
  });

  it('every socket of the control plane and of Berth is bound to 127.0.0.1; nodes answer on 127.0.0.1', async () => {
    const pids = CONTROL_PLANE.map((name) => Number(readFileSync(join(CLUSTER_PIDS, `${name}.pid`), 'utf8')));
    const controlPlane = boundSockets(pids);
    // Each component listens somewhere (the check sees their sockets), and only on loopback.
    expect(new Set(controlPlane.map((s) => s.pid))).toEqual(new Set(pids));
    expect(controlPlane.filter((s) => !isLoopback(s.address))).toEqual([]);

    const berth = boundSockets(processTree(service.child.pid!));
    expect(berth).toContainEqual(expect.objectContaining({ address: '127.0.0.1', port: service.port }));
    expect(berth.filter((s) => !isLoopback(s.address))).toEqual([]);

    const nodes = (await t.kube.list(NODES)).items;
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    for (const node of nodes)
      expect(node.status?.addresses?.filter((a) => a.type !== 'Hostname')).toEqual([
        { type: 'InternalIP', address: '127.0.0.1' },
      ]);
  });

  it('a second start with the same admin prints no password', async () => {
    const port = await freePort();
    const again = Service.start(
      process.execPath,
      ['dist/main.js'],
      freshEnv({ PORT: String(port), BERTH_ADMIN_USERNAME: admin, BERTH_METRICS_PORT: 'off' }),
      port,
    );
    try {
      await again.listening(60_000);
      expect(again.output).not.toContain('Password:');
    } finally {
      again.child.kill('SIGKILL');
      await again.exited;
    }
  });

  it('SIGTERM: it answers the request in flight, then stops listening and exits promptly', async () => {
    const pid = service.nodePid();
    const token = await signIn(service, admin, printedPassword()!);
    const inFlight = fetch(
      service.url(`/api/v1/projects/${w.project}/images/inspect?image=${silent.host}/team/app:1`),
      { headers: { authorization: `Bearer ${token}` } },
    );
    // Berth has connected to the registry: the request is past routing, auth and access checks.
    await silent.connected;
    process.kill(pid, 'SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'UNAVAILABLE' });
    const exit = await Promise.race([
      service.exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
    ]);
    expect(exit).not.toBe('timeout');
    await expect(fetch(service.url('/healthz'))).rejects.toThrow();
    expect(service.output).not.toMatch(/ERROR|Unhandled|\n\s+at /);
  });

  it('npm run admin:reset-password recovers a lost admin password: printed once, old password and tokens ended', async () => {
    const before = await t.token(admin, printedPassword()!);
    const reset = Service.start(
      'npm',
      ['run', '--silent', 'admin:reset-password'],
      freshEnv({ BERTH_ADMIN_USERNAME: admin }),
      0,
    );
    expect(await reset.exited).toEqual({ code: 0, signal: null });
    const found = [...reset.output.matchAll(/Password: (\S+)/g)].map((m) => m[1]);
    expect(found).toHaveLength(1);
    const [password] = found;
    expect(reset.output).not.toContain(printedPassword()!);
    expect((await t.as(before).get('/api/v1/me')).status).toBe(401);
    await expect(t.signIn(admin, printedPassword()!)).rejects.toThrow(/401|400/);
    const after = await t.token(admin, password);
    expect((await t.as(after).get('/api/v1/me')).body).toMatchObject({
      username: admin,
      platformRole: 'platform-admin',
    });

    // A start with BERTH_ADMIN_PASSWORD set now says it is ignored (it chose only the first password).
    const port = await freePort();
    const warned = Service.start(
      process.execPath,
      ['dist/main.js'],
      freshEnv({
        PORT: String(port),
        BERTH_ADMIN_USERNAME: admin,
        BERTH_ADMIN_PASSWORD: 'Another-Passw0rd',
        BERTH_METRICS_PORT: 'off',
      }),
      port,
    );
    try {
      await warned.listening(60_000);
      expect(warned.output).toContain('BERTH_ADMIN_PASSWORD is not');
      expect(warned.output).toContain('admin:reset-password');
      expect(warned.output).not.toContain('Another-Passw0rd');
    } finally {
      warned.child.kill('SIGKILL');
      await warned.exited;
    }
    await t.signIn(admin, password); // still the reset one
  });

  it('admin:reset-password refuses a bad or unknown username by name, changing nothing', async () => {
    for (const [name, message] of [
      ['Not_A_Name', 'username:'],
      [uniqueName('nobody'), 'not found'],
    ]) {
      const run = Service.start(process.execPath, ['dist/reset-password.js', name], freshEnv({}), 0);
      expect(await run.exited).toEqual({ code: 1, signal: null });
      expect(run.output).toContain(message);
      expect(run.output).not.toContain('Password:');
      expect(run.output).not.toMatch(/\n\s+at /);
    }
  });

  it('on a Node older than 24 it stops at once, naming the version it needs and how to run it', async () => {
    // Debian's own Node (20 on these machines); npm ci brings Berth's Node 24 into node_modules.
    const system = '/usr/bin/node';
    const version = (await promisify(execFile)(system, ['--version'])).stdout.trim();
    const old = Service.start(system, ['dist/main.js'], freshEnv({ PORT: '0' }), 0);
    const exit = await old.exited;
    if (Number(/^v(\d+)/.exec(version)?.[1]) < 24) {
      expect(exit).toEqual({ code: 1, signal: null });
      expect(old.output).toContain(`Berth needs Node.js 24 or newer; this is Node.js ${version.slice(1)}`);
      expect(old.output).toContain('npm start');
      expect(old.output).not.toMatch(/\n\s+at /);
    } else {
      // A newer system Node passes the check and fails only on the bad port.
      expect(old.output).not.toContain('Berth needs Node.js');
    }
  });

  it('bad configuration stops it at once, naming each bad variable', async () => {
    const bad = Service.start(
      process.execPath,
      ['dist/main.js'],
      freshEnv({
        PORT: '99999',
        BERTH_ADMIN_USERNAME: 'Not_A_Label',
        BERTH_REGISTRY_TIMEOUT_MS: 'soon',
        KUBECONFIG: '/nonexistent/kubeconfig',
      }),
      0,
    );
    expect(await bad.exited).toEqual({ code: 1, signal: null });
    for (const name of ['PORT', 'BERTH_ADMIN_USERNAME', 'BERTH_REGISTRY_TIMEOUT_MS', 'KUBECONFIG'])
      expect(bad.output).toContain(name);
    expect(bad.output).not.toMatch(/\n\s+at /); // no stack trace
  });
});
