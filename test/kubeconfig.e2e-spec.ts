import request from 'supertest';
import { parse } from 'yaml';
import { TestApp } from './support/test-app';
import { workloadProject, type WorkloadProject } from './support/workload-fixture';

interface Kubeconfig {
  clusters: { name: string; cluster: { server: string } }[];
  users: { name: string; user: { token: string } }[];
  contexts: { name: string; context: { cluster: string; user: string; namespace: string } }[];
  'current-context': string;
}

/**
 * A kubeconfig for one's projects, on both transports: a new API token of the caller in it, one
 * context per project they may see, Berth's Kubernetes API path as the server; the token works there
 * and is listed (never shown again) among the caller's tokens. kubectl itself runs on one in
 * kube-api-kubectl.e2e-spec.ts.
 */
describe('kubeconfig for a user’s projects', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let second: string;
  let other: WorkloadProject;

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.token();
    w = await workloadProject(t, admin);
    other = await workloadProject(t, admin);
    second = await w.f.project(w.workspace);
    await w.f.projectMember(second, w.regular.username, 'project-viewer');
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await other.f.cleanUp();
    await t.close();
  });

  it('renders one context per project of the caller, with a token that works on the proxy (REST)', async () => {
    const res = await t
      .as(w.regular.token)
      .post('/api/v1/kubeconfig')
      .set('host', 'berth.example:8443')
      .send({ name: 'laptop', project: second });
    expect(res.status).toBe(201);
    const config = parse((res.body as { kubeconfig: string }).kubeconfig) as Kubeconfig;
    expect(config.clusters).toEqual([
      { name: 'berth', cluster: { server: 'http://berth.example:8443/kube' } },
    ]);
    expect(config.contexts.map((c) => c.context.namespace).sort()).toEqual([w.project, second].sort());
    expect(config['current-context']).toBe(`berth-${second}`);
    expect(config.contexts.map((c) => c.context.namespace)).not.toContain(other.project);
    const token = config.users[0].user.token;
    // The token is the caller's, read-only by default: reads work in their project, writes do not.
    const read = await request(t.server)
      .get(`/kube/api/v1/namespaces/${w.project}/configmaps`)
      .set('authorization', `Bearer ${token}`);
    expect(read.status).toBe(200);
    const write = await request(t.server)
      .post(`/kube/api/v1/namespaces/${w.project}/configmaps`)
      .set('authorization', `Bearer ${token}`)
      .send({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nope' } });
    expect(write.status).toBe(403);
    const listed = await t.as(w.regular.token).get(`/api/v1/users/${w.regular.username}/tokens`);
    expect((listed.body as { items: { name: string }[] }).items.map((x) => x.name)).toContain('laptop');
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it('is the same through GraphQL, and names the server it is told to', async () => {
    const res = await t.graphql<{
      createKubeconfig: { kubeconfig: string; apiToken: { name: string; scope: string } };
    }>(
      'mutation { createKubeconfig(input: { name: "ci", scope: READ_WRITE, server: "https://berth.example/" }) { kubeconfig apiToken { name scope } } }',
      {},
      w.regular.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createKubeconfig.apiToken).toEqual({ name: 'ci', scope: 'READ_WRITE' });
    const config = parse(res.data!.createKubeconfig.kubeconfig) as Kubeconfig;
    expect(config.clusters[0].cluster.server).toBe('https://berth.example/kube');
    expect(config['current-context']).toBe(`berth-${[w.project, second].sort()[0]}`);
  });

  it('refuses an API token, a project not theirs, and a bad server, leaving no token behind', async () => {
    const mine = (path: string, body: object) => t.as(w.regular.token).post(path).send(body);
    // Signed in with an API token: no new token from it (as for API tokens themselves).
    const apiToken = await w.f.apiToken(w.regular.token, w.regular.username, 'automation', 'read-write');
    const fromToken = await request(t.server)
      .post('/api/v1/kubeconfig')
      .set('authorization', `Bearer ${apiToken}`)
      .send({ name: 'x1' });
    expect(fromToken.status).toBe(403);
    expect((await request(t.server).post('/api/v1/kubeconfig').send({ name: 'x1' })).status).toBe(401);
    const hidden = await mine('/api/v1/kubeconfig', {
      name: 'x2',
      project: other.project,
    });
    const missing = await mine('/api/v1/kubeconfig', {
      name: 'x3',
      project: 'no-such-p',
    });
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    const bad = await mine('/api/v1/kubeconfig', {
      name: 'x4',
      server: 'ftp://x',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('server');
    const listed = await t.as(w.regular.token).get(`/api/v1/users/${w.regular.username}/tokens?limit=500`);
    const names = (listed.body as { items: { name: string }[] }).items.map((x) => x.name);
    expect(names).toContain('laptop');
    expect(names.some((x) => /^x[1-4]$/.test(x))).toBe(false);
  });
});
