import request from 'supertest';
import { CONTROLLER_REVISIONS, RESOURCE_QUOTAS, SERVICES } from '../src/kube';
import { ksContractProblems } from './support/ks-contract';
import { TestRegistry } from './support/registry';
import { eventually, TestApp, testConfig } from './support/test-app';
import {
  nginxStatefulSet,
  statefulSetIn,
  projectMember,
  waitForReady,
  workloadProject,
  type WorkloadProject,
} from './support/workload-fixture';

/** The fields of a Status body (or an OAuth error) the checks read. */
interface Answer {
  code?: string;
  status?: string;
  message?: string;
  error?: string;
}
const answer = (res: { body: unknown }): Answer => res.body as Answer;

const V1ALPHA2 = '/kapis/resources.kubesphere.io/v1alpha2';
const V1ALPHA3 = '/kapis/resources.kubesphere.io/v1alpha3';

/**
 * What KubeSphere's StatefulSet pages read beyond lists, as its console sends it: a revision record,
 * the project's quota, the create wizard's image lookups (Berth's image inspection, against a registry
 * on 127.0.0.1), the detail page's pod metrics (metrics-server's), the GPU kinds, and sign-out.
 * Answers are checked against ks-apiserver's own document where it has a schema that fits.
 */
describe('KubeSphere workload pages: revisions, quotas, images, metrics, sign-out', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let other: WorkloadProject;
  let viewer: { username: string; token: string };
  let registry: TestRegistry;

  const ks = (token: string, path: string) =>
    request(t.server).get(`/kube${path}`).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    registry = await TestRegistry.start();
    await registry.pushImage(
      'ks/web',
      {
        architecture: 'amd64',
        os: 'linux',
        created: '2026-01-02T03:04:05Z',
        config: { ExposedPorts: { '8080/tcp': {} }, Entrypoint: ['/web'], Env: ['MODE=prod'], User: '1000' },
      },
      ['1.0', '1.1'],
    );
    t = await TestApp.start(testConfig({ registries: { [registry.host]: { insecure: true } } }));
    const admin = await t.token();
    w = await workloadProject(t, admin);
    other = await workloadProject(t, admin);
    viewer = await projectMember(t, w, 'project-viewer');
    const res = await request(t.server)
      .post(`/kube/apis/apps/v1/namespaces/${w.project}/statefulsets`)
      .set('authorization', `Bearer ${w.regular.token}`)
      .send(nginxStatefulSet('web', 1));
    expect(res.status).toBe(201);
    // A second revision, as the console's redeploy makes it.
    const patched = await request(t.server)
      .patch(`/kube/apis/apps/v1/namespaces/${w.project}/statefulsets/web`)
      .set('authorization', `Bearer ${w.regular.token}`)
      .set('content-type', 'application/merge-patch+json')
      .send({
        spec: {
          template: { metadata: { annotations: { 'kubesphere.io/restartedAt': '2026-12-03T00:00:00Z' } } },
        },
      });
    expect(patched.status).toBe(200);
    await waitForReady(t.kube, w.project, 'web', 1);
    await t.kube.create({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute', namespace: w.project },
      spec: { hard: { 'limits.cpu': '4', pods: '10' } },
    });
  });

  afterAll(async () => {
    await w?.f.cleanUp();
    await other?.f.cleanUp();
    await t?.close();
    await registry?.stop();
  });

  it('answers a revision record as the ControllerRevision of that number, owned by the StatefulSet', async () => {
    const held = (await t.kube.list(CONTROLLER_REVISIONS, { namespace: w.project })).items;
    expect(held.map((r) => r.revision).sort()).toEqual([1, 2]);
    const res = await ks(viewer.token, `${V1ALPHA2}/namespaces/${w.project}/statefulsets/web/revisions/1`);
    expect(res.status).toBe(200);
    const first = held.find((r) => r.revision === 1)!;
    expect(res.body).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      revision: 1,
      metadata: { name: first.metadata?.name, uid: first.metadata?.uid },
    });
    // What the console's revision mapper reads: the recorded pod template.
    expect(res.body).toHaveProperty('data.spec.template');
    const missing = await ks(
      viewer.token,
      `${V1ALPHA2}/namespaces/${w.project}/statefulsets/web/revisions/9`,
    );
    expect([missing.status, answer(missing).code]).toEqual([404, 'NOT_FOUND']);
    const bad = await ks(viewer.token, `${V1ALPHA2}/namespaces/${w.project}/statefulsets/web/revisions/x1`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('revision');
    const hidden = await ks(
      other.regular.token,
      `${V1ALPHA2}/namespaces/${w.project}/statefulsets/web/revisions/1`,
    );
    expect(hidden.status).toBe(404);
  });

  it('answers the quota as the project’s ResourceQuota holds it, in ks-apiserver’s shape', async () => {
    const held = await eventually(async () => {
      const q = await t.kube.get(RESOURCE_QUOTAS.ref(w.project, 'compute'));
      return (q as { status?: { hard?: object } }).status?.hard ? q : undefined;
    });
    const res = await ks(viewer.token, `${V1ALPHA2}/namespaces/${w.project}/quotas`);
    expect(res.status).toBe(200);
    expect(
      ksContractProblems(res.body, {
        method: 'GET',
        path: '/kapis/resources.kubesphere.io/v1alpha2/namespaces/{namespace}/quotas',
      }),
    ).toEqual([]);
    const status = (held as { status: { hard: Record<string, string>; used: Record<string, string> } })
      .status;
    expect(res.body).toEqual({ namespace: w.project, data: { hard: status.hard, used: status.used } });
    expect((res.body as { data: { hard: object } }).data.hard).toEqual({ 'limits.cpu': '4', pods: '10' });
  });

  it('looks an image up for the wizard through Berth’s image inspection, and its tags', async () => {
    const image = `${registry.host}/ks/web:1.1`;
    const res = await ks(
      w.regular.token,
      `${V1ALPHA3}/namespaces/${w.project}/imageconfig?image=${encodeURIComponent(image)}&secret=`,
    );
    expect(res.status).toBe(200);
    expect(
      ksContractProblems(res.body, {
        method: 'GET',
        path: '/kapis/resources.kubesphere.io/v1alpha3/namespaces/{namespace}/imageconfig',
      }),
    ).toEqual([]);
    expect(res.body).toMatchObject({
      status: 'succeeded',
      registry: registry.host,
      imageTag: '1.1',
      created: '2026-01-02T03:04:05.000Z',
      config: { ExposedPorts: { '8080/tcp': {} }, Entrypoint: ['/web'], Env: ['MODE=prod'], User: '1000' },
      ConfigFile: { architecture: 'amd64', os: 'linux' },
    });
    const tags = await ks(
      w.regular.token,
      `${V1ALPHA3}/namespaces/${w.project}/repositorytags?repository=${encodeURIComponent(`${registry.host}/ks/web`)}&page=1&limit=10`,
    );
    expect(tags.status).toBe(200);
    expect(
      ksContractProblems(tags.body, {
        method: 'GET',
        path: '/kapis/resources.kubesphere.io/v1alpha3/namespaces/{namespace}/repositorytags',
      }),
    ).toEqual([]);
    expect(tags.body).toMatchObject({ registry: registry.host, tags: ['1.0', '1.1'], total: 2 });
    // A missing image: a Status body whose message the wizard shows.
    const missing = await ks(
      w.regular.token,
      `${V1ALPHA3}/namespaces/${w.project}/imageconfig?image=${encodeURIComponent(`${registry.host}/ks/none:1`)}`,
    );
    expect([missing.status, answer(missing).status]).toEqual([404, 'failed']);
    expect(answer(missing).message).toContain('not found');
    const unnamed = await ks(w.regular.token, `${V1ALPHA3}/namespaces/${w.project}/imageconfig`);
    expect(unnamed.status).toBe(400);
    expect(answer(unnamed).message).toContain('image');
    const hidden = await ks(
      other.regular.token,
      `${V1ALPHA3}/namespaces/${w.project}/imageconfig?image=${encodeURIComponent(image)}`,
    );
    expect(hidden.status).toBe(404);
  });

  it('answers pod metrics with metrics-server’s CPU and memory, by the names the detail page asks', async () => {
    const path = `/kapis/monitoring.kubesphere.io/v1alpha3/namespaces/${w.project}/pods?cluster=default&ownerKind=StatefulSet&labelSelector=app%3Dweb&start=1796153176&end=1796154976&step=60s&times=30&resources_filter=web-0%24&metrics_filter=pod_cpu_usage%7Cpod_memory_usage_wo_cache%24`;
    interface Metrics {
      results: {
        metric_name: string;
        data: { resultType: string; result: { metric: { pod: string }; values: [number, string][] }[] };
      }[];
    }
    const body = await eventually(
      async () => {
        const res = await ks(viewer.token, path);
        expect(res.status).toBe(200);
        const metrics = res.body as Metrics;
        return metrics.results.every((r) => r.data.result.length === 1) ? metrics : undefined;
      },
      130_000,
      'pod metrics',
    );
    expect(
      ksContractProblems(body, {
        method: 'GET',
        path: '/kapis/monitoring.kubesphere.io/v1alpha3/namespaces/{namespace}/pods',
      }),
    ).toEqual([]);
    expect(body.results.map((r) => r.metric_name)).toEqual(['pod_cpu_usage', 'pod_memory_usage_wo_cache']);
    for (const r of body.results) {
      expect(r.data.resultType).toBe('matrix');
      expect(r.data.result[0].metric.pod).toBe('web-0');
      expect(Number(r.data.result[0].values[0][1])).toBeGreaterThan(0);
    }
    const hidden = await ks(other.regular.token, path);
    expect(hidden.status).toBe(404);
  });

  it('answers a workspace’s project metrics for the projects the caller sees, as its projects page asks', async () => {
    const hidden = await w.f.project(w.workspace);
    const filters = `metrics_filter=${encodeURIComponent('namespace_cpu_usage|namespace_memory_usage_wo_cache|namespace_pod_count$')}&resources_filter=${encodeURIComponent(`${w.project}|${hidden}$`)}`;
    const path = `/kapis/monitoring.kubesphere.io/v1alpha3/workspaces/${w.workspace}/namespaces?${filters}`;
    interface Metrics {
      results: {
        metric_name: string;
        data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
      }[];
    }
    const body = await eventually(
      async () => {
        const res = await ks(viewer.token, path);
        expect(res.status).toBe(200);
        const metrics = res.body as Metrics;
        return metrics.results.every((r) => Number(r.data.result[0]?.value[1]) > 0) ? metrics : undefined;
      },
      130_000,
      'namespace metrics',
    );
    // The document types an instant `value` as a string; ks-apiserver's Point marshals as
    // [time, "value"], which is what the console reads (`value[1]`).
    const problems = ksContractProblems(body, {
      method: 'GET',
      path: '/kapis/monitoring.kubesphere.io/v1alpha3/workspaces/{workspace}/namespaces',
    });
    expect(problems.filter((p) => !/\/value must be string$/.test(p))).toEqual([]);
    expect(body.results.map((r) => r.metric_name)).toEqual([
      'namespace_cpu_usage',
      'namespace_memory_usage_wo_cache',
      'namespace_pod_count',
    ]);
    for (const r of body.results) {
      expect(r.data.resultType).toBe('vector');
      // The hidden project of the same workspace is not measured for the viewer.
      expect(r.data.result.map((series) => series.metric)).toEqual([
        { namespace: w.project, workspace: w.workspace },
      ]);
    }
    expect(body.results[2].data.result[0].value[1]).toBe('1');
    expect((await ks(other.regular.token, path)).status).toBe(404);
  });

  it('answers the workspace overview: its counts, and its usage over the projects the caller sees', async () => {
    const base = `/kapis/monitoring.kubesphere.io/v1alpha3/workspaces/${w.workspace}`;
    interface Metrics {
      results: { metric_name: string; data: { resultType: string; result: { value: [number, string] }[] } }[];
    }
    const value = (body: Metrics, name: string) =>
      body.results.find((r) => r.metric_name === name)?.data.result[0]?.value[1];
    const contract = (body: unknown) =>
      ksContractProblems(body, {
        method: 'GET',
        path: '/kapis/monitoring.kubesphere.io/v1alpha3/workspaces/{workspace}',
      }).filter((p) => !/\/value must be string$/.test(p));

    const statistics = await ks(viewer.token, `${base}?type=statistics`);
    expect(statistics.status).toBe(200);
    expect(contract(statistics.body)).toEqual([]);
    const counts = statistics.body as Metrics;
    // The workspace has two projects (one made by the test before), of which the viewer sees one.
    expect(value(counts, 'workspace_namespace_count')).toBe('1');
    const members = await t.as(await t.token()).get(`/api/v1/workspaces/${w.workspace}/members?limit=500`);
    expect(value(counts, 'workspace_member_count')).toBe(
      String((members.body as { totalItems: number }).totalItems),
    );
    expect(value(counts, 'workspace_role_count')).toBe('4');
    expect(value(counts, 'workspace_devops_project_count')).toBe('0');

    const filter = encodeURIComponent(
      'workspace_cpu_usage|workspace_memory_usage_wo_cache|workspace_pod_count$',
    );
    const usage = await eventually(
      async () => {
        const res = await ks(viewer.token, `${base}?metrics_filter=${filter}`);
        expect(res.status).toBe(200);
        const body = res.body as Metrics;
        return Number(value(body, 'workspace_cpu_usage')) > 0 ? body : undefined;
      },
      130_000,
      'workspace metrics',
    );
    expect(contract(usage)).toEqual([]);
    expect(usage.results.map((r) => [r.metric_name, r.data.resultType])).toEqual([
      ['workspace_cpu_usage', 'vector'],
      ['workspace_memory_usage_wo_cache', 'vector'],
      ['workspace_pod_count', 'vector'],
    ]);
    expect(Number(value(usage, 'workspace_memory_usage_wo_cache'))).toBeGreaterThan(0);
    expect(value(usage, 'workspace_pod_count')).toBe('1');
    // Application resources: the kinds Berth keeps, counted in the projects the viewer sees.
    const kinds = encodeURIComponent(
      'workspace_deployment_count|workspace_statefulset_count|workspace_pvc_count|workspace_service_count|workspace_pod_running_count$',
    );
    const objects = await ks(
      viewer.token,
      `${base}?start=1796337727&end=1796424127&step=3600s&times=24&metrics_filter=${kinds}`,
    );
    expect(objects.status).toBe(200);
    expect(contract(objects.body)).toEqual([]);
    const counted = objects.body as {
      results: { metric_name: string; data: { result: { values: [number, string][] }[] } }[];
    };
    const countOf = (name: string) =>
      counted.results.find((r) => r.metric_name === name)?.data.result[0]?.values[0][1];
    // No Deployments in Berth: that line is left out rather than drawn as zero.
    expect(counted.results.map((r) => r.metric_name)).toEqual([
      'workspace_statefulset_count',
      'workspace_pvc_count',
      'workspace_service_count',
      'workspace_pod_running_count',
    ]);
    const inProject = async (path: string) =>
      (
        (await t.as(viewer.token).get(`/api/v1/projects/${w.project}/${path}?limit=500`)).body as {
          totalItems: number;
        }
      ).totalItems;
    expect(countOf('workspace_statefulset_count')).toBe(String(await inProject('statefulsets')));
    expect(countOf('workspace_pvc_count')).toBe(String(await inProject('volumes')));
    const services = await t.kube.list(SERVICES, { namespace: w.project });
    expect(countOf('workspace_service_count')).toBe(String(services.items.length));
    expect(countOf('workspace_pod_running_count')).toBe('1');
    for (const query of ['type=statistics', `metrics_filter=${filter}`, `metrics_filter=${kinds}`])
      expect((await ks(other.regular.token, `${base}?${query}`)).status).toBe(404);
  });

  it('offers no GPU kinds to a signed-in user, and nothing without a token', async () => {
    const res = await ks(w.regular.token, '/kapis/config.kubesphere.io/v1alpha2/configs/gpu/kinds');
    expect([res.status, res.body]).toEqual([200, []]);
    const anonymous = await request(t.server).get(
      '/kube/kapis/config.kubesphere.io/v1alpha2/configs/gpu/kinds',
    );
    expect(anonymous.status).toBe(401);
  });

  it('signs out with the access token alone: the session can no longer be refreshed', async () => {
    const { username, password } = await w.f.user();
    const session = await t.signIn(username, password);
    const out = await ks(session.access_token, '/oauth/logout');
    expect([out.status, out.body]).toEqual([200, { message: 'success' }]);
    const refresh = await request(t.server).post('/kube/oauth/token').type('form').send({
      grant_type: 'refresh_token',
      refresh_token: session.refresh_token,
      client_id: 'kubesphere',
      client_secret: 'kubesphere',
    });
    expect([refresh.status, answer(refresh).error]).toEqual([400, 'invalid_grant']);
    expect((await request(t.server).get('/kube/oauth/logout')).status).toBe(401);
    // Another session of the same user goes on.
    const second = await t.signIn(username, password);
    const still = await request(t.server)
      .post('/kube/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: second.refresh_token });
    expect(still.status).toBe(200);
  });

  it('rolls back as the console does (a merge patch with $patch: replace), undoing a redeploy', async () => {
    const path = `/kube/apis/apps/v1/namespaces/${w.project}/statefulsets/web`;
    const first = await eventually(async () => {
      const { items } = await t.kube.list(CONTROLLER_REVISIONS, { namespace: w.project });
      return items.find((r) => r.revision === 1);
    });
    const template = (first.data as { spec: { template: object } }).spec.template;
    const res = await request(t.server)
      .patch(path)
      .set('authorization', `Bearer ${w.regular.token}`)
      .set('content-type', 'application/merge-patch+json')
      .send({ spec: { template: { $patch: 'replace', ...template } } });
    expect(res.status).toBe(200);
    const set = await statefulSetIn(t.kube, w.project, 'web');
    // The redeploy's annotation is gone: the template is revision 1's again.
    expect(set.spec?.template.metadata?.annotations?.['kubesphere.io/restartedAt']).toBeUndefined();
    const rolledBack = await eventually(async () => {
      const current = await statefulSetIn(t.kube, w.project, 'web');
      return current.status?.updateRevision === first.metadata?.name ? current : undefined;
    });
    expect(rolledBack.status?.updateRevision).toBe(first.metadata?.name);
  });
});
