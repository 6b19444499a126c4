import { Informer, type InformerEvent, type ListWatch, type WatchEnd } from './informer';
import type { KubeObject } from './kube-types';

interface Pod extends KubeObject {
  spec?: { owner: string };
}

const pod = (name: string, rv: number, owner = 'a', namespace = 'p1'): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, resourceVersion: String(rv), managedFields: [{ manager: 'x' }] },
  spec: { owner },
});

/** A scripted API server for one kind: what the next lists answer, and the open watches to drive. */
class Script implements ListWatch<Pod> {
  lists: ({ items: Pod[]; resourceVersion: string } | Error)[] = [];
  listCalls = 0;
  watches: {
    from: string;
    send: (e: InformerEvent<Pod>) => void;
    end: (why: WatchEnd) => void;
    stopped: boolean;
  }[] = [];

  list(): Promise<{ items: Pod[]; resourceVersion: string }> {
    this.listCalls += 1;
    const next = this.lists.shift() ?? new Error('no list scripted');
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  }

  watch(from: string, onEvent: (e: InformerEvent<Pod>) => void, onEnd: (why: WatchEnd) => void) {
    const entry = { from, send: onEvent, end: onEnd, stopped: false };
    this.watches.push(entry);
    return Promise.resolve({ stop: () => (entry.stopped = true) });
  }

  get current() {
    return this.watches[this.watches.length - 1];
  }
}

