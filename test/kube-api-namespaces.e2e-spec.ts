import { WebSocket } from 'ws';
import type { V1Namespace } from '../src/kube';
import { eventually, TestApp } from './support/test-app';
import { workloadProject, type WorkloadProject } from './support/workload-fixture';

interface V1NamespaceList {
  items: V1Namespace[];
  metadata?: { resourceVersion?: string };
}

interface Event {
  type: string;
  object: V1Namespace;
}

/**
 * The console's cluster-wide Namespace list and watch of one workspace
 * (`/api/v1/watch/namespaces?labelSelector=kubesphere.io/workspace=<ws>`): Berth asks as itself and
 * passes on only the projects the caller may see, so each role gets what Kubernetes would give it
 * if it filtered by Berth's tenancy.
 */
describe('a workspace’s Namespaces through the Kubernetes API path', () => {
  let t: TestApp;
  let admin: string;
  let w: WorkloadProject;
  let hidden: string;
  let other: WorkloadProject;
  let base: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.token();
    w = await workloadProject(t, admin);
    // In the same workspace, but the project-regular is no member of it.
    hidden = await w.f.project(w.workspace);
    other = await workloadProject(t, admin);
    base = `http://127.0.0.1:${await t.listen()}/kube`;
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await other.f.cleanUp();
    await t.close();
  });

  const selector = (workspace: string, label = 'kubesphere.io/workspace') =>
    `labelSelector=${encodeURIComponent(`${label}=${workspace}`)}`;
  const get = (token: string, path: string) =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const list = async (token: string, workspace: string) => {
    const res = await get(token, `/api/v1/namespaces?${selector(workspace)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as V1NamespaceList;
    return {
      names: body.items.map((ns) => ns.metadata?.name).sort(),
      resourceVersion: body.metadata?.resourceVersion,
    };
  };
  const describeProject = (project: string, description: string) =>
    t.as(admin).patch(`/api/v1/projects/${project}`).send({ description }).expect(200);

  it('lists only the projects the caller may see; another tenant’s workspace is as one without projects', async () => {
    expect((await list(w.regular.token, w.workspace)).names).toEqual([w.project]);
    expect((await list(admin, w.workspace)).names).toEqual([w.project, hidden].sort());
    expect((await list(other.regular.token, w.workspace)).names).toEqual([]);
    expect((await list(w.regular.token, 'no-such-workspace')).names).toEqual([]);
    // Berth's own label selects the same; any other cluster-wide Namespace list stays refused.
    const own = await get(
      w.regular.token,
      `/api/v1/namespaces?${selector(w.workspace, 'tenancy.berth.io/workspace')}`,
    );
    expect(((await own.json()) as V1NamespaceList).items.map((ns) => ns.metadata?.name)).toEqual([w.project]);
    for (const query of [
      '',
      `labelSelector=${encodeURIComponent('team=a')}`,
      `${selector(w.workspace)}&${selector('x')}`,
    ])
      expect((await get(w.regular.token, `/api/v1/namespaces?${query}`)).status).toBe(403);
  });

  it('starts a watch with the visible projects only, for each role', async () => {
    // The API server ends the watch after timeoutSeconds: the whole answer is read, then checked.
    const watched = async (token: string) => {
      const res = await get(token, `/api/v1/watch/namespaces?${selector(w.workspace)}&timeoutSeconds=1`);
      expect(res.status).toBe(200);
      const lines = (await res.text()).split('\n').filter(Boolean);
      return lines
        .map((line) => JSON.parse(line) as Event)
        .map((e) => `${e.type} ${e.object.metadata?.name}`);
    };
    expect(await watched(w.regular.token)).toEqual([`ADDED ${w.project}`]);
    expect((await watched(admin)).sort()).toEqual([`ADDED ${w.project}`, `ADDED ${hidden}`].sort());
    expect(await watched(other.regular.token)).toEqual([]);
  });

  it('streams changes of the caller’s projects over a WebSocket, and a project they leave as DELETED', async () => {
    const { resourceVersion } = await list(w.regular.token, w.workspace);
    const frames: Event[] = [];
    const ws = await new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(
        `${base.replace('http', 'ws')}/api/v1/watch/namespaces?${selector(w.workspace)}&resourceVersion=${resourceVersion}`,
        { headers: { cookie: `token=${w.regular.token}` } },
      );
      socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as Event));
      socket.on('open', () => resolve(socket));
      socket.on('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    });
    try {
      const seen = (type: string, name: string) =>
        eventually(() =>
          Promise.resolve(frames.find((e) => e.type === type && e.object.metadata?.name === name)),
        );
      // The hidden project changes first: one stream keeps the order, so its event would come before.
      await describeProject(hidden, 'not for the regular user');
      await describeProject(w.project, 'seen by its member');
      await seen('MODIFIED', w.project);
      expect(frames.some((e) => e.object.metadata?.name === hidden)).toBe(false);

      await t.as(admin).delete(`/api/v1/projects/${w.project}/members/${w.regular.username}`).expect(200);
      await describeProject(w.project, 'no longer seen');
      await seen('DELETED', w.project);
      expect((await list(w.regular.token, w.workspace)).names).toEqual([]);
    } finally {
      ws.close();
    }
  });
});
