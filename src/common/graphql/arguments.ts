import { Args, Int } from '@nestjs/graphql';
import { SortDirection } from '../api/vocabulary';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from '../paging';

/**
 * Arguments every mutation or list shares, declared once so each reads the same in the schema
 * (GraphQL's side of common/validation/query-params.ts).
 */
export const DryRunArg = () =>
  Args('dryRun', {
    type: () => Boolean,
    defaultValue: false,
    description: 'Validate and show, but do not write',
  });

export const ForceArg = () =>
  Args('force', {
    type: () => Boolean,
    defaultValue: false,
    description: 'Delete even while workloads use it',
  });

export const ResourceVersionArg = (options: { nullable?: boolean } = {}) =>
  Args('resourceVersion', {
    type: () => String,
    nullable: options.nullable ?? false,
    description: 'As read; a change made meanwhile fails with CONFLICT',
  });

/**
 * A connection's paging arguments (the Relay spec's): `first` after `after` forwards, `last` before
 * `before` backwards. Paging clamps sizes to 1..MAX_PAGE_SIZE (out of range is clamped, not refused).
 */
export const FirstArg = () =>
  Args('first', {
    type: () => Int,
    nullable: true,
    description: `The first n (1 to ${MAX_PAGE_SIZE}); ${DEFAULT_PAGE_SIZE} when neither first nor last is given`,
  });

export const AfterArg = () =>
  Args('after', { type: () => String, nullable: true, description: 'Only what comes after this cursor' });

export const LastArg = () =>
  Args('last', { type: () => Int, nullable: true, description: `The last n (1 to ${MAX_PAGE_SIZE})` });

export const BeforeArg = () =>
  Args('before', { type: () => String, nullable: true, description: 'Only what comes before this cursor' });

/** The four paging arguments as one request. */
export const pageRequest = (first?: number, after?: string, last?: number, before?: string): PageRequest => ({
  first,
  after,
  last,
  before,
});

/**
 * A list operation's filter, sort and page arguments as the one query its service reads, so each
 * list resolver translates them the same way (descending only when asked).
 */
export function listQueryOf<F extends object, K>(
  filter: F | undefined,
  sort: { field: K; direction: SortDirection } | undefined,
  page: PageRequest,
) {
  return { ...filter, sortBy: sort?.field, ascending: sort?.direction !== SortDirection.DESC, page };
}
