import type { KubeRequestRecord } from '../src/kube';
import { launchBrowser } from './support/browser';
import { listening, rawRequest } from './support/raw-http';
import { testConfig, TestApp } from './support/test-app';
import { WorkloadProject, workloadProject } from './support/workload-fixture';

/**
 * One GraphQL request has a bounded cost: too deep, too many aliases or root fields, too costly (lists
 * weigh by their page size), too long or batched, it is refused before anything runs, with not one
 * call to the API server. Introspection and GraphiQL are off unless configured.
 */
describe('GraphQL is bounded', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let calls: KubeRequestRecord[] = [];
  let stop = () => undefined as unknown;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await workloadProject(t, await t.token());
    stop = t.kube.observe((call) => calls.push(call));
  });

  afterAll(async () => {
    stop();
    await w.f.cleanUp();
    await t.close();
  });

  /** Sends `query` and says what came back and how many API server calls it cost. */
  const send = async (body: unknown, token: string | null = w.regular.token) => {
    calls = [];
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await rawRequest(t.server, 'POST', '/graphql', headers, JSON.stringify(body));
    const json = res.json as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    return {
      status: res.status,
      json,
      codes: json.errors?.map((e) => e.extensions?.code),
      calls: calls.length,
    };
  };
  const aliases = (n: number, field: string) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

  it('1,000 aliases of a page with pods: refused before it runs, 0 API server calls', async () => {
    const page = `statefulSets(project: "${w.project}", first: 50) { edges { node { name pods { nodes { name } } } } }`;
    const res = await send({ query: aliases(1000, page) });
    expect(res).toMatchObject({ status: 400, codes: ['QUERY_TOO_COMPLEX'], calls: 0 });
  });

  it('an anonymous request with a made-up token and 3,000 aliases of `me`: refused, 0 calls', async () => {
    const res = await send({ query: aliases(3000, 'me { username }') }, 'made.up.token');
    expect(res).toMatchObject({ status: 400, codes: ['QUERY_TOO_COMPLEX'], calls: 0 });
  });

  it('each limit, just over it, says which it is; just under it, the query runs', async () => {
    const storageClasses = (n: number) =>
      Array.from({ length: n }, (_, i) => `s${i}: storageClasses { nodes { name } }`).join(' ');
    const over = [
      [aliases(21, 'me { username }'), /Aliases limit of 20 exceeded, found 21/],
      [
        `{ me { username } cluster { version } ${storageClasses(19)} }`,
        /Root fields limit of 20 exceeded, found 21/,
      ],
      [
        `{ statefulSets(project: "${w.project}", first: 500) { edges { node { pods { nodes { events { reason } } } } } } }`,
        /Query cost limit of 1000 exceeded/,
      ],
    ] as const;
    for (const [query, message] of over) {
      const res = await send({ query });
      expect([query.slice(0, 60), res.codes, res.calls]).toEqual([
        query.slice(0, 60),
        ['QUERY_TOO_COMPLEX'],
        0,
      ]);
      expect(res.json.errors?.[0].message).toMatch(message);
    }
    const under = [
      aliases(20, 'me { username }'),
      `{ me { username } cluster { version } ${storageClasses(18)} }`,
      `{ statefulSets(project: "${w.project}", first: 20) { edges { node { pods { nodes { events { reason } } } } } } }`,
    ];
    for (const query of under) {
      const res = await send({ query });
      expect([query.slice(0, 60), res.status, res.json.errors]).toEqual([query.slice(0, 60), 200, undefined]);
    }
  });

  it('too deep: refused with its depth; the same query one level shallower runs', async () => {
    const limited = await TestApp.start(testConfig({ graphql: { ...testConfig().graphql, maxDepth: 5 } }));
    const stopLimited = limited.kube.observe((call) => calls.push(call));
    try {
      // statefulSets > edges > node > pods > nodes > name: 6 levels; without `name`'s parent, 5.
      const six = `{ statefulSets(project: "${w.project}") { edges { node { pods { nodes { name } } } } } }`;
      const five = `{ statefulSets(project: "${w.project}") { edges { node { pods { totalCount } } } } }`;
      calls = [];
      const refused = await limited.graphql(six, {}, w.regular.token);
      expect(refused.errors?.map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(refused.errors?.[0].message).toMatch(/Query depth limit of 5 exceeded, found 6/);
      expect(calls).toEqual([]);
      expect((await limited.graphql(five, {}, w.regular.token)).errors).toBeUndefined();
    } finally {
      stopLimited();
      await limited.close();
    }
  });

  it('a document over the token limit is refused at parse time', async () => {
    const res = await send({ query: `{ me { ${'username '.repeat(6000)} } }` });
    expect(res).toMatchObject({ status: 400, codes: ['QUERY_TOO_COMPLEX'], calls: 0 });
  });

  it('batched (array) requests are refused unless configured, before anything runs', async () => {
    const one = { query: '{ me { username } }' };
    const res = await send([one, one, one]);
    expect(res).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'], calls: 0 });
    expect(res.json.errors?.[0].message).toMatch(/Batched requests are not accepted/);

    const batching = await TestApp.start(testConfig({ graphql: { ...testConfig().graphql, maxBatch: 2 } }));
    try {
      const post = (body: unknown) =>
        rawRequest(
          batching.server,
          'POST',
          '/graphql',
          { 'content-type': 'application/json', authorization: `Bearer ${w.regular.token}` },
          JSON.stringify(body),
        );
      const two = await post([one, one]);
      expect(two.status).toBe(200);
      expect(two.json).toEqual([
        { data: { me: { username: w.regular.username } } },
        { data: { me: { username: w.regular.username } } },
      ]);
      expect((await post([one, one, one])).status).toBe(400);
    } finally {
      await batching.close();
    }
  });

  it('a malformed, unsigned or forged access token is refused before any API server call', async () => {
    const header = Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url');
    const payload = Buffer.from(`{"sub":"${w.regular.username}","gen":0,"iss":"berth"}`).toString(
      'base64url',
    );
    for (const token of [
      'made.up.token',
      'garbage',
      `${header}.${payload}.`,
      `${w.regular.token.slice(0, -4)}AAAA`,
    ]) {
      const res = await send({ query: '{ me { username } }' }, token);
      expect([token.slice(0, 20), res.codes, res.calls]).toEqual([
        token.slice(0, 20),
        ['UNAUTHENTICATED'],
        0,
      ]);
    }
  });

  it('introspection is off, field suggestions too, and there is no GraphiQL page', async () => {
    const introspection = await send({ query: '{ __schema { types { name } } }' });
    expect(introspection).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'], calls: 0 });
    const typo = await send({ query: '{ mee { username } }' });
    expect(typo.json.errors?.[0].message).toBe('Cannot query field "mee" on type "Query".');
    const page = await rawRequest(t.server, 'GET', '/graphql', { accept: 'text/html' });
    expect(page.text).not.toMatch(/graphiql/i);
    expect((await rawRequest(t.server, 'GET', '/graphiql/graphiql.js')).status).toBe(404);
  });

  describe('with BERTH_GRAPHQL_PLAYGROUND', () => {
    let playground: TestApp;
    beforeAll(async () => {
      playground = await TestApp.start(
        testConfig({ graphql: { ...testConfig().graphql, playground: true } }),
        [],
        false,
      );
    });
    afterAll(() => playground.close());

    it('introspection works, and GraphiQL loads from this server alone (in a real browser, no other host asked)', async () => {
      const introspection = await playground.graphql<{ __schema: { queryType: { name: string } } }>(
        '{ __schema { queryType { name } } }',
      );
      expect(introspection.data?.__schema.queryType.name).toBe('Query');

      const { port } = await listening(playground.server);
      const origin = `http://127.0.0.1:${port}`;
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const elsewhere: string[] = [];
        const problems: string[] = [];
        await page.route('**/*', (route) => {
          const url = new URL(route.request().url());
          if (url.origin === origin) return route.continue();
          elsewhere.push(url.href);
          return route.abort();
        });
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(m.text());
        });
        page.on('pageerror', (e) => problems.push(e.message));
        const introspected = page.waitForResponse(
          (r) => r.url() === `${origin}/graphql` && r.request().method() === 'POST' && r.status() === 200,
        );
        await page.goto(`${origin}/graphql`);
        await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
        await introspected;
        expect(elsewhere).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});
