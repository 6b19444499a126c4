import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fetch } from 'undici';
import { builtBinary } from './support/built-binaries';
import { tempDir, TestRegistry } from './support/registry';
import { freePort } from './support/sockets';
import { ADMIN, e2eKubeconfig, TestApp, testConfig } from './support/test-app';
import { workloadProject, type WorkloadProject } from './support/workload-fixture';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/**
 * Berth's OCI image, built without a daemon (deploy/image/build.sh, with crane), pushed to a registry
 * on 127.0.0.1, described by Berth's own image inspection, unpacked, and Berth started from its files
 * (with the image's own loader and C libraries, as the image's user when the tests run as root).
 */
describe('the container image', () => {
  let registry: TestRegistry;
  let t: TestApp;
  let w: WorkloadProject;
  let ref: string;
  const unpacked = tempDir('berth-image-');

  beforeAll(async () => {
    registry = await TestRegistry.start();
    t = await TestApp.start(testConfig({ registries: { [registry.host]: { insecure: true } } }));
    w = await workloadProject(t, await t.token());
    ref = `${registry.host}/berth:0.1.0`;
    await run('bash', [join(ROOT, 'deploy', 'image', 'build.sh'), ref, '--insecure'], { timeout: 300_000 });
  }, 360_000);

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
    await registry.stop();
    unpacked.cleanUp();
  });

  it("Berth's image inspection reads its entrypoint, user, working directory, ports and platform", async () => {
    const res = await t
      .as(w.regular.token)
      .get(`/api/v1/projects/${w.project}/images/inspect`)
      .query({ image: ref });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      platform: 'linux/amd64',
      entrypoint: ['/usr/local/bin/node', 'dist/main.js'],
      user: '10001:10001',
      workingDir: '/app',
      ports: [
        { containerPort: 3000, protocol: 'TCP' },
        { containerPort: 9464, protocol: 'TCP' },
      ],
    });
    expect((res.body as { env: { name: string; value: string }[] }).env).toContainEqual({
      name: 'HOST',
      value: '0.0.0.0',
    });
  });

  it('holds the compiled service and production dependencies only, owned by root', async () => {
    const crane = builtBinary('crane');
    const tar = join(unpacked.path, 'image.tar');
    await run('bash', ['-c', `"$0" --insecure export "$1" "$2"`, crane, ref, tar], { timeout: 120_000 });
    const { stdout: listing } = await run('tar', ['--numeric-owner', '-tvf', tar], {
      maxBuffer: 256 * 1024 * 1024,
    });
    const owners = new Set(
      listing
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/\s+/)[1]),
    );
    expect([...owners]).toEqual(['0/0']);
    const root = join(unpacked.path, 'root');
    await run('mkdir', ['-p', root]);
    await run('tar', ['-xf', tar, '-C', root]);
    chmodSync(unpacked.path, 0o755);
    expect(existsSync(join(root, 'app', 'dist', 'main.js'))).toBe(true);
    expect(existsSync(join(root, 'usr', 'local', 'bin', 'node'))).toBe(true);
    const modules = readdirSync(join(root, 'app', 'node_modules'));
    expect(modules).toContain('@nestjs');
    for (const dev of ['jest', 'ts-jest', 'eslint', 'prettier', 'supertest', 'node'])
      expect(modules).not.toContain(dev);
    expect(statSync(join(root, 'app', 'dist', 'main.js')).mode & 0o022).toBe(0);
  }, 180_000);

  it('starts Berth from the unpacked files, which serves and signs in', async () => {
    const root = join(unpacked.path, 'root');
    // A kubeconfig with its credentials inlined, readable by the image's user.
    const { stdout: kubeconfig } = await run('kubectl', [
      '--kubeconfig',
      e2eKubeconfig(),
      'config',
      'view',
      '--raw',
      '--flatten',
    ]);
    const kubeconfigFile = join(unpacked.path, 'kubeconfig');
    writeFileSync(kubeconfigFile, kubeconfig, { mode: 0o644 });
    const port = await freePort();
    const libraries = ['lib/x86_64-linux-gnu', 'usr/lib/x86_64-linux-gnu']
      .map((d) => join(root, d))
      .join(':');
    const asImageUser = process.getuid?.() === 0 ? { uid: 10001, gid: 10001 } : {};
    const child: ChildProcess = spawn(
      join(root, 'lib64', 'ld-linux-x86-64.so.2'),
      ['--library-path', libraries, join(root, 'usr', 'local', 'bin', 'node'), 'dist/main.js'],
      {
        cwd: join(root, 'app'),
        env: {
          PATH: '/usr/local/bin:/usr/bin:/bin',
          NODE_ENV: 'production',
          KUBECONFIG: kubeconfigFile,
          // Loopback only here (the image's own default, 0.0.0.0, is for a Pod).
          HOST: '127.0.0.1',
          PORT: String(port),
          BERTH_METRICS_PORT: 'off',
          BERTH_ADMIN_USERNAME: ADMIN.username,
          BERTH_AUDIT_SINK: 'off',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...asImageUser,
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('Listening on')) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`Berth did not start:\n${output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const signIn = await fetch(`http://127.0.0.1:${port}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password', username: ADMIN.username, password: ADMIN.password }),
      });
      expect(signIn.status).toBe(200);
      // Not a terminal: JSON lines, no colour codes.
      expect(output).not.toContain('\u001b[');
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      if (asImageUser.uid) expect(status).toMatch(/^Uid:\s+10001\s/m);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
