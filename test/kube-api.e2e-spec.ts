import { CoreV1Api, KubeConfig, makeInformer, type V1ConfigMap } from '@kubernetes/client-node';
import { WebSocket } from 'ws';
import { CONFIG_MAPS, STATEFUL_SETS } from '../src/kube';
import { eventually, TestApp } from './support/test-app';
import {
  nginxStatefulSet,
  projectMember,
  waitForReady,
  workloadProject,
  type WorkloadProject,
} from './support/workload-fixture';

interface Status {
  kind: string;
  code: number;
  reason: string;
  message: string;
}

/**
 * The Kubernetes API path (`/kube/api`, `/kube/apis`): Berth's tenancy decides first, from the same
 * table as the project ClusterRoles, then the request goes on impersonating the user.
 */
describe('the Kubernetes API path', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let other: WorkloadProject;
  let viewer: { username: string; token: string };
  let base: string;

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.token();
    w = await workloadProject(t, admin);
    other = await workloadProject(t, admin);
    viewer = await projectMember(t, w, 'project-viewer');
    base = `http://127.0.0.1:${await t.listen()}/kube`;
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await other.f.cleanUp();
    await t.close();
  });

  const send = (
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    type = 'application/json',
  ) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': type } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async <T>(response: Promise<Response>): Promise<{ status: number; body: T }> => {
    const answer = await response;
    return { status: answer.status, body: (await answer.json()) as T };
  };
  const configMap = (name: string, value: string) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
    data: { key: value },
  });

  it('refuses a request without a token with a Status, and serves discovery to a signed-in user', async () => {
    const anonymous = await json<Status>(send(undefined, 'GET', '/api/v1/nodes'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized' });
    const core = await json<object>(send(w.regular.token, 'GET', '/api'));
    // Without the API server's own address (serverAddressByClientCIDRs).
    expect(core.body).toEqual({ kind: 'APIVersions', versions: ['v1'] });
    const groups = await json<{ groups: { name: string }[] }>(send(w.regular.token, 'GET', '/apis'));
    expect(groups.body.groups.map((g) => g.name)).toContain('apps');
    expect(JSON.stringify(groups.body)).not.toContain('serverAddress');
    expect(
      (await json<{ gitVersion: string }>(send(w.regular.token, 'GET', '/version'))).body.gitVersion,
    ).toMatch(/^v1\./);
  });

  it('lets a project-regular create, patch and delete in the project, and the cluster holds each', async () => {
    const path = `/api/v1/namespaces/${w.project}/configmaps`;
    const dry = await send(w.regular.token, 'POST', `${path}?dryRun=All`, configMap('via-proxy', 'a'));
    expect(dry.status).toBe(201);
    await expect(t.kube.get(CONFIG_MAPS.ref(w.project, 'via-proxy'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    expect((await send(w.regular.token, 'POST', path, configMap('via-proxy', 'a'))).status).toBe(201);
    expect((await t.kube.get(CONFIG_MAPS.ref(w.project, 'via-proxy'))).data).toEqual({ key: 'a' });
    const patched = await send(
      w.regular.token,
      'PATCH',
      `${path}/via-proxy`,
      { data: { key: 'b' } },
      'application/merge-patch+json',
    );
    expect(patched.status).toBe(200);
    expect((await t.kube.get(CONFIG_MAPS.ref(w.project, 'via-proxy'))).data).toEqual({ key: 'b' });
    const read = await json<V1ConfigMap>(send(viewer.token, 'GET', `${path}/via-proxy`));
    expect(read.body.data).toEqual({ key: 'b' });
    expect((await send(w.regular.token, 'DELETE', `${path}/via-proxy`)).status).toBe(200);
    await expect(t.kube.get(CONFIG_MAPS.ref(w.project, 'via-proxy'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a StatefulSet created and scaled through it is read back by Berth’s own API', async () => {
    const path = `/apis/apps/v1/namespaces/${w.project}/statefulsets`;
    const manifest = nginxStatefulSet('kubectl-made', 1);
    expect((await send(w.regular.token, 'POST', path, manifest)).status).toBe(201);
    const scaled = await send(
      w.regular.token,
      'PATCH',
      `${path}/kubectl-made/scale`,
      { spec: { replicas: 2 } },
      'application/merge-patch+json',
    );
    expect(scaled.status).toBe(200);
    expect((await t.kube.get(STATEFUL_SETS.ref(w.project, 'kubectl-made'))).spec?.replicas).toBe(2);
    await waitForReady(t.kube, w.project, 'kubectl-made', 2);
    const res = await t.graphql<{ statefulSet: { form: { replicas: number }; status: { phase: string } } }>(
      `query($p: String!) { statefulSet(project: $p, name: "kubectl-made") { form { replicas } status { phase } } }`,
      { p: w.project },
      w.regular.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.statefulSet.form.replicas).toBe(2);
    expect(res.data!.statefulSet.status.phase).toBe('Running');
  });

  it('takes no dry run for a write, however it is asked: the cache goes on serving the object', async () => {
    const path = `/api/v1/namespaces/${w.project}/configmaps`;
    expect((await send(w.regular.token, 'POST', path, configMap('kept', 'k'))).status).toBe(201);
    const readKept = () => t.as(w.regular.token).get(`/api/v1/projects/${w.project}/configmaps/kept`);
    expect((await readKept()).status).toBe(200); // Kubernetes' answers for this user are remembered now
    const dryDelete = await send(w.regular.token, 'DELETE', `${path}/kept`, {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      dryRun: ['All'],
    });
    expect(dryDelete.status).toBe(200);
    // The key spelled with an escape, as the API server decodes it.
    expect(
      (await send(w.regular.token, 'POST', `${path}?%64ryRun=All`, configMap('never', 'n'))).status,
    ).toBe(201);
    await expect(t.kube.direct().get(CONFIG_MAPS.ref(w.project, 'never'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Still there, and read from the cache at once: no write was waited for, nothing asked of the API server.
    const asked: string[] = [];
    const stop = t.kube.observe((call) => asked.push(`${call.method} ${new URL(call.url).pathname}`));
    try {
      expect((await readKept()).status).toBe(200);
    } finally {
      stop();
    }
    expect(asked).toEqual([]);
  });

  it('holds a project-viewer to reads, and keeps Secrets (their values) from them', async () => {
    const list = await send(viewer.token, 'GET', `/apis/apps/v1/namespaces/${w.project}/statefulsets`);
    expect(list.status).toBe(200);
    const create = await json<Status>(
      send(viewer.token, 'POST', `/api/v1/namespaces/${w.project}/configmaps`, configMap('nope', 'x')),
    );
    expect(create.status).toBe(403);
    expect(create.body).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
    expect((await send(viewer.token, 'GET', `/api/v1/namespaces/${w.project}/secrets`)).status).toBe(403);
    expect((await send(w.regular.token, 'GET', `/api/v1/namespaces/${w.project}/secrets`)).status).toBe(200);
  });

  it('answers another tenant’s project exactly as a project that does not exist', async () => {
    const hidden = await json<Status>(
      send(w.regular.token, 'GET', `/api/v1/namespaces/${other.project}/pods`),
    );
    const missing = await json<Status>(
      send(w.regular.token, 'GET', `/api/v1/namespaces/no-such-project/pods`),
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({
      ...missing.body,
      message: missing.body.message.replace('no-such-project', other.project),
      details: { name: other.project, kind: 'namespaces' },
    });
    expect(hidden.body).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: `namespaces "${other.project}" not found`,
    });
    expect((await send(w.regular.token, 'GET', `/api/v1/namespaces/${other.project}`)).status).toBe(404);
    expect((await send(other.regular.token, 'GET', `/api/v1/namespaces/${other.project}`)).status).toBe(200);
  });

  it('refuses what no role may do through it: RBAC, exec, cluster-wide lists, other cluster objects', async () => {
    for (const [method, path] of [
      ['GET', `/apis/rbac.authorization.k8s.io/v1/namespaces/${w.project}/rolebindings`],
      ['POST', `/api/v1/namespaces/${w.project}/pods/x/exec`],
      ['GET', `/api/v1/namespaces/${w.project}/pods/x/proxy`],
      ['GET', '/api/v1/secrets'],
      ['GET', '/api/v1/persistentvolumes'],
      ['DELETE', '/api/v1/nodes/kwok-node-0'],
      // A Node's status names the images of every tenant's pods.
      ['GET', '/api/v1/nodes'],
      ['GET', '/api/v1/nodes/kwok-node-0'],
      ['GET', '/api/v1/namespaces'],
    ])
      expect([method, path, (await send(w.regular.token, method, path)).status]).toEqual([method, path, 403]);
    expect((await send(w.regular.token, 'GET', '/apis/storage.k8s.io/v1/storageclasses')).status).toBe(200);
  });

  it('refuses paths the API server would not serve, before anything is sent', async () => {
    const bad = await json<Status>(send(w.regular.token, 'GET', `/api/v1/namespaces/Bad_Name/pods`));
    expect(bad).toMatchObject({ status: 400, body: { kind: 'Status', reason: 'BadRequest' } });
    expect(
      (await send(w.regular.token, 'GET', `/api/v1/namespaces/${w.project}/pods%2F..%2Fsecrets`)).status,
    ).toBe(400);
    expect((await send(w.regular.token, 'GET', '/apis/apps/v1/a/b/c/d/e/f/g/h/i')).status).toBe(404);
    // A Namespace inside a namespace would be sent on as the cluster's Namespace list.
    expect((await send(w.regular.token, 'GET', `/api/v1/namespaces/${w.project}/namespaces`)).status).toBe(
      404,
    );
    // Only the path as written: another case, or dot segments resolved on the way, are not served.
    const upper = await fetch(`${base.replace('/kube', '/KUBE')}/api/v1/namespaces/${w.project}/pods`, {
      headers: { authorization: `Bearer ${w.regular.token}` },
    });
    expect(upper.status).toBe(404);
    expect(
      (await send(w.regular.token, 'PUT', `/api/v1/namespaces/${w.project}/configmaps`, {})).status,
    ).toBe(405);
  });

  it('keeps a read-only API token to reads', async () => {
    const token = await w.f.apiToken(w.regular.token, w.regular.username, 'proxy-reader');
    expect((await send(token, 'GET', `/api/v1/namespaces/${w.project}/configmaps`)).status).toBe(200);
    const write = await send(
      token,
      'POST',
      `/api/v1/namespaces/${w.project}/configmaps`,
      configMap('ro', 'x'),
    );
    expect(write.status).toBe(403);
  });

  it('streams a watch on the old /watch/ path', async () => {
    const controller = new AbortController();
    const answer = await fetch(`${base}/api/v1/watch/namespaces/${w.project}/configmaps`, {
      headers: { authorization: `Bearer ${w.regular.token}` },
      signal: controller.signal,
    });
    expect(answer.status).toBe(200);
    expect(
      (
        await send(
          w.regular.token,
          'POST',
          `/api/v1/namespaces/${w.project}/configmaps`,
          configMap('watched', 'w'),
        )
      ).status,
    ).toBe(201);
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (text.includes('"watched"')) break;
    }
    controller.abort();
    const events = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; object: V1ConfigMap });
    expect(events.find((e) => e.object.metadata?.name === 'watched')?.type).toBe('ADDED');
  });

  /** Opens a WebSocket on the Kubernetes API path; resolves with the frames of an open one or the refusal's status. */
  const socket = (path: string, headers: Record<string, string>) =>
    new Promise<{ ws?: WebSocket; status?: number; frames: string[] }>((resolve) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}${path}`, { headers });
      const frames: string[] = [];
      ws.on('message', (data: Buffer) => frames.push(data.toString()));
      ws.on('open', () => resolve({ ws, frames }));
      ws.on('unexpected-response', (_request, response) => {
        resolve({ status: response.statusCode, frames });
        response.resume();
      });
    });

  it('streams a watch over a WebSocket, one event a frame, signed in by header or by the console’s cookie', async () => {
    const path = `/api/v1/watch/namespaces/${w.project}/configmaps`;
    const byHeader = await socket(path, { authorization: `Bearer ${w.regular.token}` });
    const byCookie = await socket(path, { cookie: `lang=en; token=${w.regular.token}` });
    try {
      expect(
        (
          await send(
            w.regular.token,
            'POST',
            `/api/v1/namespaces/${w.project}/configmaps`,
            configMap('socketed', 's'),
          )
        ).status,
      ).toBe(201);
      for (const open of [byHeader, byCookie]) {
        const event = await eventually(() =>
          Promise.resolve(
            open.frames
              .map((f) => JSON.parse(f) as { type: string; object: V1ConfigMap })
              .find((e) => e.object.metadata?.name === 'socketed'),
          ),
        );
        expect(event.type).toBe('ADDED');
      }
    } finally {
      byHeader.ws?.close();
      byCookie.ws?.close();
    }
  });

  it('refuses a WebSocket without a token, from another site’s page, in another tenant’s project, or not a watch', async () => {
    const path = `/api/v1/watch/namespaces/${w.project}/configmaps`;
    expect((await socket(path, {})).status).toBe(401);
    // The cookie is not taken from a page of another origin (cross-site WebSocket hijacking).
    expect(
      (await socket(path, { cookie: `token=${w.regular.token}`, origin: 'http://evil.example' })).status,
    ).toBe(401);
    const auth = { authorization: `Bearer ${w.regular.token}` };
    expect((await socket(`/api/v1/watch/namespaces/${other.project}/configmaps`, auth)).status).toBe(404);
    expect((await socket(`/api/v1/namespaces/${w.project}/configmaps`, auth)).status).toBe(400);
    expect(
      (
        await socket(`/api/v1/watch/namespaces/${w.project}/secrets`, {
          authorization: `Bearer ${viewer.token}`,
        })
      ).status,
    ).toBe(403);
  });

  it('serves an informer of @kubernetes/client-node, listing and watching with a Berth token', async () => {
    const config = new KubeConfig();
    config.loadFromOptions({
      // Plain HTTP on loopback: the client library asks for this flag before it speaks HTTP at all.
      clusters: [{ name: 'berth', server: base, skipTLSVerify: true }],
      users: [{ name: 'regular', token: w.regular.token }],
      contexts: [{ name: 'berth', cluster: 'berth', user: 'regular', namespace: w.project }],
      currentContext: 'berth',
    });
    const api = config.makeApiClient(CoreV1Api);
    const informer = makeInformer(config, `/api/v1/namespaces/${w.project}/configmaps`, () =>
      api.listNamespacedConfigMap({ namespace: w.project }),
    );
    const seen = new Set<string>();
    informer.on('add', (o) => seen.add(o.metadata?.name ?? ''));
    const errors: unknown[] = [];
    informer.on('error', (e) => errors.push(e));
    const rest = t.as(w.regular.token);
    expect(
      (await rest.post(`/api/v1/projects/${w.project}/configmaps`).send({ name: 'listed', data: [] })).status,
    ).toBe(201);
    await informer.start();
    try {
      expect(errors).toEqual([]);
      expect(seen.has('listed')).toBe(true);
      expect(
        (
          await t
            .as(w.regular.token)
            .post(`/api/v1/projects/${w.project}/configmaps`)
            .send({ name: 'informed', data: [] })
        ).status,
      ).toBe(201);
      await eventually(() => Promise.resolve(seen.has('informed') ? true : undefined));
    } finally {
      await informer.stop();
    }
    // Another tenant's namespace cannot be listed through it.
    await expect(api.listNamespacedConfigMap({ namespace: other.project })).rejects.toMatchObject({
      code: 404,
    });
  });
});
