import { request as httpRequest, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import WebSocket from 'ws';
import { ANNOTATIONS } from '../src/iam/labels';
import { LiveFeeds } from '../src/live/live-feeds.service';
import { liveClient, Subscription } from './support/live-client';
import { statefulSetApi } from './support/statefulset-api';
import { errorBody, eventually, TestApp, testConfig } from './support/test-app';
import {
  projectMember,
  waitForReady,
  type WorkloadProject,
  workloadProject,
} from './support/workload-fixture';

const form = (name: string, replicas: number) => ({
  name,
  replicas,
  containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
});

/** Server-Sent Events as they arrive on a REST change stream. */
class EventStream {
  readonly events: { event: string; id?: string; data: unknown }[] = [];
  status = 0;
  ended = false;
  private buffer = '';
  private response?: IncomingMessage;
  private readonly request;

  constructor(port: number, path: string, token: string, headers: Record<string, string> = {}) {
    this.request = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    this.request.on('response', (res) => {
      this.response = res;
      this.status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => this.take(chunk));
      res.on('end', () => (this.ended = true));
    });
    this.request.on('error', () => (this.ended = true));
    this.request.end();
  }

  until<T>(pick: (s: this) => T | undefined | false, what: string): Promise<T> {
    return eventually(() => Promise.resolve(pick(this) || undefined), 30_000, what);
  }

  close(): void {
    this.request.destroy();
    this.response?.destroy();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields = Object.fromEntries(
        frame
          .split('\n')
          .filter((line) => line && !line.startsWith(':'))
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
      ) as Record<string, string>;
      if (fields.data !== undefined)
        this.events.push({ event: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data) });
    }
  }
}

interface ListEvent {
  resourceVersion: string;
  initial: boolean;
  changes: { type: string; name: string; statefulSet: { status: { desired: number } } | null }[];
}

/**
 * The other live answers: REST's Server-Sent Events (same feeds as the subscriptions), followed
 * events and container logs over GraphQL, and a slow subscriber dropped instead of buffered.
 */
