import type { Client } from 'graphql-ws';
import { ROLE_BINDINGS, STATEFUL_SETS, type V1RoleBinding } from '../src/kube';
import { LiveFeeds } from '../src/live/live-feeds.service';
import { liveClient, Subscription, type Closed } from './support/live-client';
import { statefulSetApi } from './support/statefulset-api';
import { eventually, TestApp, testConfig } from './support/test-app';
import {
  projectMember,
  waitForReady,
  type WorkloadProject,
  workloadProject,
} from './support/workload-fixture';

const form = (name: string, replicas = 1, image = 'nginx:1.27') => ({
  name,
  replicas,
  containers: [{ name: 'web', image, ports: [{ name: 'http', containerPort: 80 }] }],
});

interface Item {
  id: string;
  name: string;
  images: string[];
  status: { desired: number; ready: number; phase: string };
  pods: { nodes: { name: string; phase: string; ready: boolean }[] };
}
interface ListMessage {
  statefulSetsChanged: {
    resourceVersion: string;
    initial: boolean;
    synced: boolean;
    changes: { type: string; id: string; name: string; statefulSet: Item | null }[];
  };
}
interface DetailMessage {
  statefulSetChanged: { resourceVersion: string; type: string; initial: boolean; statefulSet: Item | null };
}

const ITEM = 'id name images status { desired ready phase } pods { nodes { name phase ready } }';
const LIST = `subscription($p: String!, $after: String, $name: String) {
  statefulSetsChanged(project: $p, after: $after, filter: { name: $name }) {
    resourceVersion initial synced changes { type id name statefulSet { ${ITEM} } } } }`;
const DETAIL = `subscription($p: String!, $n: String!) {
  statefulSetChanged(project: $p, name: $n) { resourceVersion type initial statefulSet { ${ITEM} } } }`;

const changesOf = (m: ListMessage) => m.statefulSetsChanged.changes;
const changed = (name: string, holds: (item: Item) => boolean) => (m: ListMessage) =>
  changesOf(m).find((c) => c.name === name && c.statefulSet && holds(c.statefulSet));

/**
 * GraphQL subscriptions over graphql-ws on the real control plane: the first state and the changes
 * of a list and a detail (scale, a deleted pod, a new image), resume from a cursor, and the rules
 * that keep them bounded and authorized.
 */
