import request from 'supertest';
import { TestApp, testConfig } from './support/test-app';

const CONSOLE = 'http://127.0.0.1:5173';

/** CORS for configured browser origins: preflights on GraphQL and REST, the answers' headers, nothing for others. */
describe('CORS', () => {
  let t: TestApp;
  let closed: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ ...testConfig(), corsOrigins: [CONSOLE] });
    closed = await TestApp.start();
  });

  afterAll(async () => {
    await t.close();
    await closed.close();
  });

  const preflight = (app: TestApp, path: string, origin: string, method = 'POST') =>
    request(app.server)
      .options(path)
      .set('origin', origin)
      .set('access-control-request-method', method)
      .set('access-control-request-headers', 'authorization,content-type');

  it('answers preflights of /graphql and REST for a configured origin', async () => {
    for (const [path, method] of [
      ['/graphql', 'POST'],
      ['/api/v1/projects/demo/statefulsets', 'POST'],
      ['/api/v1/projects/demo/statefulsets/web', 'DELETE'],
    ]) {
      const res = await preflight(t, path, CONSOLE, method);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(CONSOLE);
      expect(res.headers['access-control-allow-methods']).toContain(method);
      expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('lets the page read the answer and its request id, signed in by a bearer token', async () => {
    const token = await t.token();
    const res = await request(t.server)
      .post('/graphql')
      .set('origin', CONSOLE)
      .set('authorization', `Bearer ${token}`)
      .send({ query: '{ me { username } }' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(res.headers['access-control-expose-headers']).toContain('X-Request-Id');
  });

  it('gives no CORS headers to another origin, nor to any when none is configured', async () => {
    const other = await preflight(t, '/graphql', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const none = await preflight(closed, '/graphql', CONSOLE);
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
  });
});
