import { STORAGE_CLASSES, type V1StorageClass } from '../src/kube';
import { restApi } from './support/statefulset-api';
import { eventually, TestApp } from './support/test-app';
import { waitForReady, type WorkloadProject, workloadProject } from './support/workload-fixture';

interface Connection {
  totalCount: number;
  nodes: Record<string, unknown>[];
  edges: { cursor: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

interface RestPage {
  items: Record<string, unknown>[];
  continue: string | null;
  totalItems: number;
}

/** One list as both transports answer it: who reads it, the GraphQL field (a path into the answer), the REST path. */
interface ListCase {
  name: string;
  as: 'admin' | 'regular';
  key: string;
  /** `$page` stands for the four paging arguments. */
  graphql?: {
    query: string;
    variables: () => Record<string, unknown>;
    at: (data: Record<string, unknown>) => Connection;
  };
  rest: () => string;
}

const PAGE_VARIABLES = '$first: Int, $after: String, $last: Int, $before: String';
const PAGE_ARGUMENTS = 'first: $first, after: $after, last: $last, before: $before';
const SELECTION = (key: string) =>
  `totalCount nodes { ${key} } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/**
 * Every list of both APIs, on the real control plane: GraphQL's Relay connections walked forwards and
 * backwards, REST's `{items, continue, totalItems}` walked forwards, a page at a time, each seeing the
 * whole list once, the same on both transports.
 */
describe('every list is paged the same way on both transports', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let admin: string;
  const token = (as: 'admin' | 'regular') => (as === 'admin' ? admin : w.regular.token);
  const classes = [`paging-a-${process.pid}`, `paging-b-${process.pid}`];

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.token();
    w = await workloadProject(t, admin);
    for (const name of classes)
      await t.kube.create<V1StorageClass>({
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name },
        provisioner: 'kwok.x-k8s.io/volume',
      });
    // At least three of everything, so pages of two have a next and a previous.
    for (let i = 0; i < 2; i++) await w.f.project(w.workspace);
    for (let i = 0; i < 2; i++) await w.f.workspace();
    for (let i = 0; i < 2; i++) {
      const { username } = await w.f.user();
      await w.f.workspaceMember(w.workspace, username, 'workspace-viewer');
      await w.f.projectMember(w.project, username, 'project-viewer');
    }
    const as = t.as(w.regular.token);
    for (const name of ['t-a', 't-b', 't-c'])
      await as.post(`/api/v1/users/${w.regular.username}/tokens`).send({ name }).expect(201);
    const base = `/api/v1/projects/${w.project}`;
    for (const name of ['cm-a', 'cm-b', 'cm-c'])
      await as
        .post(`${base}/configmaps`)
        .send({ name, data: [{ key: 'k', value: 'v' }] })
        .expect(201);
    for (const name of ['s-a', 's-b', 's-c'])
      await as
        .post(`${base}/secrets`)
        .send({ name, kind: 'OPAQUE', data: [{ key: 'k', value: 'v' }] })
        .expect(201);
    const sets = restApi(t, w.project, w.regular.token);
    for (const name of ['web', 'web-b', 'web-c']) {
      const created = await sets.create({
        name,
        replicas: name === 'web' ? 3 : 1,
        containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumeClaimTemplates: [{ name: 'data', size: '1Gi' }],
      });
      if (!created.ok) throw new Error(JSON.stringify(created));
    }
    await waitForReady(t.kube, w.project, 'web', 3);
    for (let i = 0; i < 2; i++) {
      await sets.redeploy('web');
      await waitForReady(t.kube, w.project, 'web', 3);
    }
    await eventually(async () => ((await sets.revisions('web')).body?.length === 3 ? true : undefined));
  });

  afterAll(async () => {
    for (const name of classes) await t.kube.delete(STORAGE_CLASSES.ref(name)).catch(() => undefined);
    await w.f.cleanUp();
    await t.close();
  });

  const project = () => ({ p: w.project });
  const cases: ListCase[] = [
    {
      name: 'users',
      as: 'admin',
      key: 'username',
      graphql: { query: `users(${PAGE_ARGUMENTS})`, variables: () => ({}), at: (d) => d.users as Connection },
      rest: () => '/api/v1/users',
    },
    {
      name: 'API tokens',
      as: 'regular',
      key: 'name',
      graphql: {
        query: `apiTokens(username: $u, ${PAGE_ARGUMENTS})`,
        variables: () => ({ u: w.regular.username }),
        at: (d) => d.apiTokens as Connection,
      },
      rest: () => `/api/v1/users/${w.regular.username}/tokens`,
    },
    {
      name: 'workspaces',
      as: 'admin',
      key: 'name',
      graphql: {
        query: `workspaces(${PAGE_ARGUMENTS})`,
        variables: () => ({}),
        at: (d) => d.workspaces as Connection,
      },
      rest: () => '/api/v1/workspaces',
    },
    {
      name: "a workspace's members",
      as: 'admin',
      key: 'username',
      graphql: {
        query: `workspace(name: $w) { members(${PAGE_ARGUMENTS})`,
        variables: () => ({ w: w.workspace }),
        at: (d) => (d.workspace as { members: Connection }).members,
      },
      rest: () => `/api/v1/workspaces/${w.workspace}/members`,
    },
    {
      name: "a workspace's projects",
      as: 'admin',
      key: 'name',
      graphql: {
        query: `projects(workspace: $w, ${PAGE_ARGUMENTS})`,
        variables: () => ({ w: w.workspace }),
        at: (d) => d.projects as Connection,
      },
      rest: () => `/api/v1/workspaces/${w.workspace}/projects`,
    },
    {
      name: "a workspace's projects, nested",
      as: 'admin',
      key: 'name',
      graphql: {
        query: `workspace(name: $w) { projects(${PAGE_ARGUMENTS})`,
        variables: () => ({ w: w.workspace }),
        at: (d) => (d.workspace as { projects: Connection }).projects,
      },
      rest: () => `/api/v1/workspaces/${w.workspace}/projects`,
    },
    { name: 'the projects one may see (REST)', as: 'admin', key: 'name', rest: () => '/api/v1/projects' },
    {
      name: "a project's members",
      as: 'regular',
      key: 'username',
      graphql: {
        query: `project(name: $p) { members(${PAGE_ARGUMENTS})`,
        variables: project,
        at: (d) => (d.project as { members: Connection }).members,
      },
      rest: () => `/api/v1/projects/${w.project}/members`,
    },
    {
      name: 'storage classes',
      as: 'regular',
      key: 'name',
      graphql: {
        query: `storageClasses(${PAGE_ARGUMENTS})`,
        variables: () => ({}),
        at: (d) => d.storageClasses as Connection,
      },
      rest: () => '/api/v1/storageclasses',
    },
    ...(
      [
        ['ConfigMaps', 'configMaps', 'configmaps'],
        ['Secrets', 'secrets', 'secrets'],
        ['StatefulSets', 'statefulSets', 'statefulsets'],
        ['volumes', 'volumes', 'volumes'],
      ] as const
    ).map(([name, field, path]): ListCase => ({
      name,
      as: 'regular',
      key: 'name',
      graphql: {
        query: `${field}(project: $p, ${PAGE_ARGUMENTS})`,
        variables: project,
        at: (d) => d[field] as Connection,
      },
      rest: () => `/api/v1/projects/${w.project}/${path}`,
    })),
    ...(
      [
        ['pods', 'name'],
        ['revisions', 'revision'],
      ] as const
    ).map(([field, key]): ListCase => ({
      name: `a StatefulSet's ${field}`,
      as: 'regular',
      key,
      graphql: {
        query: `statefulSet(project: $p, name: "web") { ${field}(${PAGE_ARGUMENTS})`,
        variables: project,
        at: (d) => (d.statefulSet as Record<string, Connection>)[field],
      },
      rest: () => `/api/v1/projects/${w.project}/statefulsets/web/${field}`,
    })),
    {
      name: 'audit records',
      as: 'admin',
      key: 'seq',
      graphql: {
        query: `auditRecords(project: $p, ${PAGE_ARGUMENTS})`,
        variables: project,
        at: (d) => d.auditRecords as Connection,
      },
      rest: () => `/api/v1/projects/${w.project}/audit-records`,
    },
  ];

