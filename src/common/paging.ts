import { DomainError } from './errors/domain-error';

/**
 * One way to page every list, over items already filtered and sorted in memory: GraphQL's Relay
 * connections (`first`/`after` forwards, `last`/`before` backwards, pageInfo both ways) and REST's
 * `{items, continue, totalItems}` (forwards, `limit` and `continue`) are two views of the same
 * window. Cursors are opaque; by default an offset (the items through this one).
 */

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  /** What the transport calls `after` in its errors (REST: `continue`). */
  afterName?: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  /** The edges' nodes, for clients that need no cursor per item (as GitHub's API has them). */
  nodes: T[];
  pageInfo: PageInfo;
}

/** REST's page: the items, where the next page starts (null on the last) and how many in all. */
export interface ListPage<T> {
  items: T[];
  continue: string | null;
  totalItems: number;
}

/** How a list's cursors name a place in it. */
export interface Cursors<T> {
  of(item: T, index: number): string;
  /** How many leading items come up to and including the cursor's item (where `after` starts). */
  through(cursor: string, items: readonly T[], argument: string): number;
  /** How many leading items come before the cursor's item (where `before` ends). */
  before(cursor: string, items: readonly T[], argument: string): number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

const OFFSETS: Cursors<unknown> = {
  of: (_item, index) => encodeCursor({ o: index + 1 }),
  through: (cursor, _items, argument) => offsetOf(cursor, argument),
  before: (cursor, _items, argument) => Math.max(offsetOf(cursor, argument) - 1, 0),
};

/**
 * The page of `items` a request asks for, as the Relay spec's algorithm has it: `after` and `before`
 * narrow the list, then `first` keeps its head and `last` its tail; neither means the first
 * DEFAULT_PAGE_SIZE. Sizes are clamped to 1..MAX_PAGE_SIZE here too, not only at the edges.
 */
export function paginate<T>(
  items: readonly T[],
  request: PageRequest = {},
  cursors: Cursors<T> = OFFSETS,
): Page<T> {
  let start = request.after
    ? Math.min(cursors.through(request.after, items, request.afterName ?? 'after'), items.length)
    : 0;
  let end = request.before
    ? Math.min(cursors.before(request.before, items, 'before'), items.length)
    : items.length;
  end = Math.max(end, start);
  const first = clampPageSize(request.first);
  const last = clampPageSize(request.last);
  if (first !== undefined || last === undefined) end = Math.min(end, start + (first ?? DEFAULT_PAGE_SIZE));
  if (last !== undefined) start = Math.max(start, end - last);
  const nodes = items.slice(start, end);
  const edges = nodes.map((node, i) => ({ cursor: cursors.of(node, start + i), node }));
  return {
    totalCount: items.length,
    edges,
    nodes,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Mapped item by item (a page of objects turned into their views), cursors kept. */
export function mapPage<T, U>(page: Page<T>, map: (nodes: T[]) => U[]): Page<U> {
  const nodes = map(page.nodes);
  return { ...page, nodes, edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })) };
}

/** REST's page of a whole list: `limit` items from `continue`. */
export const restList = <T>(items: readonly T[], query: { limit?: number; continue?: string }): ListPage<T> =>
  listPage(paginate(items, restPage(query)));

/** A page as REST answers it. */
export function listPage<T>(page: Page<T>): ListPage<T> {
  return {
    items: page.nodes,
    continue: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
    totalItems: page.totalCount,
  };
}

/** REST's `limit` and `continue` as a page request. */
export const restPage = (query: { limit?: number; continue?: string }): PageRequest => ({
  first: query.limit,
  after: query.continue,
  afterName: 'continue',
});

/** GraphQL's `first` and `last` are any Int; out-of-range values are clamped rather than refused. */
export function clampPageSize(size: number | null | undefined): number | undefined {
  if (size === undefined || size === null || !Number.isFinite(size)) return undefined;
  return Math.min(Math.max(Math.trunc(size), 1), MAX_PAGE_SIZE);
}

export function encodeCursor(value: Record<string, number>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The integer a cursor made by encodeCursor holds under `key`, at least `min`; else BAD_USER_INPUT. */
export function decodeCursor(cursor: string, key: string, min: number, argument: string): number {
  try {
    const value = (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  } catch {
    // fall through
  }
  throw DomainError.badField(argument, 'is not a cursor from this list');
}

const offsetOf = (cursor: string, argument: string) => decodeCursor(cursor, 'o', 0, argument);
