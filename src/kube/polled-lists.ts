import type { KubeObject } from './kube-types';

interface Polled {
  at: number;
  items: Promise<KubeObject[]>;
  /** Set once `items` has resolved: only an answer in hand is served while a refresh runs. */
  settled: boolean;
  refreshing: boolean;
}

const MAX_NAMESPACES = 1000;

/**
 * One kind that cannot be watched (pod metrics), listed per namespace and reused for `ttlMs`. In the
 * following period the last answer is still served while one refresh runs in the background, so in
 * steady state no read waits for the API (a page's p99 did, once per period); what is served is at
 * most two periods old. Concurrent readers of a missing or expired list share one request.
 */
export class PolledLists {
  private readonly lists = new Map<string, Polled>();

  constructor(
    private readonly fetch: (namespace: string) => Promise<KubeObject[]>,
    private readonly ttlMs: number,
  ) {}

  items(namespace: string): Promise<KubeObject[]> {
    const known = this.lists.get(namespace);
    const age = known ? Date.now() - known.at : Infinity;
    if (known && age < this.ttlMs) return known.items;
    if (known?.settled && age < 2 * this.ttlMs) {
      if (!known.refreshing) {
        known.refreshing = true;
        void this.refresh(namespace, known); // its failure is handled inside
      }
      return known.items;
    }
    return this.refresh(namespace, null);
  }

  /**
   * Lists the namespace now. In the background (`previous` given) the answer replaces `previous`
   * only when it arrives, and a failure leaves it to expire; otherwise it is shared at once and a
   * failure forgets it.
   */
  private refresh(namespace: string, previous: Polled | null): Promise<KubeObject[]> {
    const entry: Polled = { at: Date.now(), items: this.fetch(namespace), settled: false, refreshing: false };
    if (previous) {
      entry.items.then(
        () => {
          entry.settled = true;
          if (this.lists.get(namespace) === previous) this.keep(namespace, entry);
        },
        () => (previous.refreshing = false),
      );
    } else {
      this.keep(namespace, entry);
      entry.items.then(
        () => (entry.settled = true),
        () => this.lists.get(namespace) === entry && this.lists.delete(namespace),
      );
    }
    return entry.items;
  }

  private keep(namespace: string, entry: Polled): void {
    this.lists.delete(namespace);
    this.lists.set(namespace, entry);
    if (this.lists.size > MAX_NAMESPACES) this.lists.delete(this.lists.keys().next().value!);
  }
}
