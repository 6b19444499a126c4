import type { KubeObject } from './kube-types';
import { PolledLists } from './polled-lists';

const TTL = 10_000;
const named = (name: string): KubeObject[] => [{ metadata: { name } }];

/** A scripted API: each fetch is held until the test settles it, and counted. */
function api() {
  const pending: { resolve: (items: KubeObject[]) => void; reject: (error: Error) => void }[] = [];
  const fetch = (namespace: string) => {
    void namespace;
    return new Promise<KubeObject[]>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { pending, lists: new PolledLists(fetch, TTL) };
}

/** An API whose first fetch (of p1) has answered `name`. */
async function answered(name: string) {
  const scripted = api();
  const first = scripted.lists.items('p1');
  scripted.pending[0].resolve(named(name));
  await first;
  return scripted;
}

const nameOf = async (items: Promise<KubeObject[]>) => (await items)[0]?.metadata?.name;

describe('PolledLists', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('shares one request among concurrent readers and reuses its answer for the period', async () => {
    const { pending, lists } = api();
    const first = lists.items('p1');
    const second = lists.items('p1');
    expect(pending).toHaveLength(1);
    pending[0].resolve(named('a'));
    expect([await nameOf(first), await nameOf(second)]).toEqual(['a', 'a']);
    jest.advanceTimersByTime(TTL - 1);
    expect(await nameOf(lists.items('p1'))).toBe('a');
    expect(pending).toHaveLength(1);
    void lists.items('p2'); // another namespace: a request of its own, left pending
    expect(pending).toHaveLength(2);
  });

  it('in the next period serves the last answer while one refresh runs, then the new one', async () => {
    const { pending, lists } = await answered('a');
    jest.advanceTimersByTime(TTL);
    expect(await nameOf(lists.items('p1'))).toBe('a');
    expect(await nameOf(lists.items('p1'))).toBe('a');
    expect(pending).toHaveLength(2);
    pending[1].resolve(named('b'));
    await Promise.resolve();
    await Promise.resolve();
    expect(await nameOf(lists.items('p1'))).toBe('b');
    expect(pending).toHaveLength(2);
  });

  it('after two periods waits for a fresh answer rather than serve an old one', async () => {
    const { pending, lists } = await answered('a');
    jest.advanceTimersByTime(2 * TTL);
    const fresh = lists.items('p1');
    const again = lists.items('p1');
    expect(pending).toHaveLength(2);
    pending[1].resolve(named('b'));
    expect([await nameOf(fresh), await nameOf(again)]).toEqual(['b', 'b']);
  });

  it('forgets a failed request, and after a failed refresh tries again on the next read', async () => {
    const { pending, lists } = api();
    const failed = lists.items('p1');
    pending[0].reject(new Error('metrics API down'));
    await expect(failed).rejects.toThrow('metrics API down');
    const retried = lists.items('p1');
    expect(pending).toHaveLength(2);
    pending[1].resolve(named('a'));
    await retried;

    jest.advanceTimersByTime(TTL);
    expect(await nameOf(lists.items('p1'))).toBe('a');
    pending[2].reject(new Error('metrics API down'));
    await Promise.resolve();
    await Promise.resolve();
    expect(await nameOf(lists.items('p1'))).toBe('a');
    expect(pending).toHaveLength(4);
  });
});
