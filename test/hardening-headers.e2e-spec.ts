import { launchBrowser } from './support/browser';
import { listening, rawRequest } from './support/raw-http';
import { TestApp } from './support/test-app';
import { WorkloadProject, workloadProject } from './support/workload-fixture';

/** Security headers on every answer; nothing that carries a Secret value or a token may be cached. */
describe('security headers', () => {
  let t: TestApp;
  let w: WorkloadProject;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await workloadProject(t, await t.token());
    const secret = await t
      .as(w.regular.token)
      .post(`/api/v1/projects/${w.project}/secrets`)
      .send({ name: 'db', kind: 'OPAQUE', data: [{ key: 'password', value: 's3cret' }] });
    if (secret.status !== 201) throw new Error(secret.text);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  const HELMET: Record<string, unknown> = {
    'content-security-policy': expect.stringContaining("default-src 'self'") as unknown,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };

  it('on every kind of answer: REST, GraphQL, errors, sign-in, health, the OpenAPI document', async () => {
    const auth = { authorization: `Bearer ${w.regular.token}` };
    const answers = [
      await rawRequest(t.server, 'GET', `/api/v1/projects/${w.project}/statefulsets`, auth),
      await rawRequest(t.server, 'GET', `/api/v1/projects/no-such-project/statefulsets`, auth),
      await rawRequest(t.server, 'GET', '/api/v1/me'),
      await rawRequest(
        t.server,
        'POST',
        '/graphql',
        { ...auth, 'content-type': 'application/json' },
        '{"query":"{ me { username } }"}',
      ),
      await rawRequest(
        t.server,
        'POST',
        '/graphql',
        { 'content-type': 'application/json' },
        '{"query":"{ nope }"}',
      ),
      await rawRequest(t.server, 'POST', '/oauth/token', { 'content-type': 'application/json' }, '{}'),
      await rawRequest(t.server, 'GET', '/healthz'),
      await rawRequest(t.server, 'GET', '/api/docs/openapi.json'),
      await rawRequest(t.server, 'GET', '/api/v1/no/such/route'),
    ];
    for (const res of answers) {
      expect(res.headers).toMatchObject(HELMET);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('Cache-Control: no-store wherever Secret values or tokens travel', async () => {
    const auth = { authorization: `Bearer ${w.regular.token}` };
    const json = { 'content-type': 'application/json' };
    const values = await rawRequest(t.server, 'GET', `/api/v1/projects/${w.project}/secrets/db/values`, auth);
    expect(values.text).toContain('s3cret');
    const graphqlValues = await rawRequest(
      t.server,
      'POST',
      '/graphql',
      { ...auth, ...json },
      JSON.stringify({
        query: `{ secretValues(project: "${w.project}", name: "db") { data { key value } } }`,
      }),
    );
    expect(graphqlValues.text).toContain('s3cret');
    const signIn = await rawRequest(
      t.server,
      'POST',
      '/oauth/token',
      json,
      JSON.stringify({ grant_type: 'password', username: w.regular.username, password: 'Fixture-Passw0rd' }),
    );
    expect(signIn.status).toBe(200);
    const created = await rawRequest(
      t.server,
      'POST',
      `/api/v1/users/${w.regular.username}/tokens`,
      { ...auth, ...json },
      JSON.stringify({ name: 'ci', scope: 'read-only' }),
    );
    expect(created.status).toBe(201);
    for (const res of [values, graphqlValues, signIn, created])
      expect(res.headers['cache-control']).toBe('no-store');
  });

  it('the OpenAPI page still works under the policy (a real browser, no violations)', async () => {
    const { port } = await listening(t.server);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`http://127.0.0.1:${port}/api/docs`);
      await page.waitForSelector('.opblock-tag', { timeout: 30_000 });
      expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
