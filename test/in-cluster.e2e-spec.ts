import { CLUSTER_ROLE_BINDINGS } from '../src/kube';
import { CONFIG_MAPS, NAMESPACES } from '../src/kube';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import type { KubeObject } from '../src/kube';
import { tempDir } from './support/registry';
import { FIXTURE_PASSWORD } from './support/tenancy-fixture';
import { apiServerUrl, e2eKubeconfig, TestApp, testConfig, uniqueName } from './support/test-app';
import { workloadProject, WorkloadProject } from './support/workload-fixture';

const SERVICE_ACCOUNT_DIR = 'var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Berth inside a cluster: no KUBECONFIG, KUBERNETES_SERVICE_HOST/PORT set, and the service account's
 * token, CA and namespace in the files a Pod gets. The files are those of a real ServiceAccount (its
 * token from the TokenRequest API), under a temporary root instead of `/`.
 */
describe('in-cluster service account', () => {
  let admin: TestApp;
  let inCluster: TestApp;
  let w: WorkloadProject;
  const namespace = uniqueName('e2e-sa');
  const bindingName = uniqueName('e2e-berth-sa');
  const root = tempDir('berth-sa-');
  const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };

  beforeAll(async () => {
    admin = await TestApp.start();
    w = await workloadProject(admin, await admin.token());
    await admin.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    await admin.kube.create({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'berth', namespace },
    });
    // What the README asks of Berth's identity; cluster-admin covers it.
    await admin.kube.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: bindingName },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'berth', namespace }],
    } as KubeObject);
    const { stdout: token } = await promisify(execFile)('kubectl', [
      '--kubeconfig',
      e2eKubeconfig(),
      '-n',
      namespace,
      'create',
      'token',
      'berth',
      '--duration=10m',
    ]);
    const cluster = (
      parse(readFileSync(e2eKubeconfig(), 'utf8')) as {
        clusters: { cluster: { 'certificate-authority'?: string; 'certificate-authority-data'?: string } }[];
      }
    ).clusters[0].cluster;
    const ca = cluster['certificate-authority']
      ? readFileSync(cluster['certificate-authority'])
      : Buffer.from(cluster['certificate-authority-data'] ?? '', 'base64');
    const dir = join(root.path, SERVICE_ACCOUNT_DIR);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'token'), token.trim());
    writeFileSync(join(dir, 'ca.crt'), ca);
    writeFileSync(join(dir, 'namespace'), namespace);

    const server = new URL(apiServerUrl());
    process.env.KUBERNETES_SERVICE_HOST = server.hostname;
    process.env.KUBERNETES_SERVICE_PORT = server.port;
    inCluster = await TestApp.start(testConfig({ kube: { kind: 'in-cluster', root: root.path } }));
  });

  afterAll(async () => {
    await inCluster?.close();
    for (const [name, value] of [
      ['KUBERNETES_SERVICE_HOST', saved.host],
      ['KUBERNETES_SERVICE_PORT', saved.port],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await admin.kube.delete(CLUSTER_ROLE_BINDINGS.ref(bindingName));
    await admin.kube.delete(NAMESPACES.ref(namespace));
    await w.f.cleanUp();
    await admin.close();
    root.cleanUp();
  });

  it('talks to the API server as the service account', async () => {
    const review = await inCluster.kube.create<
      KubeObject & { status?: { userInfo?: { username?: string } } }
    >({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'SelfSubjectReview',
      metadata: {},
    });
    expect(review.status?.userInfo?.username).toBe(`system:serviceaccount:${namespace}:berth`);
    await inCluster.http().get('/readyz').expect(200);
  });

  it('serves signed-in users with that identity', async () => {
    const token = await inCluster.token(w.regular.username, FIXTURE_PASSWORD);
    const created = await inCluster
      .as(token)
      .post(`/api/v1/projects/${w.project}/configmaps`)
      .send({ name: 'from-in-cluster', data: [{ key: 'k', value: 'v' }] });
    expect(created.status).toBe(201);
    const cm = await admin.kube.get(CONFIG_MAPS.ref(w.project, 'from-in-cluster'));
    expect(cm.data).toEqual({ k: 'v' });
    expect(cm.metadata?.annotations?.['berth.io/creator']).toBe(w.regular.username);
  });
});
