import request from 'supertest';
import { TestApp } from './support/test-app';
import { FIXTURE_PASSWORD, TenancyFixture } from './support/tenancy-fixture';

/** What KubeSphere 3.4's console asks before and while signing in, at `<Berth>/kube` (its apiServer.url). */
describe('KubeSphere console sign-in', () => {
  let t: TestApp;
  let f: TenancyFixture;
  let username: string;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new TenancyFixture(t, await t.token());
    ({ username } = await f.user());
  });

  afterAll(async () => {
    await f.cleanUp();
    await t.close();
  });

  // The console's own form: its client id and secret, and an `encrypt` field Berth ignores.
  const signIn = (password: string) =>
    request(t.server).post('/kube/oauth/token').type('form').send({
      grant_type: 'password',
      username,
      password,
      client_id: 'kubesphere',
      client_secret: 'kubesphere',
      encrypt: 'false',
    });

  it('signs in with the console’s form; the token names the user as `username` and works everywhere', async () => {
    const res = await signIn(FIXTURE_PASSWORD);
    expect(res.status).toBe(200);
    const body = res.body as { access_token: string; refresh_token: string; expires_in: number };
    expect(body.expires_in).toBeGreaterThan(0);
    const payload = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString()) as {
      username: string;
    };
    expect(payload.username).toBe(username);
    expect((await t.graphql('{ me { username } }', {}, body.access_token)).data).toEqual({
      me: { username },
    });
    const discovery = await request(t.server)
      .get('/kube/api')
      .set('authorization', `Bearer ${body.access_token}`);
    expect(discovery.status).toBe(200);

    const refreshed = await request(t.server)
      .post('/kube/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: 'kubesphere' });
    expect(refreshed.status).toBe(200);
    expect((refreshed.body as { refresh_token: string }).refresh_token).not.toBe(body.refresh_token);
  });

  it('refuses a wrong password in OAuth’s own error format', async () => {
    const res = await signIn('Wrong-Passw0rd-1');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_grant' });
    const garbled = await request(t.server).post('/kube/oauth/token').type('json').send('{"grant_type":');
    expect(garbled.status).toBe(400);
    expect(garbled.body).toMatchObject({ error: 'invalid_request' });
  });

  it('answers the anonymous configuration and version without saying anything about the cluster', async () => {
    expect(
      (await request(t.server).get('/kube/kapis/config.kubesphere.io/v1alpha2/configs/configz')).body,
    ).toEqual({});
    expect(
      (await request(t.server).get('/kube/kapis/config.kubesphere.io/v1alpha2/configs/oauth')).body,
    ).toEqual({
      identityProviders: [],
    });
    const anonymous = await request(t.server).get('/kube/kapis/version');
    expect(anonymous.body).toEqual({ gitVersion: 'v3.4.1', gitMajor: '3', gitMinor: '4' });
    const forged = await request(t.server)
      .get('/kube/kapis/version')
      .set('authorization', 'Bearer not-a-token');
    expect(forged.body).toEqual(anonymous.body);
    const token = (await signIn(FIXTURE_PASSWORD).then((r) => r.body as { access_token: string }))
      .access_token;
    const signedIn = await request(t.server)
      .get('/kube/kapis/version')
      .set('authorization', `Bearer ${token}`);
    expect((signedIn.body as { kubernetes: { gitVersion: string } }).kubernetes.gitVersion).toMatch(/^v1\./);
  });
});
