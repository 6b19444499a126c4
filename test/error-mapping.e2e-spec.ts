import { NAMESPACES } from '../src/kube';
import { KubeProbeModule } from './support/kube-probe.module';
import { apiServerUrl, errorBody, TestApp, testConfig, uniqueName } from './support/test-app';

// Real API server failures (not hand-made Status bodies) come out with the right code on both
// transports, and nothing about the API server (its address, the request URL) leaks.
describe('Kubernetes failures on both transports', () => {
  let t: TestApp;
  const existing = uniqueName('e2e-err');
  let server = '';

  beforeAll(async () => {
    t = await TestApp.start(testConfig(), [KubeProbeModule]);
    await t.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: existing } });
    server = new URL(apiServerUrl()).host;
  });

  afterAll(async () => {
    await t.kube.delete(NAMESPACES.ref(existing));
    await t.close();
  });

  const expectNoLeak = (body: unknown) => {
    const text = JSON.stringify(body);
    expect(text).not.toContain(server);
    expect(text).not.toMatch(/stack|\/api\/v1\/namespaces|Bearer|certificate/i);
  };

  it('404 NotFound -> NOT_FOUND', async () => {
    const missing = uniqueName('missing');
    const rest = await t.http().get(`/api/v1/probe/namespaces/${missing}`);
    expect(rest.status).toBe(404);
    expect(rest.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: `namespace "${missing}" not found`,
    });

    const gql = await t.graphql('query($n: String!) { probeNamespace(name: $n) { name } }', { n: missing });
    expect(gql.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(gql.errors?.[0].message).toBe(`namespace "${missing}" not found`);
    expectNoLeak(rest.body);
    expectNoLeak(gql);
  });

  it('409 AlreadyExists -> CONFLICT', async () => {
    const rest = await t.http().post('/api/v1/probe/namespaces').send({ name: existing });
    expect(rest.status).toBe(409);
    expect(rest.body).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: `namespace "${existing}" already exists`,
    });

    const gql = await t.graphql('mutation($n: String!) { probeCreateNamespace(name: $n) { name } }', {
      n: existing,
    });
    expect(gql.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });
    expectNoLeak(rest.body);
    expectNoLeak(gql);
  });

  it('422 Invalid -> BAD_USER_INPUT naming the field', async () => {
    const invalid = 'Not_A_Valid_Name';
    const rest = await t.http().post('/api/v1/probe/namespaces').send({ name: invalid });
    expect(rest.status).toBe(400);
    const body = errorBody(rest);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.fields).toEqual([
      { path: 'metadata.name', message: expect.stringContaining('RFC 1123') as unknown },
    ]);

    const gql = await t.graphql('mutation($n: String!) { probeCreateNamespace(name: $n) { name } }', {
      n: invalid,
    });
    expect(gql.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(gql.errors?.[0].extensions.fields).toEqual(body.fields);
    expectNoLeak(rest.body);
    expectNoLeak(gql);
  });
});
