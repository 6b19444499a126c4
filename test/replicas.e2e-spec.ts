import { FIXTURE_PASSWORD, TenancyFixture } from './support/tenancy-fixture';
import { eventually, TestApp } from './support/test-app';
import type { AuthorizedAgent } from './support/test-app';

const refresh = (app: TestApp, token: string) =>
  app.http().post('/oauth/token').type('form').send({ grant_type: 'refresh_token', refresh_token: token });

/**
 * Each replica reads from its own watch-fed cache (ADR 9): a change made through one reaches the
 * other when its watch delivers it. The documented bound is the watch's delay (tens of ms here) while
 * the watch is up; these tests allow REVOCATION_BOUND_MS and wait for the answer, never sleep.
 */
const REVOCATION_BOUND_MS = 2000;

/** Resolves once `url` answers `status` through `agent`, failing after REVOCATION_BOUND_MS. */
function answersWithin(agent: AuthorizedAgent, url: string, status: number): Promise<true> {
  return eventually(
    async () => ((await agent.get(url)).status === status ? true : undefined),
    REVOCATION_BOUND_MS,
    `${url} answering ${status}`,
  );
}

/**
 * Two Berth instances against one cluster, as two replicas behind one Service: they share all state
 * through the cluster, so a change made through one is enforced by the other within the bound.
 */
describe('two replicas', () => {
  let a: TestApp;
  let b: TestApp;
  let f: TenancyFixture;
  let adminA: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([TestApp.start(), TestApp.start()]);
    adminA = await a.token();
    f = new TenancyFixture(a, adminA);
  });

  afterAll(async () => {
    await f.cleanUp();
    await Promise.all([a.close(), b.close()]);
  });

  it('a token issued by one is accepted by the other (one signing key in the cluster)', async () => {
    await b.as(adminA).get('/api/v1/me').expect(200);
  });

  it('an API token revoked through one is refused by the other within the bound', async () => {
    const user = await f.user();
    const session = await a.token(user.username, FIXTURE_PASSWORD);
    const apiToken = await f.apiToken(session, user.username, 'ci');
    await b.as(apiToken).get('/api/v1/me').expect(200);
    await a.as(session).delete(`/api/v1/users/${user.username}/tokens/ci`).expect(200);
    await answersWithin(b.as(apiToken), '/api/v1/me', 401);
  });

  it('an account disabled through one is refused by the other within the bound', async () => {
    const user = await f.user();
    const token = await b.token(user.username, FIXTURE_PASSWORD);
    await b.as(token).get('/api/v1/me').expect(200);
    await a.as(adminA).patch(`/api/v1/users/${user.username}`).send({ state: 'Disabled' }).expect(200);
    await answersWithin(b.as(token), '/api/v1/me', 401);
  });

  it('a member removed through one is refused by the other within the bound', async () => {
    const user = await f.user();
    const workspace = await f.workspace();
    const project = await f.project(workspace);
    await f.workspaceMember(workspace, user.username, 'workspace-regular');
    await f.projectMember(project, user.username, 'project-regular');
    const token = await b.token(user.username, FIXTURE_PASSWORD);
    // The membership was made through the other replica: it arrives within the same bound.
    await answersWithin(b.as(token), `/api/v1/projects/${project}`, 200);
    await a.as(adminA).delete(`/api/v1/projects/${project}/members/${user.username}`).expect(200);
    await answersWithin(b.as(token), `/api/v1/projects/${project}`, 404);
    await answersWithin(b.as(token), `/api/v1/projects/${project}/statefulsets`, 404);
  });

  it('a password changed through one ends, on the other within the bound, every token issued before', async () => {
    const user = await f.user();
    const signedIn = await b.signIn(user.username, FIXTURE_PASSWORD);
    await b.as(signedIn.access_token).get('/api/v1/me').expect(200);
    await a
      .as(adminA)
      .put(`/api/v1/users/${user.username}/password`)
      .send({ newPassword: 'Replica-Passw0rd' })
      .expect(200);
    await answersWithin(b.as(signedIn.access_token), '/api/v1/me', 401);
    const refreshed = await refresh(b, signedIn.refresh_token);
    expect(refreshed.body).toMatchObject({ error: 'invalid_grant' });
    await b.signIn(user.username, 'Replica-Passw0rd');
  });

  it('an account deleted through one is refused by the other within the bound', async () => {
    const user = await f.user();
    const token = await b.token(user.username, FIXTURE_PASSWORD);
    await b.as(token).get('/api/v1/me').expect(200);
    await a.as(adminA).delete(`/api/v1/users/${user.username}`).expect(200);
    await answersWithin(b.as(token), '/api/v1/me', 401);
  });

  it('a refresh token revoked through one is refused by the other', async () => {
    const user = await f.user();
    const signedIn = await a.signIn(user.username, FIXTURE_PASSWORD);
    await a.http().post('/oauth/revoke').type('form').send({ token: signedIn.refresh_token }).expect(200);
    expect((await refresh(b, signedIn.refresh_token)).body).toMatchObject({ error: 'invalid_grant' });
  });

  it('a lockout earned on one holds on the other', async () => {
    const user = await f.user();
    for (let i = 0; i < 5; i++) {
      await a
        .http()
        .post('/oauth/token')
        .type('form')
        .send({ grant_type: 'password', username: user.username, password: 'Wrong-Passw0rd' });
    }
    const res = await b
      .http()
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', username: user.username, password: FIXTURE_PASSWORD });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