/** Waits for a condition of the informer's asynchronous loop, without sleeping a fixed time. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('Informer', () => {
  let script: Script;
  let informer: Informer<Pod>;

  beforeEach(() => {
    script = new Script();
    informer = new Informer(script, {
      indexes: { owner: (p) => [p.spec?.owner ?? ''] },
      backoff: { initialMs: 1, maxMs: 5 },
    });
  });
  afterEach(() => informer.stop());

  it('lists, then watches from the list’s version, keeping objects trimmed and indexed', async () => {
    script.lists.push({ items: [pod('a-0', 5), pod('b-0', 6, 'b')], resourceVersion: '10' });
    informer.start();
    await until(() => script.watches.length === 1, 'the watch');
    expect(informer.synced).toBe(true);
    expect(script.current.from).toBe('10');
    expect(informer.get('p1', 'a-0')?.metadata?.managedFields).toBeUndefined();
    expect(informer.byIndex('owner', 'b').map((p) => p.metadata?.name)).toEqual(['b-0']);
    expect(informer.byIndex('namespace', 'p1')).toHaveLength(2);
    expect(informer.unwatchedForMs()).toBe(0);
  });

  it('applies events to the store and its indexes, and tells listeners', async () => {
    script.lists.push({ items: [pod('a-0', 5)], resourceVersion: '10' });
    const changes: string[] = [];
    informer.onChange((c) => changes.push(`${c.type} ${c.object.metadata?.name}`));
    informer.start();
    await until(() => script.watches.length === 1, 'the watch');
    script.current.send({ type: 'MODIFIED', object: pod('a-0', 11, 'b') });
    script.current.send({ type: 'ADDED', object: pod('a-1', 12) });
    script.current.send({ type: 'DELETED', object: pod('a-1', 13) });
    expect(informer.byIndex('owner', 'a')).toEqual([]);
    expect(informer.byIndex('owner', 'b').map((p) => p.metadata?.name)).toEqual(['a-0']);
    expect(informer.list()).toHaveLength(1);
    expect(informer.resourceVersion).toBe('13');
    expect(changes).toEqual(['ADDED a-0', 'MODIFIED a-0', 'ADDED a-1', 'DELETED a-1']);
  });

  it('a read after a write waits for the write’s version, bounded', async () => {
    script.lists.push({ items: [], resourceVersion: '10' });
    informer.start();
    await until(() => script.watches.length === 1, 'the watch');
    const seen = informer.waitFor('12', 1_000);
    script.current.send({ type: 'ADDED', object: pod('a-0', 12) });
    await expect(seen).resolves.toBe(true);
    await expect(informer.waitFor('11', 1_000)).resolves.toBe(true);
    await expect(informer.waitFor('99', 20)).resolves.toBe(false);
  });

  it('a watch the server closes is reopened from the last version seen, without a list', async () => {
    script.lists.push({ items: [], resourceVersion: '10' });
    informer.start();
    await until(() => script.watches.length === 1, 'the watch');
    script.current.send({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '20' } } });
    script.current.end('closed');
    await until(() => script.watches.length === 2, 'the second watch');
    expect(script.current.from).toBe('20');
    expect(script.listCalls).toBe(1);
  });

  it('410 Gone lists again once, and reports what changed while it was away', async () => {
    script.lists.push({ items: [pod('a-0', 5), pod('a-1', 6)], resourceVersion: '10' });
    script.lists.push({ items: [pod('a-0', 15), pod('a-2', 16)], resourceVersion: '30' });
    const changes: string[] = [];
    informer.start();
    await until(() => script.watches.length === 1, 'the watch');
    informer.onChange((c) => changes.push(`${c.type} ${c.object.metadata?.name}`));
    script.current.end('expired');
    await until(() => script.watches.length === 2, 'the watch after the relist');
    expect(script.listCalls).toBe(2);
    expect(script.current.from).toBe('30');
    expect(changes.sort()).toEqual(['ADDED a-2', 'DELETED a-1', 'MODIFIED a-0']);
  });

  it('failures back off and retry; the informer keeps serving what it has meanwhile', async () => {
    script.lists.push(new Error('down'), new Error('down'), {
      items: [pod('a-0', 5)],
      resourceVersion: '10',
    });
    informer.start();
    await until(() => script.watches.length === 1, 'the watch after two failed lists');
    expect(script.listCalls).toBe(3);
    script.current.end('error');
    await until(() => script.watches.length === 2, 'the watch reopened after an error');
    expect(script.current.from).toBe('10');
    expect(informer.get('p1', 'a-0')).toBeDefined();
  });

  it('stop ends the watch and resolves pending waits as not reached', async () => {
    script.lists.push({ items: [], resourceVersion: '10' });
    informer.start();
    await until(() => script.watches.length === 1, 'the watch');
    const pending = informer.waitFor('50', 10_000);
    informer.stop();
    await expect(pending).resolves.toBe(false);
    expect(script.current.stopped).toBe(true);
    script.current.end('closed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(script.watches).toHaveLength(1);
  });

  it('counts the time without a watch, for readiness', async () => {
    script.lists.push({ items: [], resourceVersion: '10' });
    informer.start();
    await until(() => script.watches.length === 1, 'the watch');
    script.current.end('error');
    expect(informer.unwatchedForMs(Date.now() + 1_000)).toBeGreaterThanOrEqual(1_000);
  });

  it('remembers what changed after a version, counts a relist’s findings at the list’s version, and says when a version is too old', async () => {
    const small = new Informer(script, { backoff: { initialMs: 1, maxMs: 5 }, historySize: 2 });
    script.lists.push({ items: [pod('a-0', 5)], resourceVersion: '10' });
    small.start();
    await until(() => script.watches.length === 1, 'the watch');
    expect(small.changedSince('9')).toBeNull(); // before the first list: unknown
    expect(small.changedSince('10')).toEqual([]);
    script.current.send({ type: 'ADDED', object: pod('b-0', 11) });
    script.current.send({ type: 'MODIFIED', object: pod('a-0', 12) });
    expect(small.changedSince('10')).toEqual(['p1/b-0', 'p1/a-0']);
    expect(small.changedSince('11')).toEqual(['p1/a-0']);
    expect(small.changedSince('not-a-version')).toBeNull();

    // The watch expires; the relist finds b-0 gone and c-0 new: both count at the list's version.
    script.lists.push({ items: [pod('a-0', 12), pod('c-0', 14)], resourceVersion: '15' });
    script.current.end('expired');
    await until(() => script.watches.length === 2, 'the second watch');
    expect(small.changedSince('12')?.sort()).toEqual(['p1/b-0', 'p1/c-0']);
    expect(small.changedSince('15')).toEqual([]);

    // More than twice the history size: the oldest are forgotten and their versions are too old.
    script.current.send({ type: 'MODIFIED', object: pod('a-0', 16) });
    expect(small.changedSince('10')).toBeNull();
    expect(small.changedSince('15')).toEqual(['p1/a-0']);
    small.stop();
  });
});
