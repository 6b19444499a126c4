import { DomainError } from '../common/errors/domain-error';
import type { KubeObject, V1StatefulSet } from '../kube';
import { labelSelector, SelectorError, type Matcher } from '../kube/selectors';

/**
 * ks-apiserver's list query (`resources.kubesphere.io/v1alpha3`), as its console sends it: `page`
 * is 1-based, `limit` -1 (or none) means all, `sortBy` defaults to the creation time, `ascending` to
 * false, `labelSelector` is a Kubernetes selector, and every other key is a filter; a filter key
 * the resource does not know matches nothing (as ks-apiserver answers it), so a typo shows an empty
 * list rather than everything.
 */
export interface KsListQuery {
  page: number;
  limit: number | null;
  sortBy: string;
  ascending: boolean;
  selector: Matcher;
  filters: ReadonlyMap<string, string>;
}

/** What a list answers: ks-apiserver's `{items, totalItems}` of raw Kubernetes objects. */
export interface KsList<T> {
  items: T[];
  totalItems: number;
}

/** A resource's own filters (beyond the metadata ones every resource has) and sort keys. */
export interface KsListSpec<T extends KubeObject> {
  filters?: Record<string, (object: T, value: string) => boolean>;
  sortKeys?: Record<string, (object: T) => string>;
}

const RESERVED = new Set(['page', 'limit', 'sortBy', 'ascending', 'labelSelector']);
/** Filters are bounded like any input: a hostile query cannot make a list cost more than a normal one. */
const MAX_FILTERS = 20;
const MAX_VALUE = 1024;

const integer = (raw: string | undefined, field: string, min: number): number | null => {
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min)
    throw DomainError.badField(field, `must be an integer of at least ${min}`);
  return n;
};

/** Reads the query string as ks-apiserver does; bad paging or a bad selector names the parameter. */
export function parseKsListQuery(query: Record<string, unknown>): KsListQuery {
  const entries = Object.entries(query).map(([key, value]): [string, string] => [
    key,
    String(Array.isArray(value) ? value[0] : (value ?? '')),
  ]);
  const get = (key: string) => entries.find(([k]) => k === key)?.[1];
  const filters = new Map(entries.filter(([key]) => !RESERVED.has(key)));
  if (filters.size > MAX_FILTERS) throw DomainError.badField('query', `at most ${MAX_FILTERS} filters`);
  for (const [key, value] of filters)
    if (value.length > MAX_VALUE) throw DomainError.badField(key, `must be at most ${MAX_VALUE} characters`);
  const limit = get('limit') === '-1' ? null : integer(get('limit'), 'limit', 1);
  let selector: Matcher;
  try {
    selector = labelSelector(get('labelSelector') || undefined);
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error;
    throw DomainError.badField('labelSelector', error.message);
  }
  return {
    page: integer(get('page'), 'page', 1) ?? 1,
    limit,
    sortBy: get('sortBy') || 'createTime',
    ascending: get('ascending') === 'true',
    selector,
    filters,
  };
}

const labels = (o: KubeObject) => o.metadata?.labels ?? {};

/** The filters every resource has, on its metadata (ks-apiserver's DefaultObjectMetaFilter). */
const META_FILTERS: Record<string, (object: KubeObject, value: string) => boolean> = {
  name: (o, v) => (o.metadata?.name ?? '').includes(v),
  names: (o, v) => v.split(',').includes(o.metadata?.name ?? ''),
  uid: (o, v) => o.metadata?.uid === v,
  namespace: (o, v) => o.metadata?.namespace === v,
  ownerReference: (o, v) => (o.metadata?.ownerReferences ?? []).some((r) => r.uid === v),
  ownerKind: (o, v) => (o.metadata?.ownerReferences ?? []).some((r) => r.kind === v),
  label: (o, v) => {
    const [key, value] = v.split('=', 2);
    return value === undefined ? key in labels(o) : labels(o)[key] === value;
  },
  annotation: (o, v) => {
    const [key, value] = v.split('=', 2);
    const annotations = o.metadata?.annotations ?? {};
    return value === undefined ? key in annotations : annotations[key] === value;
  },
};

const created = (o: KubeObject) => new Date(o.metadata?.creationTimestamp ?? 0).toISOString();
const META_SORT_KEYS: Record<string, (object: KubeObject) => string> = {
  name: (o) => o.metadata?.name ?? '',
  createTime: created,
  creationTimestamp: created,
};

/** Filters, sorts and pages `objects` as ks-apiserver would answer the query. */
export function ksList<T extends KubeObject>(
  objects: readonly T[],
  query: KsListQuery,
  spec: KsListSpec<T> = {},
): KsList<T> {
  const filters = { ...META_FILTERS, ...spec.filters } as Record<
    string,
    (object: T, value: string) => boolean
  >;
  const checks = [...query.filters].map(([key, value]) => {
    const filter = Object.hasOwn(filters, key) ? filters[key] : undefined;
    return (object: T) => (filter ? filter(object, value) : false);
  });
  const matching = objects.filter((o) => query.selector(o) && checks.every((check) => check(o)));
  const keys = { ...META_SORT_KEYS, ...spec.sortKeys } as Record<string, (object: T) => string>;
  const key = Object.hasOwn(keys, query.sortBy) ? keys[query.sortBy] : keys.createTime;
  const name = META_SORT_KEYS.name;
  const sorted = matching
    .map((object) => ({ object, key: key(object), name: name(object) }))
    .sort((a, b) => compare(a.key, b.key) || compare(a.name, b.name))
    .map((entry) => entry.object);
  if (!query.ascending) sorted.reverse();
  const start = query.limit === null ? 0 : (query.page - 1) * query.limit;
  const items = query.limit === null ? sorted : sorted.slice(start, start + query.limit);
  return { items, totalItems: matching.length };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ks-apiserver's StatefulSet status: stopped at 0 replicas, running when all are ready, else updating. */
export function ksStatefulSetStatus(set: V1StatefulSet): 'running' | 'updating' | 'stopped' {
  const replicas = set.spec?.replicas ?? 1;
  const ready = set.status?.readyReplicas ?? 0;
  if (replicas === 0 && ready === 0) return 'stopped';
  return ready === replicas ? 'running' : 'updating';
}
