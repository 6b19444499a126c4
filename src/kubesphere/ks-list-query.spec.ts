import fc from 'fast-check';
import type { KubeObject, V1StatefulSet } from '../kube';
import { ksList, ksStatefulSetStatus, parseKsListQuery } from './ks-list-query';

const object = (name: string, minute: number, labels: Record<string, string> = {}): KubeObject => ({
  metadata: { name, labels, creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, minute)) },
});
const names = (list: { items: KubeObject[] }) => list.items.map((o) => o.metadata?.name);
const objects = [object('web', 1, { app: 'web' }), object('db', 2, { app: 'db' }), object('web-2', 3)];

describe('parseKsListQuery and ksList (ks-apiserver v1alpha3 semantics)', () => {
  it('sorts by creation time, newest first, and answers every object without a limit', () => {
    const list = ksList(objects, parseKsListQuery({}));
    expect(names(list)).toEqual(['web-2', 'db', 'web']);
    expect(list.totalItems).toBe(3);
  });

  it('pages from 1, with totalItems counting every match; limit=-1 is all', () => {
    expect(names(ksList(objects, parseKsListQuery({ limit: '2', page: '2' })))).toEqual(['web']);
    expect(ksList(objects, parseKsListQuery({ limit: '2', page: '2' })).totalItems).toBe(3);
    expect(names(ksList(objects, parseKsListQuery({ limit: '-1', page: '3' })))).toHaveLength(3);
    expect(names(ksList(objects, parseKsListQuery({ limit: '10', page: '9' })))).toEqual([]);
  });

  it('filters by name substring, exact names, labels and selector; ascending and sortBy=name', () => {
    expect(
      names(ksList(objects, parseKsListQuery({ name: 'we', sortBy: 'name', ascending: 'true' }))),
    ).toEqual(['web', 'web-2']);
    expect(names(ksList(objects, parseKsListQuery({ names: 'db,web' })))).toEqual(['db', 'web']);
    expect(names(ksList(objects, parseKsListQuery({ labelSelector: 'app in (web,db)' })))).toEqual([
      'db',
      'web',
    ]);
    expect(names(ksList(objects, parseKsListQuery({ label: 'app=db' })))).toEqual(['db']);
  });

  it('matches nothing for a filter key it does not know', () => {
    expect(ksList(objects, parseKsListQuery({ colour: 'blue' }))).toEqual({ items: [], totalItems: 0 });
  });

  it('uses a resource’s own filters and sort keys', () => {
    const spec = {
      filters: { status: (o: KubeObject, v: string) => (o.metadata?.labels?.app ?? 'none') === v },
      sortKeys: { startTime: (o: KubeObject) => o.metadata?.name ?? '' },
    };
    expect(names(ksList(objects, parseKsListQuery({ status: 'db' }), spec))).toEqual(['db']);
    expect(names(ksList(objects, parseKsListQuery({ sortBy: 'startTime' }), spec))).toEqual([
      'web-2',
      'web',
      'db',
    ]);
  });

  it('refuses bad paging and selectors, naming the parameter', () => {
    for (const [query, field] of [
      [{ page: '0' }, 'page'],
      [{ limit: 'ten' }, 'limit'],
      [{ labelSelector: 'a in (' }, 'labelSelector'],
    ] as const)
      expect(() => parseKsListQuery(query)).toThrow(
        expect.objectContaining({ fields: [expect.objectContaining({ path: field })] }) as Error,
      );
  });

  it('pages partition the matches: every object once, in order, whatever the limit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        (minutes, limit) => {
          const all = minutes.map((m) => object(`o-${m}`, m));
          const whole = names(ksList(all, parseKsListQuery({ limit: '-1' })));
          const paged: (string | undefined)[] = [];
          for (let page = 1; (page - 1) * limit < all.length; page++)
            paged.push(...names(ksList(all, parseKsListQuery({ limit: String(limit), page: String(page) }))));
          expect(paged).toEqual(whole);
        },
      ),
      { seed: 12 },
    );
  });

  it('reads a StatefulSet’s status as ks-apiserver does', () => {
    const set = (replicas: number, ready: number): V1StatefulSet => ({
      spec: { replicas, selector: {}, serviceName: 'x', template: {} },
      status: { replicas, readyReplicas: ready },
    });
    expect([set(0, 0), set(2, 2), set(2, 1)].map(ksStatefulSetStatus)).toEqual([
      'stopped',
      'running',
      'updating',
    ]);
  });
});
