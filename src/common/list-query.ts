import { paginate, type Page, type PageRequest } from './paging';

/**
 * One way to filter, sort and page a list of views, in the spirit of KubeSphere's `DefaultList`:
 * each resource declares only its own filters and sort keys; the name filter, the tie-break and the
 * direction are the same everywhere. Label selectors are not here: the read seam applies them (the
 * API server today, the watch-fed cache later), so the items arrive already selected.
 */
export interface ListSpec<T, K extends string> {
  /** The name the `name` filter matches and ties are broken by. */
  name: (item: T) => string;
  /** Comparators by sort key; the default key sorts when the query names none. */
  sortKeys: Record<K, Comparator<T>>;
  defaultSort: K;
}

export type Comparator<T> = (a: T, b: T) => number;

// One collator, made once: the same order as `localeCompare`, which builds one on every call (a page
// of thousands of names sorted per request spent most of its time there).
const NAMES = new Intl.Collator();

/** Names in the order `localeCompare` gives them, fast. */
export const compareNames = (a: string, b: string): number => NAMES.compare(a, b);

export interface ListQuery<T, K extends string> {
  /** Substring of the name, case-insensitive (Kubernetes names are lower case; what users type may not be). */
  name?: string;
  sortBy?: K;
  /** Default true. */
  ascending?: boolean;
  /** The resource's own filters, already bound to the query's values; undefined ones are skipped. */
  filters?: ((item: T) => boolean)[];
}

/**
 * Answers of queries without the resource's own filters, per frozen input list (the read cache's
 * shared, per-change arrays) and spec: a steady-state page of thousands is sorted once per change of
 * the store, not once per read. Bounded per list: names typed into a filter vary without end.
 */
const ANSWERS = new WeakMap<readonly unknown[], Map<unknown, Map<string, readonly unknown[]>>>();
const MAX_ANSWERS_PER_LIST = 16;

/** Filtered and sorted, unpaged. */
export function queryList<T, K extends string>(
  items: readonly T[],
  spec: ListSpec<T, K>,
  query: ListQuery<T, K> = {},
): T[] {
  if (query.filters?.length || !Object.isFrozen(items)) return filteredAndSorted(items, spec, query);
  let bySpec = ANSWERS.get(items);
  if (!bySpec) ANSWERS.set(items, (bySpec = new Map<unknown, Map<string, readonly unknown[]>>()));
  let answers = bySpec.get(spec);
  if (!answers) bySpec.set(spec, (answers = new Map<string, readonly unknown[]>()));
  const key = `${query.sortBy ?? ''}|${query.ascending === false ? 'desc' : 'asc'}|${query.name ?? ''}`;
  const hit = answers.get(key);
  if (hit) return hit as T[];
  const answer = Object.freeze(filteredAndSorted(items, spec, query)) as T[];
  if (answers.size < MAX_ANSWERS_PER_LIST) answers.set(key, answer);
  return answer;
}

function filteredAndSorted<T, K extends string>(
  items: readonly T[],
  spec: ListSpec<T, K>,
  query: ListQuery<T, K>,
): T[] {
  const needle = query.name?.toLowerCase();
  const filters = [
    ...(needle ? [(item: T) => spec.name(item).toLowerCase().includes(needle)] : []),
    ...(query.filters ?? []),
  ];
  const byName: Comparator<T> = (a, b) => compareNames(spec.name(a), spec.name(b));
  // Sort keys arrive validated; an unknown one still sorts by the default rather than failing.
  const key =
    query.sortBy !== undefined && Object.hasOwn(spec.sortKeys, query.sortBy)
      ? query.sortBy
      : spec.defaultSort;
  const compare = spec.sortKeys[key];
  const direction = query.ascending === false ? -1 : 1;
  // Ties (equal creation seconds, equal sizes) fall back to the name, in the same direction.
  return items
    .filter((item) => filters.every((keep) => keep(item)))
    .sort((a, b) => direction * (compare(a, b) || byName(a, b)));
}

/** Filtered, sorted and paged. */
export function queryPage<T, K extends string>(
  items: readonly T[],
  spec: ListSpec<T, K>,
  query: ListQuery<T, K> & { page?: PageRequest },
): Page<T> {
  return paginate(queryList(items, spec, query), query.page);
}

/** A filter that keeps everything when the query has no value for it. */
export function when<T, V>(value: V | undefined, keep: (item: T, value: V) => boolean): (item: T) => boolean {
  return value === undefined || value === null || value === '' ? () => true : (item) => keep(item, value);
}

/** Comparators the views share: by name, and by creation time. */
export const byName = <T extends { name: string }>(a: T, b: T): number => compareNames(a.name, b.name);
export const byCreation = <T extends { createdAt?: Date | null }>(a: T, b: T): number =>
  (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0);

/** The spec of a list that is only ever filtered and sorted by name. */
export function byNameList<T extends { name: string }>(): ListSpec<T, 'NAME'> {
  return { name: (item) => item.name, sortKeys: { NAME: byName }, defaultSort: 'NAME' };
}
