import { clampPageSize, decodeCursor, paginate } from './paging';

describe('offset paging', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);

  it('walks every item exactly once, page by page', () => {
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = paginate(items, 3, after);
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(items);
  });

  it('an edge cursor continues after that edge', () => {
    const first = paginate(items, 2);
    expect(paginate(items, 2, first.edges[0].cursor).edges.map((e) => e.node)).toEqual([1, 2]);
  });

  it('past the end is an empty last page', () => {
    const page = paginate([1], 5, paginate([1, 2, 3], 3).pageInfo.endCursor!);
    expect(page).toEqual({ totalCount: 1, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([
    'nope',
    Buffer.from('{"o":-1}').toString('base64url'),
    Buffer.from('{"o":1.5}').toString('base64url'),
  ])('%p is not a cursor (BAD_USER_INPUT on after)', (cursor) => {
    const error = (() => {
      try {
        return decodeCursor(cursor);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
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
    expect(paginate(many, 2 ** 31).edges).toHaveLength(500);
    expect(paginate(many, -5).edges.map((e) => e.node)).toEqual([0]);
    expect(paginate(many, Number.NaN).edges).toHaveLength(20);
    expect(clampPageSize(null)).toBeUndefined();
  });
});
