import type { KubeObject } from './kube-types';

/** One change a watch reports (BOOKMARK only moves the resourceVersion on). */
export interface InformerEvent<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: T;
}

/** Why a watch ended: `expired` is the API server's 410 Gone (the version is too old: list again). */
export type WatchEnd = 'expired' | 'error' | 'closed';

/**
 * What an informer needs of the API server, for one kind (client-go's ListerWatcher): a consistent
 * list and a watch from its resourceVersion. The Kubernetes adapter provides it as Berth's identity.
 */
export interface ListWatch<T extends KubeObject> {
  list(): Promise<{ items: T[]; resourceVersion: string }>;
  watch(
    resourceVersion: string,
    onEvent: (event: InformerEvent<T>) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<{ stop(): void }>;
}

export interface InformerOptions<T extends KubeObject> {
  /** What is kept of each object (default: everything but managedFields, which no reader uses). */
  trim?: (object: T) => T;
  /** Index name → the keys an object is filed under (e.g. its owners' UIDs, a label's value). */
  indexes?: Record<string, (object: T) => readonly string[]>;
  /** Retry delays after a failed list or watch: exponential from `initialMs` to `maxMs`, jittered. */
  backoff?: { initialMs: number; maxMs: number };
  /** How many changes are remembered for `changedSince` (resuming a subscription from a cursor). */
  historySize?: number;
}

/** What happened to the store, for listeners (subscriptions, dependent caches). */
export interface StoreChange<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: T;
  /** The store's resourceVersion once this change is applied (the list's, for a change a relist found). */
  resourceVersion: string;
}

