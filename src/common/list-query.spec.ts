import fc from 'fast-check';
import { byCreation, byName, byNameList, type ListSpec, queryList, queryPage, when } from './list-query';

interface Item {
  name: string;
  createdAt: Date | null;
  size: number;
}

const SPEC: ListSpec<Item, 'NAME' | 'CREATED_AT' | 'SIZE'> = {
  name: (item) => item.name,
  sortKeys: { NAME: byName, CREATED_AT: byCreation, SIZE: (a, b) => a.size - b.size },
  defaultSort: 'NAME',
};

const item = (name: string, seconds: number, size = 0): Item => ({
  name,
  createdAt: new Date(seconds * 1000),
  size,
});

describe('the one list helper', () => {
  const items = [item('web-b', 2, 5), item('db', 1, 5), item('web-a', 2, 1), item('cache', 3, 9)];

  it('matches a name substring whatever the case of the query', () => {
    expect(queryList(items, SPEC, { name: 'WEB' }).map((i) => i.name)).toEqual(['web-a', 'web-b']);
  });

  it('sorts by the default key, and breaks ties by name in the same direction', () => {
    expect(queryList(items, SPEC).map((i) => i.name)).toEqual(['cache', 'db', 'web-a', 'web-b']);
    expect(queryList(items, SPEC, { sortBy: 'CREATED_AT' }).map((i) => i.name)).toEqual([
      'db',
      'web-a',
      'web-b',
      'cache',
    ]);
    expect(queryList(items, SPEC, { sortBy: 'SIZE', ascending: false }).map((i) => i.name)).toEqual([
      'cache',
      'web-b',
      'db',
      'web-a',
    ]);
  });

  it("applies the resource's own filters, skipping those the query leaves empty", () => {
    const bigger = (min: number | undefined) => when(min, (i: Item, m: number) => i.size >= m);
    expect(queryList(items, SPEC, { filters: [bigger(5)] }).map((i) => i.name)).toEqual([
      'cache',
      'db',
      'web-b',
    ]);
    expect(queryList(items, SPEC, { filters: [bigger(undefined)] })).toHaveLength(4);
  });

  it('does not reorder or change the input', () => {
    const before = [...items];
    queryList(items, SPEC, { sortBy: 'SIZE' });
    expect(items).toEqual(before);
  });

  it('pages the filtered, sorted list: every match exactly once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.stringMatching(/^[a-c]{1,3}$/),
            createdAt: fc.constant(null),
            size: fc.nat(9),
          }),
        ),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<'NAME' | 'SIZE'>('NAME', 'SIZE'),
        (list, first, sortBy) => {
          const expected = queryList(list, SPEC, { sortBy, name: 'a' });
          const seen: Item[] = [];
          let after: string | undefined;
          for (;;) {
            const page = queryPage(list, SPEC, { sortBy, name: 'a', page: { first, after } });
            expect(page.totalCount).toBe(expected.length);
            seen.push(...page.edges.map((e) => e.node));
            if (!page.pageInfo.hasNextPage) break;
            after = page.pageInfo.endCursor ?? undefined;
          }
          expect(seen).toEqual(expected);
        },
      ),
    );
  });

  it('a list known only by name sorts and filters by it', () => {
    const named = [{ name: 'b' }, { name: 'ab' }, { name: 'c' }];
    expect(queryList(named, byNameList(), { name: 'B' })).toEqual([{ name: 'ab' }, { name: 'b' }]);
  });

  it('an unknown sort key sorts by the default instead of failing', () => {
    const unknown = 'constructor' as 'NAME';
    expect(queryList(items, SPEC, { sortBy: unknown }).map((i) => i.name)).toEqual([
      'cache',
      'db',
      'web-a',
      'web-b',
    ]);
  });
  it("answers a frozen list (the cache's) from memory per query, the same as computing it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), seconds: fc.nat(5), size: fc.nat(3) }), { maxLength: 20 }),
        fc.constantFrom<'NAME' | 'CREATED_AT' | 'SIZE'>('NAME', 'CREATED_AT', 'SIZE'),
        fc.boolean(),
        fc.constantFrom(undefined, 'a', 'B'),
        (raw, sortBy, ascending, name) => {
          const plain = raw.map((r) => item(r.name, r.seconds, r.size));
          const frozen = Object.freeze([...plain]);
          const query = { sortBy, ascending, name };
          const first = queryList(frozen, SPEC, query);
          expect(first).toEqual(queryList(plain, SPEC, query));
          expect(queryList(frozen, SPEC, { ...query })).toBe(first);
          expect(Object.isFrozen(first)).toBe(true);
        },
      ),
    );
  });

  it("computes again for a list that may change, and when the resource's own filters apply", () => {
    const open = [item('b', 1), item('a', 2)];
    expect(queryList(open, SPEC).map((i) => i.name)).toEqual(['a', 'b']);
    open.push(item('0', 3));
    expect(queryList(open, SPEC).map((i) => i.name)).toEqual(['0', 'a', 'b']);
    const frozen = Object.freeze([item('b', 1), item('a', 2)]);
    const big = (i: Item) => i.size > 0;
    expect(queryList(frozen, SPEC, { filters: [big] })).toEqual([]);
    expect(queryList(frozen, SPEC, { filters: [big] })).not.toBe(queryList(frozen, SPEC, { filters: [big] }));
  });
});
