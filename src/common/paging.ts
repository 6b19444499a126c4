import { DomainError } from './errors/domain-error';

/**
 * Offset paging over a list already filtered and sorted in memory (lists whose filters need more
 * than the API server can select on). The cursor is an opaque offset: `first` items after it.
 */

export interface Page<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

export function paginate<T>(items: readonly T[], size?: number, after?: string): Page<T> {
  // Clamped here too, not only at the edges: a page is never more than MAX_PAGE_SIZE.
  const first = clampPageSize(size) ?? DEFAULT_PAGE_SIZE;
  const offset = after ? decodeCursor(after) : 0;
  const page = items.slice(offset, offset + first);
  return {
    totalCount: items.length,
    edges: page.map((node, i) => ({ cursor: encodeCursor(offset + i + 1), node })),
    pageInfo: {
      hasNextPage: offset + first < items.length,
      endCursor: page.length ? encodeCursor(offset + page.length) : null,
    },
  };
}

/** GraphQL's `first` is any Int; out-of-range values are clamped rather than refused. */
export function clampPageSize(first: number | null | undefined): number | undefined {
  if (first === undefined || first === null || !Number.isFinite(first)) return undefined;
  return Math.min(Math.max(Math.trunc(first), 1), MAX_PAGE_SIZE);
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { o?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw DomainError.badField('after', 'is not a cursor from this list');
}