describe('live streams', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let port: number;

  beforeAll(async () => {
    const base = testConfig();
    t = await TestApp.start({ ...base, live: { ...base.live, debounceMs: 50, maxPending: 8 } });
    w = await workloadProject(t, await t.token());
    const api = statefulSetApi(t, 'rest', w.project, w.regular.token);
    expect((await api.create(form('sse-a', 1))).ok).toBe(true);
    await waitForReady(t.kube, w.project, 'sse-a', 1);
    port = await t.listen();
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  it('REST: a list as Server-Sent Events, resumed with Last-Event-ID, refused with a cursor too old', async () => {
    const path = `/api/v1/projects/${w.project}/watch/statefulsets?name=sse-`;
    const stream = new EventStream(port, path, w.regular.token);
    const first = await stream.until((s) => s.events[0], 'the first state');
    expect(stream.status).toBe(200);
    expect(first.event).toBe('change');
    const firstData = first.data as ListEvent;
    expect(firstData).toMatchObject({ initial: true, changes: [{ type: 'ADDED', name: 'sse-a' }] });
    expect(first.id).toBe(firstData.resourceVersion);

    const api = statefulSetApi(t, 'rest', w.project, w.regular.token);
    expect((await api.scale('sse-a', 2)).ok).toBe(true);
    await stream.until(
      (s) =>
        s.events.find((e) => (e.data as ListEvent).changes?.some((c) => c.statefulSet?.status.desired === 2)),
      'the scale',
    );
    const lastId = stream.events[stream.events.length - 1].id ?? '';
    stream.close();

    expect((await api.scale('sse-a', 1)).ok).toBe(true);
    const resumed = new EventStream(port, path, w.regular.token, { 'last-event-id': lastId });
    const catchUp = await resumed.until((s) => s.events[0], 'the catch-up');
    expect(catchUp.data).toMatchObject({ initial: false, changes: [{ type: 'MODIFIED', name: 'sse-a' }] });
    resumed.close();

    const expired = await t.as(w.regular.token).get(`${path}&after=1`);
    expect([expired.status, errorBody(expired).code]).toEqual([410, 'EXPIRED']);
    const outsider = await t.as(w.regular.token).get('/api/v1/projects/not-mine/watch/statefulsets');
    expect([outsider.status, errorBody(outsider).code]).toEqual([404, 'NOT_FOUND']);
    const anonymous = await t.http().get(`/api/v1/projects/${w.project}/watch/statefulsets`);
    expect(anonymous.status).toBe(401);
  });

  it('REST: a stream ends with an error event (NOT_FOUND) once its reader is removed from the project', async () => {
    const member = await projectMember(t, w, 'project-viewer');
    const stream = new EventStream(
      port,
      `/api/v1/projects/${w.project}/watch/statefulsets/sse-a`,
      member.token,
    );
    await stream.until((s) => s.events[0], 'the first state');
    const removed = await t
      .as(await t.token())
      .delete(`/api/v1/projects/${w.project}/members/${member.username}`);
    expect(removed.status).toBe(200);
    const end = await stream.until((s) => s.events.find((e) => e.event === 'error'), 'the error event');
    expect(end.data).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await stream.until((s) => s.ended, 'the end of the stream');
  });

  it('GraphQL: a StatefulSet’s events as they happen, and a container’s log followed', async () => {
    const client = await liveClient(t, w.regular.token);
    const events = new Subscription<{
      eventsChanged: { initial: boolean; events: { reason: string; object: string }[] };
    }>(
      client,
      'subscription($p: String!) { eventsChanged(project: $p, kind: "StatefulSet", name: "sse-a") { initial events { reason object } } }',
      { p: w.project },
    );
    await events.next(0, (m) => m.eventsChanged.initial, 'the recent events');
    const seen = events.messages.length;
    expect((await statefulSetApi(t, 'rest', w.project, w.regular.token).scale('sse-a', 2)).ok).toBe(true);
    const created = await events.next(
      seen,
      (m) =>
        m.eventsChanged.events.find(
          (e) => e.reason === 'SuccessfulCreate' && e.object === 'StatefulSet/sse-a',
        ),
      'the SuccessfulCreate event',
    );
    expect(created).toBeDefined();
    events.dispose();

    const log = new Subscription<{ containerLog: { lines: string[] } }>(
      client,
      'subscription($p: String!) { containerLog(project: $p, pod: "sse-a-0", tailLines: 2) { lines } }',
      { p: w.project },
    );
    const lines = await log.until(
      (s) =>
        s.messages.flatMap((m) => m.containerLog.lines).length >= 2 &&
        s.messages.flatMap((m) => m.containerLog.lines),
      'two log lines',
    );
    expect(lines[1]).toMatch(/GET \/healthz/);
    log.dispose();
    const badKind = new Subscription<unknown>(
      client,
      'subscription($p: String!) { eventsChanged(project: $p, kind: "x,involvedObject.name=y") { initial } }',
      { p: w.project },
    );
    await badKind.until((s) => s.errors, 'the refusal');
    expect(badKind.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'kind' }],
    });
    await client.dispose();
  });

  it('drops a subscriber that does not read (close code 4413) instead of buffering for it', async () => {
    const feeds = t.app.get(LiveFeeds);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const messages: { type: string }[] = [];
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as { type: string }));
    const closed = once(socket, 'close') as Promise<[number, Buffer]>;
    await once(socket, 'open');
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${w.regular.token}` } }),
    );
    await eventually(
      () => Promise.resolve(messages.some((m) => m.type === 'connection_ack') || undefined),
      10_000,
      'ack',
    );
    const before = feeds.size;
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: {
          query:
            'subscription($p: String!) { statefulSetChanged(project: $p, name: "sse-a") { statefulSet { description } } }',
          variables: { p: w.project },
        },
      }),
    );
    await eventually(
      () => Promise.resolve(messages.some((m) => m.type === 'next') || undefined),
      10_000,
      'the first state',
    );
    expect(feeds.size).toBe(before + 1);

    // The client stops reading; each change now sends ~200 KB it does not take.
    socket.pause();
    const big = 'x'.repeat(200_000);
    for (let i = 0; i < 500 && feeds.size > before; i++)
      await t.kube.patch(
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: {
            name: 'sse-a',
            namespace: w.project,
            annotations: { [ANNOTATIONS.description]: `${i}${big}` },
          },
        },
        'merge',
      );
    expect(feeds.size).toBe(before);
    socket.resume();
    const [code] = await closed;
    expect(code).toBe(4413);
  });
});

describe('live streams, started in a loop', () => {
  let t: TestApp;
  let w: WorkloadProject;

  beforeAll(async () => {
    const base = testConfig();
    t = await TestApp.start({ ...base, live: { ...base.live, subscribesPerMinute: 3 } });
    w = await workloadProject(t, await t.token());
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  it('are bounded per user and minute (each first state costs work): TOO_MANY_REQUESTS with Retry-After', async () => {
    const port = await t.listen();
    const path = `/api/v1/projects/${w.project}/watch/statefulsets`;
    for (let i = 0; i < 3; i++) {
      const stream = new EventStream(port, path, w.regular.token);
      await stream.until((s) => s.events[0], `stream ${i + 1}`);
      stream.close();
    }
    const refused = await t.as(w.regular.token).get(path);
    expect([refused.status, errorBody(refused).code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
