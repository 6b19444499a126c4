import { CLUSTER_ROLE_BINDINGS } from '../src/kube';
import { CONFIG_MAPS, NAMESPACES } from '../src/kube';
import type { KubeObject } from '../src/kube';
import { podIdentity } from './support/service-account';
import { FIXTURE_PASSWORD } from './support/tenancy-fixture';
import { TestApp, testConfig, uniqueName } from './support/test-app';
import { workloadProject, WorkloadProject } from './support/workload-fixture';

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
  let identity: Awaited<ReturnType<typeof podIdentity>> | undefined;

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
    identity = await podIdentity(namespace, 'berth');
    inCluster = await TestApp.start(testConfig({ kube: { kind: 'in-cluster', root: identity.root } }));
  });

  afterAll(async () => {
    await inCluster?.close();
    identity?.restore();
    await admin.kube.delete(CLUSTER_ROLE_BINDINGS.ref(bindingName));
    await admin.kube.delete(NAMESPACES.ref(namespace));
    await w.f.cleanUp();
    await admin.close();
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
