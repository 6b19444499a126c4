import request from 'supertest';
import { MetricsServer } from '../src/health/metrics.server';
import { FIXTURE_PASSWORD } from './support/tenancy-fixture';
import { TestApp, testConfig } from './support/test-app';
import { workloadProject, type WorkloadProject } from './support/workload-fixture';

/** One sample's value in Prometheus' text format (0 when the series does not exist yet). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const inside = /\{(.*)\}/.exec(line)?.[1] ?? '';
    if (wanted.every((w) => inside.split(',').includes(w))) return Number(line.split(' ').pop());
  }
  return 0;
}

/**
 * Prometheus' /metrics on its own port: requests by transport, operation and code with latency;
 * Kubernetes calls by verb, resource and code with latency; sign-in outcomes; cache and live figures;
 * process metrics. A scrape before and after some traffic shows the counters move.
 */
describe('metrics', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let scrape: () => Promise<string>;

  beforeAll(async () => {
    t = await TestApp.start(testConfig({ metricsPort: 0 }));
    const port = t.app.get(MetricsServer).port;
    scrape = async () => (await request(`http://127.0.0.1:${port}`).get('/metrics').expect(200)).text;
    w = await workloadProject(t, await t.token());
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  it('counts requests of each transport, Kubernetes calls and sign-ins, and times them', async () => {
    const before = await scrape();
    const rest = { transport: 'rest', operation: 'GET /api/v1/projects/:project/statefulsets', code: '200' };
    const gql = { transport: 'graphql', operation: 'query workspaces', code: '200' };
    const kube = { transport: 'kube', operation: 'list configmaps', code: '200' };
    const denied = { transport: 'rest', operation: 'DELETE /api/v1/projects/:project', code: 'FORBIDDEN' };
    const kubeList = { verb: 'list', resource: 'configmaps', code: '200' };
    await t.as(w.regular.token).get(`/api/v1/projects/${w.project}/statefulsets`).expect(200);
    await t.as(w.regular.token).get(`/api/v1/projects/${w.project}/statefulsets`).expect(200);
    await request(t.server)
      .post('/graphql')
      .set('authorization', `Bearer ${w.regular.token}`)
      .send({ query: '{ workspaces { nodes { name } } }' })
      .expect(200);
    await t.as(w.regular.token).get(`/kube/api/v1/namespaces/${w.project}/configmaps`).expect(200);
    await t.as(w.regular.token).delete(`/api/v1/projects/${w.project}`).expect(403);
    await t.signIn(w.regular.username, FIXTURE_PASSWORD);
    await request(t.server)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', username: w.regular.username, password: 'Not-The-Passw0rd' })
      .expect(400);
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(moved('berth_requests_total', rest)).toBe(2);
    expect(moved('berth_requests_total', gql)).toBe(1);
    expect(moved('berth_requests_total', kube)).toBe(1);
    expect(moved('berth_requests_total', denied)).toBe(1);
    expect(
      moved('berth_request_duration_seconds_count', { transport: 'rest', operation: rest.operation }),
    ).toBe(2);
    expect(moved('berth_kube_requests_total', kubeList)).toBeGreaterThanOrEqual(1);
    expect(
      moved('berth_kube_request_duration_seconds_count', { verb: 'list', resource: 'configmaps' }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('berth_sign_ins_total', { outcome: 'success' })).toBe(1);
    expect(moved('berth_sign_ins_total', { outcome: 'failure' })).toBe(1);
  });

  it('reports the cache, live connections and the process, and nothing but /metrics', async () => {
    const text = await scrape();
    expect(sample(text, 'berth_cache_synced', { kind: 'StatefulSet' })).toBe(1);
    expect(text).toMatch(/^berth_cache_objects\{kind="Namespace"\} [1-9]/m);
    expect(text).toMatch(/^berth_live_connections \d+/m);
    expect(text).toMatch(/^berth_process_resident_memory_bytes \d+/m);
    expect(text).toContain('# TYPE berth_request_duration_seconds histogram');
    const port = t.app.get(MetricsServer).port;
    await request(`http://127.0.0.1:${port}`).get('/').expect(404);
    // A made-up Kubernetes path does not become a series of its own.
    await t.as(w.regular.token).get(`/kube/api/v1/namespaces/${w.project}/made-up-things`);
    expect(await scrape()).not.toContain('made-up-things');
  });
});
