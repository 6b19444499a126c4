import { Writable } from 'node:stream';
import request from 'supertest';
import { FIXTURE_PASSWORD } from './support/tenancy-fixture';
import { ADMIN, TestApp, testConfig } from './support/test-app';
import { workloadProject, type WorkloadProject } from './support/workload-fixture';

interface Line {
  level: string;
  time: string;
  msg: string;
  requestId?: string;
  req?: { method: string; path: string };
  res?: { status: number };
  durationMs?: number;
  transport?: string;
  operation?: string;
  user?: string;
  project?: string;
  code?: string;
  context?: string;
}

/**
 * Berth's logs as an operator reads them: JSON lines, one access line per request (what, by whom, in
 * which project, how it ended, how long it took) under the request's id, which the answer returns and
 * the Kubernetes calls carry; and none of the secrets the requests sent or received.
 */
describe('structured logs', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let admin: string;
  const text: string[] = [];
  const lines = () =>
    text
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
  const calls: { url: string; requestId?: string }[] = [];
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text.push(chunk.toString());
        done();
      },
    });
    t = await TestApp.start(testConfig({ logLevel: 'verbose' }), [], true, sink);
    t.kube.observe((call) => calls.push(call));
    admin = await t.token();
    w = await workloadProject(t, admin);
    secrets.admin = ADMIN.password;
    secrets.fixture = FIXTURE_PASSWORD;
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  it('writes one JSON access line per request, with the id the caller sent and the answer returns', async () => {
    const res = await t
      .as(w.regular.token)
      .get(`/api/v1/projects/${w.project}/statefulsets`)
      .set('x-request-id', 'trace-me-1');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('trace-me-1');
    const line = lines().find((l) => l.requestId === 'trace-me-1' && l.res);
    expect(line).toMatchObject({
      level: 'info',
      transport: 'rest',
      operation: 'GET /api/v1/projects/:project/statefulsets',
      user: w.regular.username,
      project: w.project,
      req: { method: 'GET', path: `/api/v1/projects/${w.project}/statefulsets` },
      res: { status: 200 },
      msg: 'GET /api/v1/projects/:project/statefulsets 200',
    });
    expect(typeof line?.durationMs).toBe('number');
    expect(Date.parse(line!.time)).not.toBeNaN();
    // A made-up id when none (or an unusable one) is sent.
    const made = await t
      .as(w.regular.token)
      .get('/api/v1/workspaces')
      .set('x-request-id', 'no spaces please');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the GraphQL operation and its root fields, and the error code of a refusal', async () => {
    const res = await request(t.server)
      .post('/graphql')
      .set('authorization', `Bearer ${w.regular.token}`)
      .set('x-request-id', 'trace-me-2')
      .send({
        query: 'query Mine { workspaces { nodes { name } } project(name: "no-such-project") { name } }',
      });
    expect(res.status).toBe(200);
    expect(lines().find((l) => l.requestId === 'trace-me-2' && l.res)).toMatchObject({
      transport: 'graphql',
      operation: 'query Mine { workspaces project }',
      user: w.regular.username,
      code: 'NOT_FOUND',
    });
    const refused = await t
      .as(w.regular.token)
      .delete(`/api/v1/projects/${w.project}`)
      .set('x-request-id', 'trace-me-3');
    expect(refused.status).toBe(403);
    expect(lines().find((l) => l.requestId === 'trace-me-3' && l.res)).toMatchObject({
      code: 'FORBIDDEN',
      project: w.project,
      res: { status: 403 },
    });
  });

  it('carries the request id into the Kubernetes calls made for it', async () => {
    calls.length = 0;
    await t
      .as(w.regular.token)
      .get(`/api/v1/projects/${w.project}/configmaps`)
      .set('x-request-id', 'trace-me-4');
    await t
      .as(w.regular.token)
      .get(`/kube/api/v1/namespaces/${w.project}/pods`)
      .set('x-request-id', 'trace-me-5');
    const mine = calls.filter((c) => c.requestId?.startsWith('trace-me-'));
    expect(mine.map((c) => c.requestId)).toEqual(expect.arrayContaining(['trace-me-5']));
    expect(lines().find((l) => l.requestId === 'trace-me-5' && l.res)).toMatchObject({
      transport: 'kube',
      operation: `GET /kube/api/v1/namespaces/${w.project}/pods`,
    });
  });

  it('logs no password, token or Secret value that went through it', async () => {
    const session = await t.signIn(w.regular.username, FIXTURE_PASSWORD);
    secrets.access = session.access_token;
    secrets.refresh = session.refresh_token;
    await request(t.server)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: session.refresh_token });
    await request(t.server)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', username: w.regular.username, password: 'Wrong-Passw0rd-42' });
    secrets.wrong = 'Wrong-Passw0rd-42';
    const created = await t
      .as(session.access_token)
      .post(`/api/v1/users/${w.regular.username}/tokens`)
      .send({ name: 'logged', scope: 'read-write' });
    secrets.apiToken = (created.body as { token: string }).token;
    const value = 'S3cret-Value-In-A-Secret';
    secrets.value = value;
    secrets.base64 = Buffer.from(value).toString('base64');
    await t
      .as(secrets.apiToken)
      .post(`/api/v1/projects/${w.project}/secrets`)
      .send({ name: 'logged', kind: 'OPAQUE', data: [{ key: 'k', value }] });
    await t.as(admin).get(`/api/v1/projects/${w.project}/secrets/logged/values`);
    await request(t.server)
      .post('/graphql')
      .set('authorization', `Bearer ${secrets.apiToken}`)
      .send({ query: `query { secret(project: "${w.project}", name: "logged") { name } }` });
    await request(t.server)
      .get(`/kube/api/v1/namespaces/${w.project}/secrets/logged`)
      .set('authorization', `Bearer ${secrets.apiToken}`);
    await request(t.server)
      .get('/api/v1/workspaces')
      .set('cookie', `token=${secrets.access}`)
      .set('authorization', `Bearer ${secrets.access}`);
    const log = text.join('');
    expect(log.length).toBeGreaterThan(1000);
    for (const [name, secret] of Object.entries(secrets))
      expect([name, log.includes(secret)]).toEqual([name, false]);
    expect(log).not.toMatch(/Bearer [A-Za-z0-9]/);
  });
});
