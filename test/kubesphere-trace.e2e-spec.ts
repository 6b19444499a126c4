import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { WebSocket } from 'ws';
import { ksContractProblems, ksPathOf } from './support/ks-contract';
import { eventually, TestApp } from './support/test-app';
import { FIXTURE_PASSWORD } from './support/tenancy-fixture';
import {
  nginxStatefulSet,
  projectMember,
  waitForReady,
  workloadProject,
  type WorkloadProject,
} from './support/workload-fixture';

/** One request of the console's trace: `200 GET /path?query auth=bearer ct=...` or `UPGRADE /path ...`. */
interface Traced {
  method: string;
  path: string;
  token: boolean;
}

const TRACE = readFileSync(join(__dirname, 'contracts', 'kubesphere-console-requests.log'), 'utf8');
const traced: Traced[] = [
  ...new Map(
    TRACE.split('\n')
      .map((line) => /^(?:\d{3} (\w+)|(UPGRADE)) (\/\S+) auth=(\w+)/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => {
        const t: Traced = { method: m[1] ?? m[2], path: m[3], token: m[4] !== 'none' };
        return [`${t.method} ${t.path} ${t.token}`, t] as const;
      }),
  ).values(),
];

/**
 * Where Berth's answer is not 200, and why; everything else in the trace answers 200. (The stand-in
 * the trace was recorded against answered 404 to more; the console tolerates those.)
 */
const NOT_OK: Record<string, number> = {
  // KubeSphere's own namespace does not exist here (and would not be the caller's): tolerated.
  '/api/v1/namespaces/kubesphere-system/configmaps/kubesphere-config': 404,
  // Nodes are not for tenants: a Node's status lists the images every tenant's pods pulled, and its
  // addresses (src/iam/kube-permissions.ts); the console tolerates the refusal.
  '/api/v1/nodes': 403,
  // The console builds this path wrongly itself (`/api/v/`); no server answers it.
  '/api/v/namespaces/demo/services/web': 404,
};

/**
 * ks-apiserver's document names another type than ks-apiserver answers (and the console reads) for
 * these: bare arrays of roles for the role lists, `{items, totalItems}` for workspacetemplates.
 */
const DOCUMENT_DIFFERS = [
  /\/globalroles$/,
  /\/workspaceroles$/,
  /\/members\/[^/]+\/roles$/,
  /\/workspacetemplates$/,
];

/**
 * Every request of the real console's trace (`test/contracts/kubesphere-console-requests.log`: its
 * StatefulSet list, detail, pods, logs tab, scale and create dialog) sent to Berth as each role, with
 * the trace's names (`demo`, `demo-ws`, `admin`, `web`) standing for a project with a StatefulSet
 * `web` created as the console creates it. Each answer is the status the page needs and, where
 * ks-apiserver's document has a schema for it, of that shape. An outsider gets 404 for everything of
 * the project and the answers of any signed-in user for the rest.
 */
describe('the KubeSphere console’s trace, request by request, as each role', () => {
  let t: TestApp;
  let base: string;
  let w: WorkloadProject;
  let users: Record<'regular' | 'viewer' | 'admin' | 'outsider', { username: string; token: string }>;

  beforeAll(async () => {
    t = await TestApp.start();
    base = `http://127.0.0.1:${await t.listen()}`;
    const admin = await t.token();
    w = await workloadProject(t, admin);
    const outsider = await workloadProject(t, admin);
    users = {
      regular: w.regular,
      viewer: await projectMember(t, w, 'project-viewer'),
      admin: await projectMember(t, w, 'project-admin'),
      outsider: outsider.regular,
    };
    const created = await request(t.server)
      .post(`/kube/apis/apps/v1/namespaces/${w.project}/statefulsets`)
      .set('authorization', `Bearer ${w.regular.token}`)
      .send(nginxStatefulSet('web', 2));
    expect(created.status).toBe(201);
    await waitForReady(t.kube, w.project, 'web', 2);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  const ours = (path: string, username: string) =>
    path
      .replaceAll('/namespaces/demo/', `/namespaces/${w.project}/`)
      .replace(/\/namespaces\/demo$/, `/namespaces/${w.project}`)
      .replace(/\/namespaces\/demo\?/, `/namespaces/${w.project}?`)
      .replaceAll('/demo-ws', `/${w.workspace}`)
      .replace(/\/(users|workspacemembers|members)\/admin\b/, `/$1/${username}`);
  const ofProject = (path: string) => /\/namespaces\/demo\b|\/demo-ws\b/.test(path);

  it('has the trace’s requests to send: every page of it', () => {
    expect(traced.length).toBeGreaterThanOrEqual(25);
    expect(traced.some((r) => r.method === 'UPGRADE')).toBe(true);
  });

  describe.each(['regular', 'viewer', 'admin', 'outsider'] as const)('as %s', (role) => {
    it.each(traced.filter((r) => r.method !== 'UPGRADE').map((r) => [`${r.method} ${r.path}`, r] as const))(
      '%s',
      async (_name, r) => {
        const user = users[role];
        const path = ours(r.path, user.username);
        let req =
          r.method === 'POST'
            ? request(t.server).post(`/kube${path}`).type('form').send({
                grant_type: 'password',
                username: user.username,
                password: FIXTURE_PASSWORD,
                client_id: 'kubesphere',
                client_secret: 'kubesphere',
              })
            : request(t.server).get(`/kube${path}`);
        if (r.token && r.method !== 'POST') req = req.set('authorization', `Bearer ${user.token}`);
        const res = await req;
        const hidden = role === 'outsider' && ofProject(r.path);
        const expected = hidden ? 404 : (NOT_OK[r.path] ?? 200);
        expect([res.status, path]).toEqual([expected, path]);
        if (expected !== 200) return;
        const template = ksPathOf(r.method, r.path.split('?')[0]);
        if (template && !DOCUMENT_DIFFERS.some((d) => d.test(template)))
          expect(ksContractProblems(res.body, { method: r.method, path: template })).toEqual([]);
      },
    );

    it.each(traced.filter((r) => r.method === 'UPGRADE').map((r) => [r.path, r] as const))(
      'watches %s over a WebSocket signed in by the token cookie',
      async (_name, r) => {
        const user = users[role];
        const path = ours(r.path, user.username);
        const opened = await new Promise<{ ws?: WebSocket; status?: number; frames: string[] }>((resolve) => {
          const ws = new WebSocket(`${base.replace('http', 'ws')}/kube${path}`, {
            headers: { cookie: `token=${user.token}` },
          });
          const frames: string[] = [];
          ws.on('message', (data: Buffer) => frames.push(data.toString()));
          ws.on('open', () => resolve({ ws, frames }));
          ws.on('unexpected-response', (_request, response) => {
            resolve({ status: response.statusCode, frames });
            response.resume();
          });
        });
        if (role === 'outsider') {
          expect(opened.status).toBe(404);
          return;
        }
        try {
          // The first frames are the current objects, as ADDED events.
          const event = await eventually(() =>
            Promise.resolve(
              opened.frames.map((f) => JSON.parse(f) as { type: string; object: { kind?: string } })[0],
            ),
          );
          expect(event.type).toBe('ADDED');
        } finally {
          opened.ws?.close();
        }
      },
    );
  });
});