const keyOf = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** Drops managedFields: the largest part of most objects, read by nothing in Berth. */
export function withoutManagedFields<T extends KubeObject>(object: T): T {
  if (!object.metadata?.managedFields) return object;
  const { managedFields: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}

/**
 * A list+watch cache of one kind, in the manner of client-go's informer: it lists, then watches
 * from the list's resourceVersion; a watch that ends is restarted from the last version seen, after
 * a jittered backoff when it failed; a 410 Gone lists again (once, then backs off like any failure).
 * The store is keyed by namespace/name and indexed by namespace plus the configured indexes.
 */
export class Informer<T extends KubeObject> {
  private readonly objects = new Map<string, T>();
  private readonly index = new Map<string, Map<string, Set<string>>>();
  private readonly listeners = new Set<(change: StoreChange<T>) => void>();
  private readonly conditions = new Set<{ holds: () => boolean; resolve: (held: boolean) => void }>();
  private readonly trim: (object: T) => T;
  private readonly indexers: Record<string, (object: T) => readonly string[]>;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly historySize: number;
  /** Changed keys in order, each with the version it was seen at, oldest first (a bounded ring). */
  private history: { version: bigint; key: string }[] = [];
  /** The version from which `history` is complete: none before the first list. */
  private historyFrom: bigint | null = null;
  private version = '';
  /** Counts the store's changes: what a reader derived from it stays valid while this stays the same. */
  private changeCount = 0;
  private watch: { stop(): void } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private running = false;
  private syncedOnce = false;
  /** Since when no watch has been open (null while one is). */
  private unwatchedSince: number | null = Date.now();

  constructor(
    private readonly source: ListWatch<T>,
    options: InformerOptions<T> = {},
  ) {
    this.trim = options.trim ?? withoutManagedFields;
    this.indexers = { namespace: (o) => [o.metadata?.namespace ?? ''], ...options.indexes };
    this.backoff = options.backoff ?? { initialMs: 200, maxMs: 30_000 };
    this.historySize = options.historySize ?? 10_000;
    for (const name of Object.keys(this.indexers)) this.index.set(name, new Map());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.relist();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watch?.stop();
    this.watch = null;
    for (const condition of this.conditions) condition.resolve(false);
    this.conditions.clear();
  }

  /** Listed at least once. */
  get synced(): boolean {
    return this.syncedOnce;
  }

  /** How long no watch has been open, in ms (0 while one is): readiness and fallback decide on it. */
  unwatchedForMs(now = Date.now()): number {
    return this.unwatchedSince === null ? 0 : now - this.unwatchedSince;
  }

  get size(): number {
    return this.objects.size;
  }

  get resourceVersion(): string {
    return this.version;
  }

  /** Goes up with every change of the store (for memoizing what is derived from it). */
  get revision(): number {
    return this.changeCount;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.objects.get(`${namespace ?? ''}/${name}`);
  }

  list(): T[] {
    return [...this.objects.values()];
  }

  hasIndex(index: string): boolean {
    return this.index.has(index);
  }

  /** The objects filed under `key` in `index` (`namespace` always exists). */
  byIndex(index: string, key: string): T[] {
    const keys = this.index.get(index)?.get(key);
    if (!keys) return [];
    return [...keys].flatMap((k) => this.objects.get(k) ?? []);
  }

  onChange(listener: (change: StoreChange<T>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves true once the store has seen `resourceVersion` (a write's answer) or a later one, false
   * after `timeoutMs`: what makes a read after a write see it. Versions are compared as numbers,
   * which etcd's are; one that is not a number is never waited for.
   */
  waitFor(resourceVersion: string, timeoutMs: number): Promise<boolean> {
    const wanted = asNumber(resourceVersion);
    if (wanted === null) return Promise.resolve(false);
    return this.waitUntil(() => this.reached(wanted), timeoutMs);
  }

  /** Resolves true once `holds()` is true of the store (checked after each list and event), false after `timeoutMs`. */
  waitUntil(holds: () => boolean, timeoutMs: number): Promise<boolean> {
    if (holds()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const condition = {
        holds,
        resolve: (held: boolean) => {
          clearTimeout(timeout);
          this.conditions.delete(condition);
          resolve(held);
        },
      };
      const timeout = setTimeout(() => condition.resolve(false), timeoutMs);
      this.conditions.add(condition);
    });
  }

  /**
   * The keys (`namespace/name`) changed after `resourceVersion`, oldest first, or null when that
   * version is older than what is remembered (the caller starts over from the current state, as a
   * watch that gets 410 Gone lists again). A change a relist found counts at the list's version.
   */
  changedSince(resourceVersion: string): string[] | null {
    const since = asNumber(resourceVersion);
    if (since === null || this.historyFrom === null || since < this.historyFrom) return null;
    const keys = new Set<string>();
    for (const entry of this.history) if (entry.version > since) keys.add(entry.key);
    return [...keys];
  }

  private reached(wanted: bigint): boolean {
    const current = asNumber(this.version);
    return current !== null && current >= wanted;
  }

  private relist(): void {
    if (!this.running) return;
    this.source.list().then(
      ({ items, resourceVersion }) => {
        if (!this.running) return;
        const listed = asNumber(resourceVersion);
        this.historyFrom ??= listed;
        this.replace(items.map(this.trim), resourceVersion);
        this.syncedOnce = true;
        this.advance(resourceVersion);
        this.openWatch();
      },
      () => this.retry(() => this.relist()),
    );
  }

  private openWatch(): void {
    if (!this.running) return;
    const from = this.version;
    let ended = false;
    const onEnd = (end: WatchEnd) => {
      if (ended) return;
      ended = true;
      this.watch = null;
      this.unwatchedSince ??= Date.now();
      if (!this.running) return;
      if (end === 'closed') {
        // The server's timeout: normal, go on from where it stopped.
        this.failures = 0;
        this.openWatch();
      } else if (end === 'expired' && this.failures === 0) {
        this.failures = 1;
        this.relist();
      } else {
        this.retry(() => (end === 'expired' ? this.relist() : this.openWatch()));
      }
    };
    this.source
      .watch(from, (event) => this.apply(event), onEnd)
      .then(
        (handle) => {
          if (ended || !this.running) return handle.stop();
          this.watch = handle;
          this.unwatchedSince = null;
        },
        () => onEnd('error'),
      );
  }

  private retry(again: () => void): void {
    this.failures += 1;
    const ceiling = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** (this.failures - 1));
    // Full jitter: replicas restarting together do not come back together.
    const delay = Math.random() * ceiling;
    this.timer = setTimeout(() => {
      this.timer = null;
      again();
    }, delay);
  }

  private apply(event: InformerEvent<T>): void {
    if (!this.running) return;
    this.failures = 0;
    const at = event.object.metadata?.resourceVersion ?? this.version;
    if (event.type !== 'BOOKMARK') {
      const object = this.trim(event.object);
      if (event.type === 'DELETED') this.remove(keyOf(object), at);
      else this.put(object, at);
    }
    this.advance(event.object.metadata?.resourceVersion ?? this.version);
  }

  /** The list's answer as the new store, reporting what differs from the old one. */
  private replace(items: T[], at: string): void {
    const fresh = new Map(items.map((o) => [keyOf(o), o]));
    for (const key of [...this.objects.keys()]) if (!fresh.has(key)) this.remove(key, at);
    for (const object of fresh.values()) {
      const old = this.objects.get(keyOf(object));
      if (old?.metadata?.resourceVersion !== object.metadata?.resourceVersion || !old) this.put(object, at);
    }
  }

  private put(object: T, at: string): void {
    const key = keyOf(object);
    const existed = this.objects.has(key);
    this.unindex(key);
    this.objects.set(key, object);
    for (const [name, keysOf] of Object.entries(this.indexers)) {
      const index = this.index.get(name)!;
      for (const value of keysOf(object)) {
        const keys = index.get(value) ?? new Set<string>();
        keys.add(key);
        index.set(value, keys);
      }
    }
    this.emit({ type: existed ? 'MODIFIED' : 'ADDED', object, resourceVersion: at }, key);
  }

  private remove(key: string, at: string): void {
    const object = this.objects.get(key);
    if (!object) return;
    this.unindex(key);
    this.objects.delete(key);
    this.emit({ type: 'DELETED', object, resourceVersion: at }, key);
  }

  private unindex(key: string): void {
    const object = this.objects.get(key);
    if (!object) return;
    for (const [name, keysOf] of Object.entries(this.indexers)) {
      const index = this.index.get(name)!;
      for (const value of keysOf(object)) {
        const keys = index.get(value);
        keys?.delete(key);
        if (keys?.size === 0) index.delete(value);
      }
    }
  }

  /** The store now holds `resourceVersion`: whoever waits on the store checks again. */
  private advance(resourceVersion: string): void {
    this.version = resourceVersion;
    for (const condition of [...this.conditions]) if (condition.holds()) condition.resolve(true);
  }

  private emit(change: StoreChange<T>, key: string): void {
    this.changeCount += 1;
    const version = asNumber(change.resourceVersion);
    if (version !== null) {
      this.history.push({ version, key });
      if (this.history.length > this.historySize * 2) {
        // Dropped in halves, so the ring costs O(1) per change; what is forgotten moves the floor up.
        const dropped = this.history.length - this.historySize;
        this.historyFrom = this.history[dropped - 1].version;
        this.history = this.history.slice(dropped);
      }
    }
    for (const listener of this.listeners) listener(change);
  }
}

function asNumber(resourceVersion: string): bigint | null {
  return /^\d{1,30}$/.test(resourceVersion) ? BigInt(resourceVersion) : null;
}
