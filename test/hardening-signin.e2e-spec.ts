import { ACCOUNTS, LOGIN_ATTEMPTS, SESSIONS } from '../src/iam/resources';
import type { KubeRequestRecord } from '../src/kube';
import { rawRequest, RawResponse } from './support/raw-http';
import { FIXTURE_PASSWORD, TenancyFixture } from './support/tenancy-fixture';
import { TestApp, testConfig } from './support/test-app';
/**
 * Sign-in under load and attack: failures counted atomically per username and client address (and
 * per username everywhere, a higher ceiling), unknown usernames exactly like existing ones, sessions
 * and API tokens in objects of their own, and tokens that belong to one account, not one name.
 */
describe('sign-in under load and attack', () => {
  let t: TestApp;
  let f: TenancyFixture;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new TenancyFixture(t, await t.token());
  });

  afterAll(async () => {
    await f.cleanUp();
    await t.close();
  });

  const signIn = (
    app: TestApp,
    username: string,
    password: string,
    from = '127.0.0.1',
  ): Promise<RawResponse> =>
    rawRequest(
      app.server,
      'POST',
      '/oauth/token',
      { 'content-type': 'application/json' },
      JSON.stringify({ grant_type: 'password', username, password }),
      from,
    );
  const error = (res: RawResponse) => (res.json as { error?: string } | undefined)?.error;
  const records = async (username: string) =>
    (
      await t.kube.list(LOGIN_ATTEMPTS, {
        labelSelector: `iam.berth.io/username=${username}`,
      })
    ).items;

  it('24 parallel wrong passwords: 5 are checked and all 5 counted; then the right one is refused too', async () => {
    const { username } = await f.user();
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => signIn(t, username, `Wrong-Passw0rd-${i}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 400)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(answers.every((a) => error(a) === 'invalid_grant')).toBe(true);
    const counted = await records(username);
    expect(counted.map((r) => [r.spec.address ?? 'everywhere', r.spec.failures]).sort()).toEqual([
      ['127.0.0.1', 5],
      ['everywhere', 5],
    ]);
    const right = await signIn(t, username, FIXTURE_PASSWORD);
    expect([right.status, error(right), Number(right.headers['retry-after']) > 590]).toEqual([
      429,
      'invalid_grant',
      true,
    ]);
    // The lock is still there: the right password did not lift it.
    expect((await records(username)).find((r) => r.spec.address)?.spec.lockedUntil).toBeDefined();
  });

  it('a lock earned from one address does not lock the account for another', async () => {
    const { username } = await f.user();
    for (let i = 0; i < 5; i++) await signIn(t, username, 'Wrong-Passw0rd', '127.0.0.2');
    expect((await signIn(t, username, FIXTURE_PASSWORD, '127.0.0.2')).status).toBe(429);
    expect((await signIn(t, username, FIXTURE_PASSWORD, '127.0.0.3')).status).toBe(200);
    // A platform admin sees it Locked, and lifts it by setting it Active.
    const admin = await t.token();
    expect((await t.as(admin).get(`/api/v1/users/${username}`)).body).toMatchObject({ state: 'Locked' });
    await t.as(admin).patch(`/api/v1/users/${username}`).send({ state: 'Active' }).expect(200);
    expect((await signIn(t, username, FIXTURE_PASSWORD, '127.0.0.2')).status).toBe(200);
  });

  it('failures from many addresses reach a ceiling that locks every address', async () => {
    const strict = await TestApp.start(testConfig({ loginMaxFailures: 3, loginMaxFailuresPerUser: 5 }));
    try {
      const { username } = await f.user();
      const from = ['127.0.0.4', '127.0.0.4', '127.0.0.5', '127.0.0.5', '127.0.0.6'];
      const answers = [];
      for (const address of from)
        answers.push((await signIn(strict, username, 'Wrong-Passw0rd', address)).status);
      expect(answers).toEqual([400, 400, 400, 400, 429]);
      const elsewhere = await signIn(strict, username, FIXTURE_PASSWORD, '127.0.0.7');
      expect([elsewhere.status, error(elsewhere)]).toEqual([429, 'invalid_grant']);
    } finally {
      await strict.close();
    }
  });

  it('an unknown username answers exactly like an existing one, with the same calls to the API server', async () => {
    const { username } = await f.user();
    const unknown = `${username}-ghost`;
    const callsOf = async (name: string) => {
      const calls: KubeRequestRecord[] = [];
      const stop = t.kube.observe((c) => calls.push(c));
      const res = await signIn(t, name, 'Wrong-Passw0rd', '127.0.0.8');
      stop();
      // What was asked of which kind; names differ (the username, the hashed record names).
      const shape = calls.map(
        (c) => `${c.method} ${new URL(c.url).pathname.split('/').slice(0, -1).join('/')}`,
      );
      return {
        status: res.status,
        error: error(res),
        retryAfter: res.headers['retry-after'] !== undefined,
        shape,
      };
    };
    for (let i = 0; i < 6; i++) {
      const [existing, ghost] = [await callsOf(username), await callsOf(unknown)];
      expect(ghost).toEqual(existing);
      expect(existing.status).toBe(i < 4 ? 400 : 429);
    }
  });

  it('100 parallel sign-ins of one user all succeed, without rewriting the account each time', async () => {
    const { username } = await f.user();
    const account = () => t.kube.get(ACCOUNTS.ref(username));
    const calls: KubeRequestRecord[] = [];
    const stop = t.kube.observe((c) => calls.push(c));
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => signIn(t, username, FIXTURE_PASSWORD)),
    );
    stop();
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    const tokens = answers.map((a) => (a.json as { access_token: string }).access_token);
    expect((await t.as(tokens[99]).get('/api/v1/me')).status).toBe(200);
    // lastLoginAt is written once; the sessions are objects of their own (the newest 20 kept).
    const after = await account();
    expect(after.status?.lastLoginAt).toBeDefined();
    const writes = calls.filter((c) => c.method !== 'GET' && c.url.includes(`/accounts/${username}`));
    expect(writes).toHaveLength(1);
    const sessions = (
      await t.kube.list(SESSIONS, {
        labelSelector: `iam.berth.io/account-uid=${after.metadata.uid}`,
      })
    ).items;
    expect(sessions.length).toBeLessThanOrEqual(20);
  });

  it('parallel refreshes of one refresh token: one wins, the others are invalid_grant, never a 500', async () => {
    const { username } = await f.user();
    const first = (await signIn(t, username, FIXTURE_PASSWORD)).json as { refresh_token: string };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        rawRequest(
          t.server,
          'POST',
          '/oauth/token',
          { 'content-type': 'application/json' },
          JSON.stringify({ grant_type: 'refresh_token', refresh_token: first.refresh_token }),
        ),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array<number>(9).fill(400)]);
    expect(answers.filter((a) => a.status === 400).every((a) => error(a) === 'invalid_grant')).toBe(true);
  });

  it('made-up refresh and API tokens are refused before anything is looked up', async () => {
    const calls: KubeRequestRecord[] = [];
    const stop = t.kube.observe((c) => calls.push(c));
    try {
      const fake = (kind: string) => `${kind}.${'a'.repeat(16)}.${'b'.repeat(64)}.${'c'.repeat(43)}`;
      expect((await t.as(fake('bat')).get('/api/v1/me')).status).toBe(401);
      const refresh = await rawRequest(
        t.server,
        'POST',
        '/oauth/token',
        { 'content-type': 'application/json' },
        JSON.stringify({ grant_type: 'refresh_token', refresh_token: fake('brt') }),
      );
      expect([refresh.status, error(refresh)]).toEqual([400, 'invalid_grant']);
    } finally {
      stop();
    }
    expect(calls).toEqual([]);
  });

  it('a token belongs to one account: a user deleted and made again with the same name gets none of the old tokens', async () => {
    const admin = await t.token();
    const { username } = await f.user();
    const old = (await signIn(t, username, FIXTURE_PASSWORD)).json as {
      access_token: string;
      refresh_token: string;
    };
    const apiToken = await f.apiToken(old.access_token, username, 'ci', 'read-write');
    expect((await t.as(old.access_token).get('/api/v1/me')).status).toBe(200);
    expect((await t.as(apiToken).get('/api/v1/me')).status).toBe(200);

    await t.as(admin).delete(`/api/v1/users/${username}`).expect(200);
    await t
      .as(admin)
      .post('/api/v1/users')
      .send({ username, email: `${username}@example.com`, password: FIXTURE_PASSWORD })
      .expect(201);

    for (const token of [old.access_token, apiToken]) {
      expect((await t.as(token).get('/api/v1/me')).status).toBe(401);
      const gql = await t.graphql('{ me { username } }', {}, token);
      expect(gql.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const refresh = await rawRequest(
      t.server,
      'POST',
      '/oauth/token',
      { 'content-type': 'application/json' },
      JSON.stringify({ grant_type: 'refresh_token', refresh_token: old.refresh_token }),
    );
    expect([refresh.status, error(refresh)]).toEqual([400, 'invalid_grant']);
    // The new account signs in and works; nothing of the old one's credentials is left.
    const fresh = (await signIn(t, username, FIXTURE_PASSWORD)).json as { access_token: string };
    expect((await t.as(fresh.access_token).get('/api/v1/me')).status).toBe(200);
    const tokens = (await t.as(fresh.access_token).get(`/api/v1/users/${username}/tokens`)).body as {
      items: unknown[];
    };
    expect(tokens).toEqual({ items: [], continue: null, totalItems: 0 });
  });
});
