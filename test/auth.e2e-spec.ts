import { Resource } from '../src/kube';
import { API_TOKENS, LOGIN_ATTEMPTS } from '../src/iam/resources';
import { SECRETS } from '../src/kube';
import { ACCOUNTS } from '../src/iam/resources';
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { KubeObject } from '../src/kube';
import { FIXTURE_PASSWORD, TenancyFixture } from './support/tenancy-fixture';
import { ADMIN, TestApp, testConfig, uniqueName } from './support/test-app';

interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
}

describe('authentication', () => {
  let t: TestApp;
  let f: TenancyFixture;
  let adminToken: string;

  beforeAll(async () => {
    t = await TestApp.start();
    adminToken = await t.token();
    f = new TenancyFixture(t, adminToken);
  });

  afterAll(async () => {
    await f.cleanUp();
    await t.close();
  });

  const tokenRequest = (body: Record<string, string>, json = false) => {
    const req = t.http().post('/oauth/token');
    return json ? req.send(body) : req.type('form').send(body);
  };
  const me = (token: string) => t.as(token).get('/api/v1/me');
  const account = (username: string) => t.kube.get(ACCOUNTS.ref(username));
  const credentialsOf = async <T extends KubeObject>(resource: Resource<T>, username: string): Promise<T[]> =>
    (await t.kube.list(resource, { labelSelector: `iam.berth.io/username=${username}` })).items;

  describe('POST /oauth/token', () => {
    it('password grant (form or JSON) answers an OAuth token response that authenticates both transports', async () => {
      const { username } = await f.user();
      for (const json of [false, true]) {
        const res = await tokenRequest(
          { grant_type: 'password', username, password: FIXTURE_PASSWORD },
          json,
        );
        expect(res.status).toBe(200);
        expect(res.headers['cache-control']).toBe('no-store');
        const body = res.body as TokenBody;
        expect(body).toEqual({
          access_token: expect.any(String) as unknown,
          token_type: 'Bearer',
          expires_in: 900,
          refresh_token: expect.stringMatching(/^brt\./) as unknown,
        });
        expect((await me(body.access_token)).body).toMatchObject({ username });
        const gql = await t.graphql<{ me: { username: string } }>(
          '{ me { username } }',
          {},
          body.access_token,
        );
        expect(gql.data?.me.username).toBe(username);
      }
    });

    it('a wrong password and an unknown user get the same answer', async () => {
      const { username } = await f.user();
      const wrong = await tokenRequest({ grant_type: 'password', username, password: 'Wrong-Passw0rd' });
      const unknown = await tokenRequest({
        grant_type: 'password',
        username: f.name('nobody'),
        password: 'Wrong-Passw0rd',
      });
      expect(wrong.status).toBe(400);
      expect(unknown.status).toBe(400);
      expect(wrong.body).toEqual({
        error: 'invalid_grant',
        error_description: 'Invalid username or password',
      });
      expect(unknown.body).toEqual(wrong.body);
    });

    it('answers OAuth errors for malformed requests', async () => {
      expect((await tokenRequest({})).body).toMatchObject({ error: 'invalid_request' });
      expect((await tokenRequest({ grant_type: 'client_credentials' })).body).toMatchObject({
        error: 'unsupported_grant_type',
      });
      expect((await tokenRequest({ grant_type: 'password', username: 'x' })).body).toMatchObject({
        error: 'invalid_request',
      });
      expect((await tokenRequest({ grant_type: 'refresh_token' })).body).toMatchObject({
        error: 'invalid_request',
      });
      expect(
        (await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'brt.nope' })).body,
      ).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('lockout', () => {
    it('5 failed sign-ins within 10 minutes lock the account (kept in the cluster): 429 with Retry-After, even with the right password', async () => {
      const { username } = await f.user();
      for (let i = 0; i < 5; i++) {
        const res = await tokenRequest({ grant_type: 'password', username, password: `Wrong-Passw0rd${i}` });
        expect(res.status).toBe(i < 4 ? 400 : 429);
      }
      const locked = await tokenRequest({ grant_type: 'password', username, password: FIXTURE_PASSWORD });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(590);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(600);
      expect(locked.body).toMatchObject({ error: 'invalid_grant' });

      const records = await credentialsOf(LOGIN_ATTEMPTS, username);
      const until = Math.max(...records.map((r) => Date.parse(r.spec.lockedUntil ?? '') || 0));
      expect(until - Date.now()).toBeGreaterThan(590_000);
      expect((await t.as(adminToken).get(`/api/v1/users/${username}`)).body).toMatchObject({
        state: 'Locked',
      });

      // A platform admin unlocks it by setting it Active.
      await t.as(adminToken).patch(`/api/v1/users/${username}`).send({ state: 'Active' }).expect(200);
      expect(
        (await tokenRequest({ grant_type: 'password', username, password: FIXTURE_PASSWORD })).status,
      ).toBe(200);
    });

    it('a client that sends too many sign-ins is throttled with 429 and Retry-After', async () => {
      const throttled = await TestApp.start(testConfig({ loginRateLimitPerMinute: 3 }));
      // A name of its own: the per-username lockout of an earlier run on the same cluster must not answer.
      const username = uniqueName('throttled');
      try {
        const attempt = () =>
          throttled
            .http()
            .post('/oauth/token')
            .type('form')
            .send({ grant_type: 'password', username, password: 'Wrong-Passw0rd' });
        for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(400);
        const res = await attempt();
        expect(res.status).toBe(429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        await throttled.close();
      }
    });
  });

  describe('tokens', () => {
    it('access tokens expire after their lifetime; a refresh token after its lifetime without use, each use renewing it', async () => {
      const short = await TestApp.start(testConfig({ accessTokenTtlSeconds: 2, refreshTokenTtlSeconds: 5 }));
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const refresh = (token: string) =>
        short
          .http()
          .post('/oauth/token')
          .type('form')
          .send({ grant_type: 'refresh_token', refresh_token: token });
      try {
        const { username } = await f.user();
        const signedIn = await short.signIn(username, FIXTURE_PASSWORD);
        expect(signedIn.expires_in).toBe(2);
        await short.as(signedIn.access_token).get('/api/v1/me').expect(200);

        await sleep(3_100);
        const rest = await short.as(signedIn.access_token).get('/api/v1/me');
        expect({ status: rest.status, code: (rest.body as { code: string }).code }).toEqual({
          status: 401,
          code: 'UNAUTHENTICATED',
        });
        const gql = await short.graphql('{ me { username } }', {}, signedIn.access_token);
        expect(gql.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

        // 3 s unused of its 5: it works, and the new one lives 5 s from now.
        const renewed = await refresh(signedIn.refresh_token).expect(200);
        await short
          .as((renewed.body as TokenBody).access_token)
          .get('/api/v1/me')
          .expect(200);
        await sleep(3_100);
        // 6 s after sign-in, past the first token's lifetime, but 3 s after the last use.
        const again = await refresh((renewed.body as TokenBody).refresh_token).expect(200);

        await sleep(6_000);
        expect((await refresh((again.body as TokenBody).refresh_token)).body).toMatchObject({
          error: 'invalid_grant',
        });
      } finally {
        await short.close();
      }
    });

    it('a refresh token is single-use: it rotates, and the old one stops working', async () => {
      const { username } = await f.user();
      const first = (await tokenRequest({ grant_type: 'password', username, password: FIXTURE_PASSWORD }))
        .body as TokenBody;
      const second = await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
      expect(second.status).toBe(200);
      const next = second.body as TokenBody;
      expect(next.refresh_token).not.toBe(first.refresh_token);
      expect((await me(next.access_token)).status).toBe(200);
      const replay = await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
      expect(replay.body).toEqual({
        error: 'invalid_grant',
        error_description: 'The refresh token is invalid, expired or revoked',
      });
    });

    it('a revoked refresh token stops working', async () => {
      const { username } = await f.user();
      const tokens = (await tokenRequest({ grant_type: 'password', username, password: FIXTURE_PASSWORD }))
        .body as TokenBody;
      await t.http().post('/oauth/revoke').type('form').send({ token: tokens.refresh_token }).expect(200);
      expect(
        (await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body,
      ).toMatchObject({ error: 'invalid_grant' });
    });

    it('changing the password ends every access token, refresh token and API token of the account at once', async () => {
      const { username } = await f.user();
      const session = (await tokenRequest({ grant_type: 'password', username, password: FIXTURE_PASSWORD }))
        .body as TokenBody;
      const apiToken = await f.apiToken(session.access_token, username, 'ci');
      expect((await me(apiToken)).status).toBe(200);

      await t
        .as(session.access_token)
        .put(`/api/v1/users/${username}/password`)
        .send({ currentPassword: FIXTURE_PASSWORD, newPassword: 'Brand-New-Passw0rd' })
        .expect(200);

      expect((await me(session.access_token)).body).toMatchObject({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
      });
      expect((await me(apiToken)).status).toBe(401);
      expect(
        (await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refresh_token })).body,
      ).toMatchObject({ error: 'invalid_grant' });
      expect(
        (await tokenRequest({ grant_type: 'password', username, password: 'Brand-New-Passw0rd' })).status,
      ).toBe(200);
    });

    it('the password policy is enforced on both transports when creating a user and changing a password; nothing is written', async () => {
      const cases: [string, string][] = [
        ['Sh0rt-pw', ''], // 8 characters: allowed (set at the end, as the control)
        ['Sh0rt-p', 'must be 8 to 64 characters long'],
        [`A1-${'a'.repeat(62)}`, 'must be 8 to 64 characters long'],
        ['lower-case-0nly', 'must contain an upper-case letter'],
        ['UPPER-CASE-0NLY', 'must contain a lower-case letter'],
        ['No-Digits-At-All', 'must contain a digit'],
      ];
      for (const [password, problem] of cases.slice(1)) {
        const username = `weak-${randomBytes(4).toString('hex')}`;
        const rest = await t
          .as(adminToken)
          .post('/api/v1/users')
          .send({ username, email: `${username}@example.com`, password, platformRole: 'platform-regular' });
        expect({ status: rest.status, body: rest.body as unknown }).toMatchObject({
          status: 400,
          body: { code: 'BAD_USER_INPUT', fields: [{ path: 'password', message: problem }] },
        });
        const gql = await t.graphql(
          'mutation($i: CreateUserInput!) { createUser(input: $i) { username } }',
          { i: { username, email: `${username}@example.com`, password, platformRole: 'PLATFORM_REGULAR' } },
          adminToken,
        );
        expect(gql.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ path: 'password', message: problem }],
        });
        await expect(account(username)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        // The rejected password never shows up in an answer.
        expect(JSON.stringify([rest.body, gql])).not.toContain(password);
      }

      const { username } = await f.user();
      for (const [password, problem] of cases.slice(1)) {
        const res = await t
          .as(adminToken)
          .put(`/api/v1/users/${username}/password`)
          .send({ newPassword: password });
        expect({ status: res.status, body: res.body as unknown }).toMatchObject({
          status: 400,
          body: { code: 'BAD_USER_INPUT', fields: [{ path: 'newPassword', message: problem }] },
        });
      }
      const gql = await t.graphql(
        'mutation($u: String!, $i: ChangePasswordInput!) { changePassword(username: $u, input: $i) { username } }',
        { u: username, i: { newPassword: cases[4][0] } },
        adminToken,
      );
      expect(gql.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'newPassword', message: cases[4][1] }],
      });
      // The old password still works; the shortest and the longest allowed are accepted.
      expect(
        (await tokenRequest({ grant_type: 'password', username, password: FIXTURE_PASSWORD })).status,
      ).toBe(200);
      for (const password of [cases[0][0], `A1-${'a'.repeat(61)}`]) {
        await t
          .as(adminToken)
          .put(`/api/v1/users/${username}/password`)
          .send({ newPassword: password })
          .expect(200);
        expect((await tokenRequest({ grant_type: 'password', username, password })).status).toBe(200);
      }
    });

    it('your own password change needs the current password', async () => {
      const { username } = await f.user();
      const token = await t.token(username, FIXTURE_PASSWORD);
      const res = await t
        .as(token)
        .put(`/api/v1/users/${username}/password`)
        .send({ currentPassword: 'Not-The-Passw0rd', newPassword: 'Brand-New-Passw0rd' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'currentPassword', message: 'is incorrect' }],
      });
    });

    it('disabling or deleting an account refuses its tokens at once', async () => {
      const a = await f.user();
      const b = await f.user();
      const [tokenA, tokenB] = [
        await t.token(a.username, FIXTURE_PASSWORD),
        await t.token(b.username, FIXTURE_PASSWORD),
      ];
      await t.as(adminToken).patch(`/api/v1/users/${a.username}`).send({ state: 'Disabled' }).expect(200);
      expect((await me(tokenA)).status).toBe(401);
      expect(
        (await tokenRequest({ grant_type: 'password', username: a.username, password: FIXTURE_PASSWORD }))
          .body,
      ).toMatchObject({ error: 'invalid_grant' });
      await t.as(adminToken).delete(`/api/v1/users/${b.username}`).expect(200);
      expect((await me(tokenB)).status).toBe(401);
    });

    it('refuses tokens outside the Authorization header', async () => {
      const token = await t.token();
      expect((await t.http().get(`/api/v1/me?access_token=${token}`)).status).toBe(401);
    });
  });

  describe('forged access tokens', () => {
    let key: Uint8Array;
    let valid: string;

    beforeAll(async () => {
      const secret = await t.kube.get(SECRETS.ref('berth-system', 'berth-token-signing-key'));
      key = Buffer.from(secret.data!.key, 'base64');
      valid = await t.token();
      adminUid = (await account(ADMIN.username)).metadata.uid ?? '';
    });

    let adminUid = '';
    const claims = (overrides: Record<string, unknown> = {}) => ({ gen: 0, uid: adminUid, ...overrides });
    const sign = (payload: Record<string, unknown>, signingKey: Uint8Array, exp: string | number = '5m') =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setIssuer('berth')
        .setSubject(ADMIN.username)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(signingKey);

    it('the genuine article works (so the refusals below are about the forgery)', async () => {
      expect((await me(valid)).status).toBe(200);
      expect((await me(await sign(claims(), key))).status).toBe(200);
    });

    it('refuses a token signed with another key', async () => {
      const res = await me(await sign(claims(), randomBytes(64)));
      expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Invalid access token' });
    });

    it('refuses an unsigned token (alg: none)', async () => {
      const unsigned = new UnsecuredJWT(claims())
        .setIssuer('berth')
        .setSubject(ADMIN.username)
        .setIssuedAt()
        .setExpirationTime('5m')
        .encode();
      expect((await me(unsigned)).status).toBe(401);
    });

    it('refuses tampered claims (another subject under the original signature)', async () => {
      const [header, payload, signature] = valid.split('.');
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const tampered = Buffer.from(JSON.stringify({ ...decoded, sub: 'someone-else' })).toString('base64url');
      expect((await me(`${header}.${tampered}.${signature}`)).status).toBe(401);
    });

    it('refuses an expired token, saying so', async () => {
      const expired = await sign(claims(), key, Math.floor(Date.now() / 1000) - 60);
      expect((await me(expired)).body).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'The access token has expired',
      });
      const gql = await t.graphql('{ me { username } }', {}, expired);
      expect(gql.errors?.[0]).toMatchObject({
        message: 'The access token has expired',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });

    it('refuses a token for another account of the same name (another UID)', async () => {
      expect((await me(await sign(claims({ uid: 'not-the-admin' }), key))).status).toBe(401);
      expect((await me(await sign({ gen: 0 }, key))).status).toBe(401);
    });

    it('refuses a token of an older generation (issued before a revocation)', async () => {
      expect((await me(await sign(claims({ gen: 99 }), key))).body).toMatchObject({
        message: 'The access token has been revoked',
      });
    });
  });

  describe('API tokens', () => {
    let owner: { username: string; token: string };
    let project: string;

    beforeAll(async () => {
      const user = await f.user();
      const workspace = await f.workspace();
      project = await f.project(workspace);
      await f.workspaceMember(workspace, user.username, 'workspace-regular');
      await f.projectMember(project, user.username, 'project-admin');
      owner = { username: user.username, token: await t.token(user.username, FIXTURE_PASSWORD) };
    });

    it('is shown once, stored only as a hash, listable and revocable', async () => {
      const res = await t
        .as(owner.token)
        .post(`/api/v1/users/${owner.username}/tokens`)
        .send({ name: 'listing', scope: 'read-write' });
      expect(res.status).toBe(201);
      const { token } = res.body as { token: string };
      expect(token).toMatch(/^bat\./);
      // Stored in an ApiToken object of its own, as a hash of its secret part only.
      const [, , secret] = token.split('.');
      const stored = JSON.stringify(await credentialsOf(API_TOKENS, owner.username));
      expect(stored).toContain(createHash('sha256').update(secret).digest('hex'));
      expect(stored).not.toContain(secret);
      expect(JSON.stringify(await account(owner.username))).not.toContain(secret);

      const list = await t.as(owner.token).get(`/api/v1/users/${owner.username}/tokens`);
      expect((list.body as { items: unknown[] }).items).toContainEqual(
        expect.objectContaining({ name: 'listing', scope: 'read-write', expiresAt: null }),
      );
      expect(JSON.stringify(list.body)).not.toContain(token);

      expect((await me(token)).status).toBe(200);
      await t.as(owner.token).delete(`/api/v1/users/${owner.username}/tokens/listing`).expect(200);
      expect((await me(token)).status).toBe(401);
    });

    it('a read-only token reads with the owner’s roles but cannot change anything', async () => {
      const token = await f.apiToken(owner.token, owner.username, 'reader', 'read-only');
      expect((await t.as(token).get(`/api/v1/projects/${project}`)).status).toBe(200);
      const write = await t.as(token).patch(`/api/v1/projects/${project}`).send({ description: 'x' });
      expect(write.body).toEqual({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'This API token is read-only',
      });
      const gql = await t.graphql(
        `mutation { updateProject(name: "${project}", input: { description: "x" }) { name } }`,
        {},
        token,
      );
      expect(gql.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('a read-write token acts with the owner’s roles, no more', async () => {
      const token = await f.apiToken(owner.token, owner.username, 'writer', 'read-write');
      expect(
        (await t.as(token).patch(`/api/v1/projects/${project}`).send({ description: 'by automation' }))
          .status,
      ).toBe(200);
      expect((await t.as(token).get('/api/v1/users')).status).toBe(403);
    });

    it('cannot manage tokens or passwords (those need a password session)', async () => {
      const token = await f.apiToken(owner.token, owner.username, 'limited', 'read-write');
      expect(
        (await t.as(token).post(`/api/v1/users/${owner.username}/tokens`).send({ name: 'more' })).status,
      ).toBe(403);
      expect(
        (
          await t
            .as(token)
            .put(`/api/v1/users/${owner.username}/password`)
            .send({ currentPassword: FIXTURE_PASSWORD, newPassword: 'Other-Passw0rd' })
        ).status,
      ).toBe(403);
    });

    it('stops working when it expires', async () => {
      const expiresAt = new Date(Date.now() + 2_000).toISOString();
      const res = await t
        .as(owner.token)
        .post(`/api/v1/users/${owner.username}/tokens`)
        .send({ name: 'short', expiresAt });
      const { token } = res.body as { token: string };
      expect((await me(token)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect((await me(token)).body).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'The API token has expired',
      });
    });

    it('refuses an expiry in the past, naming the field', async () => {
      const res = await t
        .as(owner.token)
        .post(`/api/v1/users/${owner.username}/tokens`)
        .send({ name: 'past', expiresAt: '2020-01-01T00:00:00Z' });
      expect(res.body).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'expiresAt', message: 'must be in the future' }],
      });
    });
  });
});
