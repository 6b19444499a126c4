import { Args, Int } from '@nestjs/graphql';
import { SortDirection } from '../api/vocabulary';
import { MAX_PAGE_SIZE } from '../paging';

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

/** `first`: paging clamps it to 1..MAX_PAGE_SIZE (out of range is clamped rather than refused). */
export const FirstArg = () =>
  Args('first', { type: () => Int, nullable: true, description: `1 to ${MAX_PAGE_SIZE}, default 20` });

export const AfterArg = () => Args('after', { type: () => String, nullable: true });

/**
 * A list operation's filter, sort, first and after arguments as the one query its service reads, so
 * each list resolver translates them the same way (descending only when asked).
 */
export function listQueryOf<F extends object, K>(
  filter: F | undefined,
  sort: { field: K; direction: SortDirection } | undefined,
  first: number | undefined,
  after: string | undefined,
) {
  return { ...filter, sortBy: sort?.field, ascending: sort?.direction !== SortDirection.DESC, first, after };
}
