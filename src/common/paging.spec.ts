import fc from 'fast-check';
import { clampPageSize, decodeCursor, listPage, type Page, paginate, restList } from './paging';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('paging (Relay connections both ways, REST pages forwards)', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);

  it('walks every item exactly once forwards, and once backwards, whatever the list and page size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 9 }), (length, size) => {
        const list = Array.from({ length }, (_, i) => i);
        const forwards: number[] = [];
        let after: string | null = null;
        for (;;) {
          const page: Page<number> = paginate(list, { first: size, after });
          expect(page.totalCount).toBe(length);
          expect(page.nodes).toEqual(page.edges.map((e) => e.node));
          expect(page.pageInfo.hasPreviousPage).toBe(forwards.length > 0);
          forwards.push(...page.nodes);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(forwards).toEqual(list);

        const backwards: number[] = [];
        let before: string | null = null;
        for (;;) {
          const page: Page<number> = paginate(list, { last: size, before });
          expect(page.pageInfo.hasNextPage).toBe(backwards.length > 0);
          backwards.unshift(...page.nodes);
          if (!page.pageInfo.hasPreviousPage) break;
          before = page.pageInfo.startCursor;
        }
        expect(backwards).toEqual(list);
      }),
    );
  });

  it('an edge cursor continues after that edge, or ends before it', () => {
    const first = paginate(items, { first: 3 });
    expect(paginate(items, { first: 2, after: first.edges[0].cursor }).nodes).toEqual([1, 2]);
    expect(paginate(items, { before: first.edges[2].cursor }).nodes).toEqual([0, 1]);
    const between = paginate(items, { after: first.edges[0].cursor, before: first.edges[2].cursor });
    expect(between.nodes).toEqual([1]);
    expect(between.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: first.edges[1].cursor,
      endCursor: first.edges[1].cursor,
    });
  });

  it('first keeps the head and last the tail of what the cursors leave (the Relay algorithm)', () => {
    expect(paginate(items, { last: 2 }).nodes).toEqual([5, 6]);
    expect(paginate(items, { first: 4, last: 2 }).nodes).toEqual([2, 3]);
  });

  it('past the end is an empty last page', () => {
    const page = paginate([1], { first: 5, after: paginate([1, 2, 3], { first: 3 }).pageInfo.endCursor });
    expect(page).toEqual({
      totalCount: 1,
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('REST pages: items, continue (null on the last page) and totalItems', () => {
    const first = restList(items, { limit: 5 });
    expect(first).toMatchObject({ items: [0, 1, 2, 3, 4], totalItems: 7 });
    expect(typeof first.continue).toBe('string');
    expect(restList(items, { limit: 5, continue: first.continue! })).toEqual({
      items: [5, 6],
      continue: null,
      totalItems: 7,
    });
    expect(listPage(paginate([], {}))).toEqual({ items: [], continue: null, totalItems: 0 });
    expect(thrown(() => restList(items, { continue: 'nope' }))).toMatchObject({
      fields: [{ path: 'continue' }],
    });
  });

  it.each([
    'nope',
    Buffer.from('{"o":-1}').toString('base64url'),
    Buffer.from('{"o":1.5}').toString('base64url'),
  ])('%p is not a cursor (BAD_USER_INPUT naming the argument)', (cursor) => {
    expect(thrown(() => decodeCursor(cursor, 'o', 0, 'before'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'before' }],
    });
    expect(thrown(() => paginate(items, { after: cursor }))).toMatchObject({ fields: [{ path: 'after' }] });
  });

  it('clamps page sizes to 1..500', () => {
    expect([clampPageSize(undefined), clampPageSize(0), clampPageSize(20), clampPageSize(9999)]).toEqual([
      undefined,
      1,
      20,
      500,
    ]);
  });

  it('never pages more than 500 or fewer than 1, whatever size reaches it', () => {
    const many = Array.from({ length: 600 }, (_, i) => i);
    expect(paginate(many, { first: 2 ** 31 }).edges).toHaveLength(500);
    expect(paginate(many, { last: 2 ** 31 }).edges).toHaveLength(500);
    expect(paginate(many, { first: -5 }).nodes).toEqual([0]);
    expect(paginate(many, { first: Number.NaN }).edges).toHaveLength(20);
    expect(clampPageSize(null)).toBeUndefined();
  });
});
