import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { CONFIG_MAPS, STATEFUL_SETS } from '../src/kube';
import { eventually, TestApp } from './support/test-app';
import { builtBinary } from './support/built-binaries';
import { waitForReady, workloadProject, type WorkloadProject } from './support/workload-fixture';

const run = promisify(execFile);

const MANIFEST = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: applied
  labels: { app: applied }
spec:
  replicas: 1
  serviceName: applied
  selector: { matchLabels: { app: applied } }
  template:
    metadata: { labels: { app: applied } }
    spec:
      containers: [{ name: web, image: "nginx:1.27" }]
`;

/**
 * kubectl against Berth's Kubernetes API path with a Berth API token, as a user's automation would:
 * it works in the user's own project and is refused in another tenant's.
 */
describe('kubectl through the Kubernetes API path', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let other: WorkloadProject;
  let dir: string;
  let kubectl: (...args: string[]) => Promise<string>;
  let binary: string;
  let env: NodeJS.ProcessEnv;
  let front: Server;

  beforeAll(async () => {
    binary = builtBinary('kubectl');
    dir = mkdtempSync(join(tmpdir(), 'berth-kubectl-'));
    // kubectl sends credentials only over TLS: Berth behind a TLS front, as it is deployed, here a
    // server on 127.0.0.1 with a certificate of its own serving Berth's own request handler.
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-keyout', join(dir, 'tls.key'), '-out', join(dir, 'tls.crt'), '-days', '1'],
        ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      ],
      { stdio: 'ignore' },
    );
    t = await TestApp.start();
    const admin = await t.token();
    w = await workloadProject(t, admin);
    other = await workloadProject(t, admin);
    const certificate = readFileSync(join(dir, 'tls.crt'));
    front = createServer(
      { key: readFileSync(join(dir, 'tls.key')), cert: certificate },
      t.app.getHttpAdapter().getInstance() as RequestListener,
    );
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    // The kubeconfig as a user gets it from Berth (REST; GraphQL's createKubeconfig is the same
    // service), naming the TLS front; the front's own CA is added, as an operator's would be known.
    const created = await t
      .as(w.regular.token)
      .post('/api/v1/kubeconfig')
      .send({
        name: 'kubectl',
        scope: 'read-write',
        server: `https://127.0.0.1:${(front.address() as AddressInfo).port}`,
      });
    expect(created.status).toBe(201);
    const config = parse((created.body as { kubeconfig: string }).kubeconfig) as {
      clusters: { cluster: Record<string, string> }[];
    };
    config.clusters[0].cluster['certificate-authority-data'] = certificate.toString('base64');
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, JSON.stringify(config));
    writeFileSync(join(dir, 'statefulset.yaml'), MANIFEST);
    // Its own cache directory: discovery is fetched through Berth, not read from an earlier run.
    env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig };
    kubectl = async (...args) => (await run(binary, args, { env, timeout: 60_000 })).stdout;
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await other.f.cleanUp();
    await new Promise((resolve) => front.close(resolve));
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies server-side, gets, scales, restarts and undoes a rollout; the cluster holds each', async () => {
    await kubectl('apply', '--server-side', '-f', join(dir, 'statefulset.yaml'));
    // Applied server-side: the API server itself records kubectl as the fields' manager.
    const applied = await t.kube.direct().get(STATEFUL_SETS.ref(w.project, 'applied'));
    expect(applied.metadata?.managedFields?.map((f) => [f.manager, f.operation])).toContainEqual([
      'kubectl',
      'Apply',
    ]);
    expect(await kubectl('get', 'statefulsets', '-o', 'name')).toContain('statefulset.apps/applied');

    await kubectl('scale', 'statefulset/applied', '--replicas=2');
    expect((await t.kube.get(STATEFUL_SETS.ref(w.project, 'applied'))).spec?.replicas).toBe(2);

    await kubectl('set', 'image', 'statefulset/applied', 'web=nginx:1.28');
    await kubectl('rollout', 'restart', 'statefulset/applied');
    const restarted = await t.kube.get(STATEFUL_SETS.ref(w.project, 'applied'));
    expect(
      restarted.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
    ).toBeDefined();

    // Undo needs the controller's revisions of the two templates.
    await eventually(async () => {
      const history = await kubectl('rollout', 'history', 'statefulset/applied');
      return history.split('\n').filter((line) => /^\d+\s/.test(line)).length >= 3 ? true : undefined;
    });
    await kubectl('rollout', 'undo', 'statefulset/applied', '--to-revision=1');
    const undone = await t.kube.get(STATEFUL_SETS.ref(w.project, 'applied'));
    expect(undone.spec?.template.spec?.containers[0].image).toBe('nginx:1.27');
  });

  it('follows a container log and watches a list', async () => {
    await waitForReady(t.kube, w.project, 'applied', 2);
    expect(await kubectl('logs', 'applied-0')).not.toBe('');

    const follow = spawn(binary, ['logs', '-f', 'applied-0'], { env });
    const watch = spawn(binary, ['get', 'configmaps', '--watch', '-o', 'name'], { env });
    const out = { follow: '', watch: '' };
    follow.stdout.on('data', (chunk: Buffer) => (out.follow += chunk.toString()));
    watch.stdout.on('data', (chunk: Buffer) => (out.watch += chunk.toString()));
    try {
      await eventually(() => Promise.resolve(out.follow.length > 0 ? true : undefined));
      await eventually(() => Promise.resolve(out.watch.includes('configmap/') ? true : undefined));
      await kubectl('create', 'configmap', 'watched-by-kubectl', '--from-literal=a=1');
      await eventually(() =>
        Promise.resolve(out.watch.includes('configmap/watched-by-kubectl') ? true : undefined),
      );
      // Both are still streaming: neither ended on its own.
      expect([follow.exitCode, watch.exitCode]).toEqual([null, null]);
    } finally {
      follow.kill();
      watch.kill();
    }
    expect((await t.kube.get(CONFIG_MAPS.ref(w.project, 'watched-by-kubectl'))).data).toEqual({ a: '1' });
  });

  it('is refused in another tenant’s project exactly as in one that does not exist', async () => {
    const refusal = async (namespace: string) => {
      try {
        await kubectl('get', 'pods', '-n', namespace);
        return 'allowed';
      } catch (error) {
        return (error as { stderr: string }).stderr.trim();
      }
    };
    expect(await refusal(other.project)).toContain(`namespaces "${other.project}" not found`);
    expect(await refusal('no-such-project')).toBe(
      (await refusal(other.project)).replaceAll(other.project, 'no-such-project'),
    );
    await expect(kubectl('delete', 'statefulset', 'x', '-n', other.project)).rejects.toMatchObject({
      stderr: expect.stringContaining('not found') as unknown,
    });
  });
});
