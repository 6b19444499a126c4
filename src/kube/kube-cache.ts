import { AccessReviews, type ReadAttributes } from './access-reviews';
import type { Identity } from './identity';
import { Informer, withoutManagedFields } from './informer';
import type { KubeClient } from './kube-client';
import { fromStatus } from './kube-errors';
import { listWatch } from './kube-list-watch';
import type { ReadCache, Served, WriteAnswer } from './kube-reader';
import type { KubeList, KubeObject, KubeRef, ListOptions } from './kube-types';
import { PolledLists } from './polled-lists';
import type { NamespacedResource, Resource, ResourceRef } from './resource';
import {
  fieldEqualities,
  fieldSelector,
  fieldValue,
  labelEqualities,
  labelSelector,
  type Matcher,
} from './selectors';

export interface CacheSettings {
  /** A kind whose watch has been down longer than this is not served (reads go to the API server). */
  staleAfterMs: number;
  /** How long a read waits for the cache to reach a write this replica made, before asking the API server. */
  readYourWritesMs: number;
  /** The longest a Kubernetes access review answer is reused (RBAC changes forget them at once). */
  accessReviewTtlMs: number;
  /** How long a polled list (pod metrics, which cannot be watched) is reused. */
  pollTtlMs: number;
}

export interface CachedKindOptions<T extends KubeObject> {
  /** What is kept of each object (default: everything but managedFields). */
  trim?: (object: T) => T;
  /** Its changes change what Kubernetes allows (RBAC kinds): access review answers are forgotten. */
  invalidatesAccess?: boolean;
  /**
   * A get or find of a name the cache does not hold asks the API server (for credentials: an account
   * or token made through another replica a moment ago must not be refused). Costs one call per miss.
   */
  confirmMisses?: boolean;
  /** Fields a field selector's `field=value` is answered from an index by (e.g. involvedObject.name). */
  fieldIndexes?: readonly string[];
}

interface Entry {
  resource: Resource<KubeObject>;
  informer: Informer<KubeObject>;
  /** The highest resourceVersion a write of this kind through this replica returned. */
  written: bigint | null;
  /** Objects this replica deleted (key → uid, '' when unknown) that the store may still hold. */
  deleted: Map<string, string>;
  invalidatesAccess: boolean;
  confirmMisses: boolean;
  /** Each namespace's objects in the API server's order, kept while the store does not change. */
  sorted: Map<string, { revision: number; items: KubeObject[] }>;
}

const keyOf = (apiVersion: string, kind: string) => `${apiVersion}/${kind}`;
const LABEL_INDEX = 'label';

/**
 * The shared, watch-fed read cache (ADR 9): one informer per kind, as Berth itself, serving the
 * adapter's get/find/list. A read is served only when it can be answered as the API server would:
 * the kind is synced and watched (or stale for less than `staleAfterMs`), the cache has reached
 * every write this replica made of that kind, the selectors are understood, and Kubernetes' own
 * authorizer allows the user the read (AccessReviews). Anything else goes to the API server.
 */
export class KubeCache implements ReadCache {
  private readonly kinds = new Map<string, Entry>();
  private readonly polls = new Map<string, PolledLists>();
  private readonly plurals = new Map<string, Promise<string>>();
  private readonly reviews: AccessReviews;
  private started = false;
  private attached = false;
  private readonly kube: KubeClient;
  private readonly client: KubeClient;

  constructor(
    client: KubeClient,
    private readonly settings: CacheSettings,
  ) {
    // The cache's own calls must reach the API server, never the cache itself.
    const kube = client.direct();
    this.kube = kube;
    this.client = client;
    this.reviews = new AccessReviews((review) => kube.create(review), settings.accessReviewTtlMs);
  }

