import type { Client } from 'graphql-ws';
import request from 'supertest';
import { AuditTrail } from '../src/audit/audit-trail.service';
import { WebSocket } from 'ws';
import { type Closed, liveClient, Subscription } from './support/live-client';
import { TenancyFixture } from './support/tenancy-fixture';
import { eventually, TestApp, testConfig } from './support/test-app';

const PER_USER = 8;
const PER_TOKEN = 3;

/**
 * The API-wide request budget (BERTH_RATE_LIMIT_PER_USER / _PER_TOKEN): counted once per HTTP
 * request on every transport, answered with 429 and Retry-After on each in its own shape, per user
 * and per API token, and nobody else's budget is touched.
 */
describe('the API-wide request rate limit', () => {
  let setup: TestApp;
  let limited: TestApp;
  let f: TenancyFixture;
  let project: string;
  let alice: { username: string; password: string };
  let bob: { username: string; password: string };

  beforeAll(async () => {
    setup = await TestApp.start();
    limited = await TestApp.start({
      ...testConfig(),
      requestRate: { perUser: PER_USER, perToken: PER_TOKEN },
    });
    f = new TenancyFixture(setup, await setup.token());
    alice = await f.user();
    bob = await f.user();
    const ws = await f.workspace();
    project = await f.project(ws);
    await f.workspaceMember(ws, alice.username, 'workspace-regular');
    await f.projectMember(project, alice.username, 'project-admin');
  });

  const clients: Client[] = [];

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await f.cleanUp();
    await limited.close();
    await setup.close();
  });

  const rest = (token: string) => limited.as(token).get(`/api/v1/projects/${project}`);
  const graphql = (token: string) =>
    request(limited.server)
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .send({ query: '{ a: me { username } b: me { username } c: me { username } }' });
  const kube = (token: string) => limited.as(token).get(`/kube/api/v1/namespaces/${project}/configmaps`);

  const retryAfter = (res: request.Response): number => {
    const seconds = Number(res.headers['retry-after']);
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60).toBe(true);
    return seconds;
  };

  it('spends one request per HTTP request on each transport, then answers 429 with Retry-After on each', async () => {
    const token = await limited.token(alice.username, alice.password);
    // A GraphQL request with three root fields is one request.
    const answers = [
      await rest(token),
      await graphql(token),
      await kube(token),
      ...(await Promise.all(Array.from({ length: PER_USER - 3 }, () => rest(token)))),
    ];
    expect(answers.map((r) => r.status)).toEqual(Array(PER_USER).fill(200));

    const refusedRest = await rest(token);
    expect(refusedRest.status).toBe(429);
    retryAfter(refusedRest);
    expect(refusedRest.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });

    const refusedGraphql = await graphql(token);
    expect(refusedGraphql.status).toBe(429);
    const seconds = retryAfter(refusedGraphql);
    const body = refusedGraphql.body as { data?: unknown; errors: { extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: seconds });

    const refusedKube = await kube(token);
    expect(refusedKube.status).toBe(429);
    retryAfter(refusedKube);
    expect(refusedKube.body).toMatchObject({ kind: 'Status', code: 429, reason: 'TooManyRequests' });

    // KubeSphere's routes, as its console calls them.
    const refusedConsole = await limited
      .as(token)
      .get(`/kube/kapis/resources.kubesphere.io/v1alpha3/namespaces/${project}/statefulsets`);
    expect(refusedConsole.status).toBe(429);
    retryAfter(refusedConsole);

    // A refused mutation is still in the audit trail, named, refused with the budget's code.
    const mutation = await request(limited.server)
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .send({
        query:
          'mutation($p: String!) { createConfigMap(project: $p, input: { name: "over-budget", data: [] }) { name } }',
        variables: { p: project },
      });
    expect(mutation.status).toBe(429);
    // Recorded once the answer is done (the response's close), a moment after the client has it.
    const refusedRecord = await eventually(() =>
      Promise.resolve(
        limited.app
          .get(AuditTrail)
          .list(project, { first: 500 })
          .nodes.find((r) => r.name === 'over-budget'),
      ),
    );
    expect(refusedRecord).toMatchObject({
      user: alice.username,
      transport: 'graphql',
      operation: 'mutation createConfigMap',
      outcome: 'REFUSED',
      code: 'TOO_MANY_REQUESTS',
    });

    // A WebSocket upgrade is a request too: a live connection is closed, a Kubernetes watch refused.
    const closed = await new Promise<Closed>((resolve) => {
      void liveClient(limited, token, { onClosed: resolve }).then((client) => {
        clients.push(client);
        new Subscription(
          client,
          'subscription($p: String!) { statefulSetsChanged(project: $p) { initial } }',
          {
            p: project,
          },
        );
      });
    });
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/Too many requests from this user/);
    const port = await limited.listen();
    const watch = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/kube/api/v1/watch/namespaces/${project}/configmaps`, {
        headers: { authorization: `Bearer ${token}` },
      });
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('unexpected-response', (_request, response) => {
        response.resume();
        resolve(response.statusCode);
      });
    });
    expect(watch).toBe(429);

    // Another session of the same user shares the user's budget.
    const second = await limited.token(alice.username, alice.password);
    expect((await rest(second)).status).toBe(429);
  });

  it("leaves other users' budgets alone, and gives each API token a budget of its own", async () => {
    const session = await limited.token(bob.username, bob.password);
    expect((await rest(session)).status).toBe(404); // bob is no member: his own answer, not a 429
    const apiToken = await f.apiToken(await setup.token(bob.username, bob.password), bob.username, 'ci');
    const first = await Promise.all(
      Array.from({ length: PER_TOKEN }, () => limited.as(apiToken).get('/api/v1/me')),
    );
    expect(first.map((r) => r.status)).toEqual(Array(PER_TOKEN).fill(200));
    const refused = await limited.as(apiToken).get('/api/v1/me');
    expect(refused.status).toBe(429);
    expect((refused.body as { message: string }).message).toContain('API token');
    retryAfter(refused);
    // The user still has budget left for his session (1 + 4 of 8 spent).
    expect((await limited.as(session).get('/api/v1/me')).status).toBe(200);
  });

  it('does not limit when it is off (the default test configuration)', async () => {
    const token = await setup.token(alice.username, alice.password);
    const answers = await Promise.all(
      Array.from({ length: PER_USER + 2 }, () => setup.as(token).get('/api/v1/me')),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
  });
});
