import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { eventually, TestApp, testConfig } from './support/test-app';
import { projectMember, workloadProject, type WorkloadProject } from './support/workload-fixture';

interface AuditEntry {
  seq: number;
  requestId: string;
  user: string | null;
  sourceAddress: string | null;
  transport: string;
  operation: string;
  project: string | null;
  kind: string | null;
  name: string | null;
  dryRun: boolean;
  outcome: string;
  code: string | null;
  request: string | null;
}

const SECRET_VALUE = 'audit-Sekr3t-value-1d9f';
const KUBE_SECRET_VALUE = 'audit-kube-Sekr3t-77ab';
const FIELDS =
  'seq requestId user sourceAddress transport operation project kind name dryRun outcome code request';

/**
 * The audit trail: every change, on REST, GraphQL and the Kubernetes path, done or refused, is one
 * record in the sink (a JSON-lines file here, at the `request` level) and in the project's records,
 * which its admins read through both APIs; no Secret value is in either.
 */
describe('the audit trail', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let other: WorkloadProject;
  let admin: { username: string; token: string };
  let viewer: { username: string; token: string };
  let dir: string;
  let sink: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'berth-audit-'));
    sink = join(dir, 'audit.jsonl');
    const base = testConfig();
    t = await TestApp.start({ ...base, audit: { level: 'request', sink: { file: sink }, perProject: 500 } });
    const platformAdmin = await t.token();
    w = await workloadProject(t, platformAdmin);
    other = await workloadProject(t, platformAdmin);
    admin = await projectMember(t, w, 'project-admin');
    viewer = await projectMember(t, w, 'project-viewer');

    // REST: a ConfigMap made by the project-regular, with a request id of the caller's.
    const made = await t
      .as(w.regular.token)
      .post(`/api/v1/projects/${w.project}/configmaps`)
      .set('x-request-id', 'audit-rest-1')
      .send({ name: 'audited', data: [{ key: 'mode', value: 'on' }] });
    expect(made.status).toBe(201);
    ids.rest = made.headers['x-request-id'];
    // GraphQL: a Secret made, and the same refused to the viewer.
    const mutation = `mutation($p: String!, $i: CreateSecretInput!) { createSecret(project: $p, input: $i) { name } }`;
    const input = {
      name: 'audited-secret',
      kind: 'OPAQUE',
      data: [{ key: 'password', value: SECRET_VALUE }],
    };
    expect((await t.graphql(mutation, { p: w.project, i: input }, w.regular.token)).errors).toBeUndefined();
    const refused = await t.graphql(mutation, { p: w.project, i: { ...input, name: 'nope' } }, viewer.token);
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    // The Kubernetes path: a dry run, and a Secret whose values must not be recorded.
    const kube = (path: string, body: object) =>
      request(t.server)
        .post(`/kube/api/v1/namespaces/${w.project}/${path}`)
        .set('authorization', `Bearer ${w.regular.token}`)
        .send(body);
    const dry = await kube('configmaps?dryRun=All', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'tried' },
    });
    expect(dry.status).toBe(201);
    const secret = await kube('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'kube-audited' },
      stringData: { token: KUBE_SECRET_VALUE },
    });
    expect(secret.status).toBe(201);
    // Another tenant's try: answered as a project that does not exist, and recorded.
    const hidden = await t.as(other.regular.token).delete(`/api/v1/projects/${w.project}/configmaps/audited`);
    expect(hidden.status).toBe(404);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await other.f.cleanUp();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const restRecords = async (token: string) =>
    t.as(token).get(`/api/v1/projects/${w.project}/audit-records?limit=50`);

  it('records each change with who, where, what and its outcome, done or refused', async () => {
    const res = await restRecords(admin.token);
    expect(res.status).toBe(200);
    const records = (res.body as { items: AuditEntry[] }).items;
    const find = (operation: RegExp, name: string) =>
      records.find((r) => operation.test(r.operation) && r.name === name);
    expect(find(/^POST \/api\/v1\/projects\/:project\/configmaps$/, 'audited')).toMatchObject({
      requestId: 'audit-rest-1',
      user: w.regular.username,
      sourceAddress: expect.stringMatching(/127\.0\.0\.1/) as unknown,
      transport: 'rest',
      project: w.project,
      kind: 'configmaps',
      dryRun: false,
      outcome: 'DONE',
      code: null,
    });
    expect(find(/^mutation createSecret$/, 'audited-secret')).toMatchObject({
      transport: 'graphql',
      user: w.regular.username,
      kind: 'Secret',
      outcome: 'DONE',
    });
    expect(find(/^mutation createSecret$/, 'nope')).toMatchObject({
      user: viewer.username,
      outcome: 'REFUSED',
      code: 'FORBIDDEN',
    });
    expect(find(/^create configmaps$/, 'tried')).toMatchObject({
      transport: 'kube',
      dryRun: true,
      outcome: 'DONE',
    });
    expect(find(/^create secrets$/, 'kube-audited')).toMatchObject({ transport: 'kube', dryRun: false });
    expect(find(/^DELETE \/api\/v1\/projects\/:project\/configmaps\/:name$/, 'audited')).toMatchObject({
      user: other.regular.username,
      outcome: 'REFUSED',
      code: 'NOT_FOUND',
    });
    // Reads are no changes; newest first.
    expect(records.some((r) => /^GET /.test(r.operation))).toBe(false);
    expect(records.map((r) => r.seq)).toEqual([...records.map((r) => r.seq)].sort((a, b) => b - a));
  });

  it('gives the same records through GraphQL, paged, to project admins only', async () => {
    const query = `query($p: String!, $after: String) { auditRecords(project: $p, first: 2, after: $after) {
      totalCount edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      auditRecords: {
        totalCount: number;
        edges: { node: AuditEntry }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const seqs: number[] = [];
    let after: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof t.graphql<Page>>> = await t.graphql<Page>(
        query,
        { p: w.project, after },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      seqs.push(...res.data!.auditRecords.edges.map((e) => e.node.seq));
      after = res.data!.auditRecords.pageInfo.hasNextPage ? res.data!.auditRecords.pageInfo.endCursor : null;
    } while (after);
    const rest = ((await restRecords(admin.token)).body as { items: AuditEntry[] }).items.map((r) => r.seq);
    // REST's list was read after GraphQL's reads (no change between): the same records, the same order.
    expect(seqs).toEqual(rest);
    expect((await restRecords(w.regular.token)).status).toBe(403);
    expect((await restRecords(other.regular.token)).status).toBe(404);
    const regular = await t.graphql(query, { p: w.project }, w.regular.token);
    expect(regular.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('writes each record to the sink as a JSON line, with the input at the request level and no secret', async () => {
    const lines = await eventually(() => {
      const text = readFileSync(sink, 'utf8');
      return Promise.resolve(
        text.includes('kube-audited') && text.includes(`"user":"${other.regular.username}"`)
          ? text
          : undefined,
      );
    });
    const records = lines
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEntry & { audit: string; request?: unknown });
    expect(records.every((r) => r.audit === 'berth.io/v1')).toBe(true);
    const rest = records.find((r) => r.requestId === ids.rest);
    expect(rest?.request).toEqual({ name: 'audited', data: '[redacted]' });
    const kube = records.find((r) => r.name === 'kube-audited');
    expect(kube?.request).toMatchObject({ kind: 'Secret', stringData: '[redacted]' });
    expect(lines).not.toContain(SECRET_VALUE);
    expect(lines).not.toContain(KUBE_SECRET_VALUE);
    // Sign-ins are not changes: no password went near the trail.
    expect(lines).not.toMatch(/oauth/);
  });
});