describe('GraphQL subscriptions', () => {
  let t: TestApp;
  let w: WorkloadProject;
  const clients: Client[] = [];
  const open = async (token: string | null, onClosed?: (c: Closed) => void) => {
    const client = await liveClient(t, token, { onClosed });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const base = testConfig();
    t = await TestApp.start({
      ...base,
      live: { ...base.live, debounceMs: 50, maxPerConnection: 3, maxPerUser: 3 },
    });
    w = await workloadProject(t, await t.token());
    const api = statefulSetApi(t, 'rest', w.project, w.regular.token);
    expect((await api.create(form('live-a', 1))).ok).toBe(true);
    expect((await api.create(form('live-b', 0))).ok).toBe(true);
    await waitForReady(t.kube, w.project, 'live-a', 1);
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await w.f.cleanUp();
    await t.close();
  });

  it('refuses a connection without a token, or with a bad one (close code 4401)', async () => {
    for (const token of [null, 'not-a-token']) {
      let closed: Closed | undefined;
      const client = await open(token, (c) => (closed = c));
      const s = new Subscription<ListMessage>(client, LIST, { p: w.project });
      await s.until((x) => x.errors !== null || closed !== undefined, 'the refusal');
      await eventually(() => Promise.resolve(closed), 10_000, 'the close');
      expect(closed?.code).toBe(4401);
      expect(s.messages).toHaveLength(0);
    }
  });

  it('a list: the first state, then a scale, a deleted pod and a new image, each as a MODIFIED item', async () => {
    const client = await open(w.regular.token);
    const s = new Subscription<ListMessage>(client, LIST, { p: w.project, name: 'live-' });
    const first = await s.next(0, (m) => m.statefulSetsChanged.synced && m, 'the first state');
    expect(first.statefulSetsChanged.initial).toBe(true);
    expect(changesOf(first).map((c) => [c.type, c.name, c.id])).toEqual([
      ['ADDED', 'live-a', `${w.project}/live-a`],
      ['ADDED', 'live-b', `${w.project}/live-b`],
    ]);
    expect(changesOf(first)[0].statefulSet?.pods.nodes.map((p) => p.name)).toEqual(['live-a-0']);
    const api = statefulSetApi(t, 'rest', w.project, w.regular.token);

    let seen = s.messages.length;
    expect((await api.scale('live-b', 1)).ok).toBe(true);
    await s.next(
      seen,
      changed('live-b', (i) => i.status.desired === 1),
      'live-b scaled to 1',
    );
    await s.next(
      seen,
      changed('live-b', (i) => i.pods.nodes.length === 1 && i.pods.nodes[0].ready),
      'its pod ready',
    );
    expect(s.messages.slice(seen).every((m) => !m.statefulSetsChanged.initial)).toBe(true);

    seen = s.messages.length;
    expect((await api.deletePod('live-a-0')).ok).toBe(true);
    // The deletion is reported as a change of live-a. kwok may end the pod, the controller make its
    // replacement and kwok report that ready within one debounce window (CI saw each of these), so
    // the states in between need not all be sent; the last one sent shows the pod back and ready.
    const reported = changed('live-a', () => true);
    await s.next(seen, reported, 'the deletion reported');
    const reportedAt = s.messages.findIndex((m, index) => index >= seen && reported(m));
    await s.next(
      reportedAt,
      changed(
        'live-a',
        (i) =>
          i.pods.nodes.length === 1 &&
          i.pods.nodes[0].ready &&
          i.pods.nodes[0].phase === 'Running' &&
          i.status.ready === 1,
      ),
      'the pod back',
    );

    seen = s.messages.length;
    const current = await api.get('live-b');
    const update = await api.update('live-b', form('live-b', 1, 'nginx:1.28'), current.body.resourceVersion);
    expect(update.ok).toBe(true);
    await s.next(
      seen,
      changed('live-b', (i) => i.images[0] === 'nginx:1.28'),
      'the new image',
    );

    seen = s.messages.length;
    expect((await api.create(form('live-c', 0))).ok).toBe(true);
    await s.next(
      seen,
      (m) => changesOf(m).find((c) => c.name === 'live-c' && c.type === 'ADDED'),
      'live-c added',
    );
    expect((await api.delete('live-c')).ok).toBe(true);
    const removed = await s.next(
      seen,
      (m) => changesOf(m).find((c) => c.name === 'live-c' && c.type === 'REMOVED'),
      'live-c removed',
    );
    expect(removed.statefulSet).toBeNull();
    expect(s.errors).toBeNull();
    s.dispose();
  });

  it('a detail: the current state, then its pods and status as they change', async () => {
    const client = await open(w.regular.token);
    const s = new Subscription<DetailMessage>(client, DETAIL, { p: w.project, n: 'live-a' });
    const first = await s.next(0, (m) => m.statefulSetChanged, 'the first state');
    expect(first).toMatchObject({ type: 'ADDED', initial: true, statefulSet: { name: 'live-a' } });
    const seen = s.messages.length;
    expect((await statefulSetApi(t, 'graphql', w.project, w.regular.token).scale('live-a', 2)).ok).toBe(true);
    const two = await s.next(
      seen,
      (m) =>
        m.statefulSetChanged.statefulSet?.pods.nodes.filter((p) => p.ready).length === 2 &&
        m.statefulSetChanged,
      'two ready pods',
    );
    expect(two).toMatchObject({ type: 'MODIFIED', initial: false, statefulSet: { status: { desired: 2 } } });
    s.dispose();
  });

  it('resumes after a cursor with what changed meanwhile, and says when a cursor is too old', async () => {
    // The detail test scaled live-a to 2: the controller's last status writes (available, current,
    // updated) must be in before the cursor is taken, or they are rightly sent as changes after it.
    await eventually(async () => {
      const status = (await t.kube.direct().get(STATEFUL_SETS.ref(w.project, 'live-a'))).status;
      const counts = [
        status?.readyReplicas,
        status?.availableReplicas,
        status?.currentReplicas,
        status?.updatedReplicas,
      ];
      return counts.every((n) => n === 2) ? true : undefined;
    });
    const client = await open(w.regular.token);
    const s = new Subscription<ListMessage>(client, LIST, { p: w.project, name: 'live-' });
    const first = await s.next(0, (m) => m.statefulSetsChanged.synced && m, 'the first state');
    s.dispose();
    const cursor = first.statefulSetsChanged.resourceVersion;
    expect(cursor).toMatch(/^\d+$/);

    // Meanwhile (no one subscribed): live-b goes to 0 replicas.
    expect((await statefulSetApi(t, 'rest', w.project, w.regular.token).scale('live-b', 0)).ok).toBe(true);
    const resumed = new Subscription<ListMessage>(client, LIST, {
      p: w.project,
      name: 'live-',
      after: cursor,
    });
    const catchUp = await resumed.next(0, (m) => m, 'the catch-up');
    expect(catchUp.statefulSetsChanged.initial).toBe(false);
    const b = changesOf(catchUp).find((c) => c.name === 'live-b');
    expect(b).toMatchObject({ type: 'MODIFIED', statefulSet: { status: { desired: 0 } } });
    // What did not change since the cursor is not sent again.
    expect(changesOf(catchUp).some((c) => c.name === 'live-a')).toBe(false);
    resumed.dispose();

    const old = new Subscription<ListMessage>(client, LIST, { p: w.project, after: '1' });
    await old.until((x) => x.errors, 'the refusal');
    expect(old.errors?.[0].extensions?.code).toBe('EXPIRED');
    const bad = new Subscription<ListMessage>(client, LIST, { p: w.project, after: 'yesterday' });
    await bad.until((x) => x.errors, 'the refusal');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
  });

  it('runs only subscriptions over the socket, and refuses an outsider’s project as NOT_FOUND', async () => {
    const client = await open(w.regular.token);
    const query = new Subscription<unknown>(client, '{ me { username } }', {});
    await query.until((x) => x.errors, 'the refusal');
    expect(query.errors?.[0].message).toMatch(/Only subscriptions/);
    expect(query.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const two = new Subscription<unknown>(
      client,
      'subscription($p: String!) { a: statefulSetsChanged(project: $p) { initial } b: statefulSetsChanged(project: $p) { initial } }',
      { p: w.project },
    );
    await two.until((x) => x.errors, 'the refusal');
    expect(two.errors?.[0].message).toMatch(/only one top level field/);
    expect(two.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The HTTP endpoint's limits hold here too: thirty aliases of one field (20 is the limit).
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: name`).join(' ');
    const wide = new Subscription<unknown>(
      client,
      `subscription($p: String!) { statefulSetsChanged(project: $p) { changes { statefulSet { ${aliases} } } } }`,
      { p: w.project },
    );
    await wide.until((x) => x.errors, 'the refusal');
    expect(wide.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const broken = new Subscription<unknown>(client, 'subscription { statefulSetsChanged(', {});
    await broken.until((x) => x.errors, 'the refusal');
    expect(broken.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const hidden = new Subscription<ListMessage>(client, LIST, { p: 'someone-elses' });
    await hidden.until((x) => x.errors, 'the refusal');
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('limits subscriptions per connection and connections per user', async () => {
    const member = await projectMember(t, w, 'project-viewer');
    const client = await open(member.token);
    const subs = [0, 1, 2].map(
      () => new Subscription<DetailMessage>(client, DETAIL, { p: w.project, n: 'live-b' }),
    );
    for (const s of subs) await s.next(0, (m) => m, 'a first state');
    const fourth = new Subscription<DetailMessage>(client, DETAIL, { p: w.project, n: 'live-b' });
    await fourth.until((x) => x.errors, 'the refusal');
    expect(fourth.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    subs[0].dispose();
    const again = new Subscription<DetailMessage>(client, DETAIL, { p: w.project, n: 'live-b' });
    await again.next(0, (m) => m, 'a first state once one was completed');

    // Three connections are this user's limit (the first is open): the fourth is closed with 4429.
    for (let i = 0; i < 2; i++) {
      const c = await open(member.token);
      await new Subscription<DetailMessage>(c, DETAIL, { p: w.project, n: 'live-b' }).next(
        0,
        (m) => m,
        'open',
      );
    }
    let closed: Closed | undefined;
    const over = await open(member.token, (c) => (closed = c));
    const refused = new Subscription<DetailMessage>(over, DETAIL, { p: w.project, n: 'live-b' });
    await eventually(() => Promise.resolve(closed), 10_000, 'the close');
    expect(closed?.code).toBe(4429);
    expect(refused.messages).toHaveLength(0);
  });

  it('ends a subscription with NOT_FOUND once its subscriber is removed from the project', async () => {
    const member = await projectMember(t, w, 'project-regular');
    const client = await open(member.token);
    const s = new Subscription<ListMessage>(client, LIST, { p: w.project });
    await s.next(0, (m) => m.statefulSetsChanged.synced, 'the first state');
    const removed = await t
      .as(await t.token())
      .delete(`/api/v1/projects/${w.project}/members/${member.username}`);
    expect(removed.status).toBe(200);
    await s.until((x) => x.errors, 'the end', 15_000);
    expect(s.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(t.app.get(LiveFeeds).size).toBeLessThan(20);
  });

  it('ends a subscription with FORBIDDEN when Kubernetes no longer allows it (RoleBinding changed behind Berth’s back)', async () => {
    const member = await projectMember(t, w, 'project-regular');
    const client = await open(member.token);
    const s = new Subscription<ListMessage>(client, LIST, { p: w.project });
    await s.next(0, (m) => m.statefulSetsChanged.synced, 'the first state');
    await t.kube.modify<V1RoleBinding>(
      ROLE_BINDINGS.ref(w.project, `berth-project-regular-${member.username}`),
      (rb) => ({
        ...structuredClone(rb),
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'berth:somebody-else' }],
      }),
    );
    await s.until((x) => x.errors, 'the end', 15_000);
    expect(s.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