  const connection = async (c: ListCase, page: Record<string, unknown>): Promise<Connection> => {
    const g = c.graphql!;
    const opened = (g.query.match(/\{/g) ?? []).length;
    const variables = { ...g.variables(), ...page };
    const declared = Object.keys(g.variables())
      .map((name) => `, $${name}: String!`)
      .join('');
    const query = `query(${PAGE_VARIABLES}${declared}) { ${g.query} { ${SELECTION(c.key)} } ${'}'.repeat(opened)} }`;
    const res = await t.graphql<Record<string, unknown>>(query, variables, token(c.as));
    if (res.errors) throw new Error(`${c.name}: ${JSON.stringify(res.errors)}`);
    return g.at(res.data!);
  };
  const restPage = async (c: ListCase, query: string): Promise<RestPage> => {
    const res = await t.as(token(c.as)).get(`${c.rest()}?${query}`);
    expect([c.name, res.status]).toEqual([c.name, 200]);
    return res.body as RestPage;
  };
  const keys = (items: Record<string, unknown>[], key: string) => items.map((item) => String(item[key]));

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    // The whole list, in one page of the most there may be.
    const all = await restPage(c, 'limit=500');
    const expected = keys(all.items, c.key);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(all).toMatchObject({ totalItems: expected.length, continue: null });

    // REST forwards, two at a time.
    const walked: string[] = [];
    let next: string | null = null;
    do {
      const page: RestPage = await restPage(
        c,
        `limit=2${next ? `&continue=${encodeURIComponent(next)}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.totalItems).toBe(expected.length);
      walked.push(...keys(page.items, c.key));
      next = page.continue;
    } while (next);
    expect(walked).toEqual(expected);
    if (!c.graphql) return;

    const whole = await connection(c, { first: 500 });
    expect(keys(whole.nodes, c.key)).toEqual(expected);
    expect(whole.totalCount).toBe(expected.length);
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    // GraphQL forwards (first/after) and backwards (last/before), two at a time, pageInfo both ways.
    const forwards: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Connection = await connection(c, { first: 2, after });
      expect(page.pageInfo.hasPreviousPage).toBe(forwards.length > 0);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
      forwards.push(...keys(page.nodes, c.key));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forwards).toEqual(expected);
    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: Connection = await connection(c, { last: 2, before });
      expect(page.pageInfo.hasNextPage).toBe(backwards.length > 0);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      backwards.unshift(...keys(page.nodes, c.key));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backwards).toEqual(expected);
  });

  it('a cursor that is not one is BAD_USER_INPUT naming the argument, on both transports', async () => {
    const rest = await t.as(admin).get('/api/v1/users?continue=not-a-cursor');
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'continue' }] });
    for (const argument of ['after', 'before']) {
      const res = await t.graphql(`{ users(${argument}: "not-a-cursor") { totalCount } }`, {}, admin);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: argument }],
      });
    }
    const limit = await t.as(admin).get('/api/v1/users?limit=501');
    expect(limit.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'limit' }] });
  });
});