  /** Caches a kind: call before `start`. */
  cache<T extends KubeObject>(resource: Resource<T>, options: CachedKindOptions<T> = {}): void {
    const { apiVersion, kind } = resource;
    const trim = options.trim ?? withoutManagedFields;
    const informer = new Informer<T>(listWatch(this.kube, resource), {
      // Stored objects are shared by every reader: frozen, so no reader can change another's view.
      trim: (object) => deepFreeze({ ...trim(object), apiVersion, kind }),
      indexes: {
        [LABEL_INDEX]: (o) => Object.entries(o.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`),
        ...Object.fromEntries(
          (options.fieldIndexes ?? []).map((path) => [`field:${path}`, (o: T) => [fieldValue(o, path)]]),
        ),
      },
    });
    if (options.invalidatesAccess)
      informer.onChange((change) => this.reviews.invalidate(change.object.metadata?.namespace));
    this.kinds.set(keyOf(apiVersion, kind), {
      resource,
      informer: informer as unknown as Informer<KubeObject>,
      written: null,
      deleted: new Map(),
      invalidatesAccess: options.invalidatesAccess === true,
      confirmMisses: options.confirmMisses === true,
      sorted: new Map(),
    });
  }

  /** Caches a namespaced kind that cannot be watched by polling it: lists reused for `pollTtlMs`. */
  poll<T extends KubeObject>(resource: NamespacedResource<T>): void {
    const fetch = (namespace: string) =>
      this.kube
        .list(resource, { namespace })
        .then((list) => deepFreeze(list.items.map(withoutManagedFields).sort(byNamespaceAndName)));
    this.polls.set(
      keyOf(resource.apiVersion, resource.kind),
      new PolledLists(fetch, this.settings.pollTtlMs),
    );
  }

  /** The informer of a cached kind, for listeners (subscriptions): undefined when it is not cached. */
  informer<T extends KubeObject>(resource: Resource<T>): Informer<T> | undefined {
    return this.kinds.get(keyOf(resource.apiVersion, resource.kind))?.informer as Informer<T> | undefined;
  }

  /**
   * Waits (bounded, as a read does) until the kind's informer holds every write this replica made of
   * it: a subscription resumed right after a write must count that write among what changed.
   */
  async caughtUp(resource: Resource<KubeObject>): Promise<void> {
    const entry = this.kinds.get(keyOf(resource.apiVersion, resource.kind));
    if (entry) await this.fresh(entry);
  }

  /** From now on the client's reads (and those of every client made from it) ask the cache first. */
  attach(): void {
    this.attached = true;
    this.client.useCache(this);
  }

  /** Starts the informers (a cache that is not attached stays idle). */
  start(): void {
    if (!this.attached || this.started) return;
    this.started = true;
    for (const entry of this.kinds.values()) entry.informer.start();
  }

  stop(): void {
    this.started = false;
    for (const entry of this.kinds.values()) entry.informer.stop();
  }

  /** Resolves true once every kind has listed, false after `timeoutMs`. */
  async whenSynced(timeoutMs: number): Promise<boolean> {
    if (!this.started) return false;
    const deadline = Date.now() + timeoutMs;
    while (!this.health().every((k) => k.synced)) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return true;
  }

  /** Per kind: listed yet, how long without a watch, how many objects. Ready when all are served. */
  health(): { kind: string; synced: boolean; unwatchedMs: number; objects: number; served: boolean }[] {
    return [...this.kinds.values()].map((entry) => ({
      kind: entry.resource.kind,
      synced: entry.informer.synced,
      unwatchedMs: entry.informer.unwatchedForMs(),
      objects: entry.informer.size,
      served: this.serves(entry),
    }));
  }

  /** Serving every kind (or switched off, when reads simply go to the API server). */
  get ready(): boolean {
    return !this.attached || (this.started && this.health().every((k) => k.served));
  }

  async get<T extends KubeObject>(ref: ResourceRef<T>, identity?: Identity): Promise<Served<T | null>> {
    const entry = this.usable(ref.resource);
    if (!entry) return null;
    await this.authorize(entry.resource, identity, { verb: 'get', namespace: ref.namespace, name: ref.name });
    if (!(await this.fresh(entry))) return null;
    const object = entry.informer.get(ref.namespace, ref.name) as T | undefined;
    if (!object) return entry.confirmMisses ? null : { value: null };
    return { value: object };
  }

  async list<T extends KubeObject>(
    resource: Resource<T>,
    options: ListOptions,
    identity?: Identity,
  ): Promise<Served<KubeList<T>>> {
    if (options.limit !== undefined || options.continue !== undefined) return null;
    const polled = this.polls.get(keyOf(resource.apiVersion, resource.kind));
    const entry = polled ? undefined : this.usable(resource);
    if (!polled && !entry) return null;
    let matches: Matcher;
    try {
      const labels = labelSelector(options.labelSelector);
      const fields = fieldSelector(options.fieldSelector, resource.kind);
      matches = (o) => labels(o) && fields(o);
    } catch {
      return null; // the API server answers a selector it refuses, in its own words
    }
    await this.authorize(resource, identity, { verb: 'list', namespace: options.namespace });
    let selected: KubeObject[];
    let resourceVersion = '';
    if (polled) {
      if (options.namespace === undefined) return null;
      const items = await polled.items(options.namespace);
      // Unfiltered, the one frozen, sorted array every reader of this poll shares (lookups key on it).
      selected = options.labelSelector || options.fieldSelector ? items.filter(matches) : items;
    } else {
      if (!entry || !(await this.fresh(entry))) return null;
      const candidates = sortedCandidates(entry, options);
      // Unselected, the namespace's one frozen, sorted array, shared while the store is unchanged
      // (readers memoize on it: a page of a thousand is then sorted and grouped once, not per read).
      selected = options.labelSelector || options.fieldSelector ? candidates.filter(matches) : candidates;
      resourceVersion = entry.informer.resourceVersion;
    }
    return {
      value: {
        apiVersion: resource.apiVersion,
        kind: `${resource.kind}List`,
        metadata: { resourceVersion },
        items: selected as T[],
      },
    };
  }

  wrote(target: KubeRef, answer: WriteAnswer): void {
    const entry = this.kinds.get(keyOf(target.apiVersion, target.kind));
    if (!entry || !this.started) return;
    // This replica changed RBAC: the next read asks Kubernetes again (its watch event will, too).
    if (entry.invalidatesAccess) this.reviews.invalidate(target.namespace);
    if (answer.kind === 'Status') {
      // A delete answered with a Status: the object is gone once the store no longer holds it.
      entry.deleted.set(`${target.namespace ?? ''}/${target.name}`, answer.details?.uid ?? '');
      return;
    }
    const version = asNumber(answer.metadata?.resourceVersion);
    if (version !== null && (entry.written === null || version > entry.written)) entry.written = version;
  }

  private serves(entry: Entry): boolean {
    return entry.informer.synced && entry.informer.unwatchedForMs() <= this.settings.staleAfterMs;
  }

  private usable(resource: Resource<KubeObject>): Entry | null {
    const entry = this.kinds.get(keyOf(resource.apiVersion, resource.kind));
    return entry && this.started && this.serves(entry) ? entry : null;
  }

  /** Waits (bounded) until the cache holds this replica's writes of the kind, deletes included. */
  private async fresh(entry: Entry): Promise<boolean> {
    const { informer, written, deleted } = entry;
    if (written !== null && !(await informer.waitFor(written.toString(), this.settings.readYourWritesMs)))
      return false;
    if (deleted.size === 0) return true;
    const stillThere = () => {
      for (const [key, uid] of deleted) {
        const slash = key.indexOf('/');
        const object = informer.get(key.slice(0, slash), key.slice(slash + 1));
        if (object && (!uid || object.metadata?.uid === uid)) return true;
        deleted.delete(key);
      }
      return false;
    };
    return informer.waitUntil(() => !stillThere(), this.settings.readYourWritesMs);
  }

  /** Kubernetes' second check, as the impersonated user would meet it: FORBIDDEN like the API server's. */
  private async authorize(
    resource: Resource<KubeObject>,
    identity: Identity | undefined,
    attributes: Omit<ReadAttributes, 'group' | 'resource'>,
  ): Promise<void> {
    if (!identity) return;
    const slash = resource.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : resource.apiVersion.slice(0, slash);
    const allowed = await this.reviews.allowed(identity, {
      ...attributes,
      group,
      resource: await this.plural(resource),
    });
    if (!allowed) throw fromStatus(403, { reason: 'Forbidden' });
  }

  private plural(resource: Resource<KubeObject>): Promise<string> {
    const key = keyOf(resource.apiVersion, resource.kind);
    let plural = this.plurals.get(key);
    if (!plural) {
      plural = this.kube.resourceName(resource);
      plural.catch(() => this.plurals.delete(key));
      this.plurals.set(key, plural);
    }
    return plural;
  }
}

const MAX_SORTED = 1000;

/**
 * The candidates in the API server's order (namespace, then name). A whole namespace (or the whole
 * kind) is sorted once per change of the store, not per read: a project's thousands of pods are
 * listed by every page. (Filtering keeps the order.)
 */
function sortedCandidates(entry: Entry, options: ListOptions): KubeObject[] {
  const indexed = indexedCandidates(entry.informer, options);
  if (indexed) return indexed.sort(byNamespaceAndName);
  const key = options.namespace ?? '\u0000all';
  const memo = entry.sorted.get(key);
  // Checked before the namespace's objects are gathered: gathering them is the cost the memo saves.
  if (memo && memo.revision === entry.informer.revision) return memo.items;
  const { namespace } = options;
  const found =
    namespace === undefined ? entry.informer.list() : entry.informer.byIndex('namespace', namespace);
  const items = Object.freeze(found.sort(byNamespaceAndName)) as KubeObject[];
  entry.sorted.delete(key);
  entry.sorted.set(key, { revision: entry.informer.revision, items });
  if (entry.sorted.size > MAX_SORTED) entry.sorted.delete(entry.sorted.keys().next().value!);
  return items;
}

/**
 * The smallest indexed set that can hold the answer, a label or indexed field equality's (the
 * selectors are still matched against each); null when there is none (then the namespace's).
 */
function indexedCandidates(informer: Informer<KubeObject>, options: ListOptions): KubeObject[] | null {
  const lookups: [string, string][] = [
    ...labelEqualities(options.labelSelector).map(([k, v]): [string, string] => [LABEL_INDEX, `${k}=${v}`]),
    ...fieldEqualities(options.fieldSelector).map(([path, v]): [string, string] => [`field:${path}`, v]),
  ];
  let best: KubeObject[] | null = null;
  for (const [index, key] of lookups) {
    if (!informer.hasIndex(index)) continue;
    const found = informer.byIndex(index, key);
    if (best === null || found.length < best.length) best = found;
  }
  const { namespace } = options;
  if (best === null || namespace === undefined) return best;
  return best.filter((o) => o.metadata?.namespace === namespace);
}

/** In the order of the API server's storage keys (`namespace/name`), building no string within a namespace. */
function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const [na, nb] = [a.metadata?.namespace ?? '', b.metadata?.namespace ?? ''];
  if (na !== nb) return `${na}/` < `${nb}/` ? -1 : 1;
  const [ma, mb] = [a.metadata?.name ?? '', b.metadata?.name ?? ''];
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function asNumber(resourceVersion: string | undefined): bigint | null {
  return resourceVersion && /^\d{1,30}$/.test(resourceVersion) ? BigInt(resourceVersion) : null;
}
