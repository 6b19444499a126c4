/**
 * The messages of one subscription on their way to its subscriber, as an async iterator (what
 * graphql-js subscriptions and the REST stream consume). The transport pulls the next message only
 * once the previous one was written out, so what waits here is what a slow subscriber has not
 * taken: past `max` messages the queue gives up (`overflow`), never growing without bound.
 */
export class LiveQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiter: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null =
    null;
  private failure: { error: Error } | null = null;
  private ending = false;
  private closed = false;

  constructor(
    private readonly max: number,
    private readonly hooks: { overflow: () => void; closed: () => void },
  ) {}

  /** Number of messages not yet taken. */
  get pending(): number {
    return this.items.length;
  }

  get done(): boolean {
    return this.closed;
  }

  push(item: T): void {
    if (this.closed || this.failure || this.ending) return;
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve({ value: item, done: false });
      return;
    }
    this.items.push(item);
    if (this.items.length > this.max) {
      this.items.length = 0;
      this.finish();
      this.hooks.overflow();
    }
  }

  /** Ends the subscription normally, after the messages already queued (e.g. a log that ended). */
  end(): void {
    if (this.closed || this.failure) return;
    this.ending = true;
    if (this.waiter) this.finish();
  }

  /** Ends the subscription with an error, after the messages already queued. */
  fail(error: unknown): void {
    if (this.closed || this.failure) return;
    this.failure = { error: error instanceof Error ? error : new Error(String(error)) };
    if (this.waiter) {
      const { reject } = this.waiter;
      this.waiter = null;
      this.finish();
      reject(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.failure && !this.closed) {
      this.finish();
      return Promise.reject(this.failure.error);
    }
    if (this.ending) this.finish();
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  /** The subscriber went away (or completed the subscription). */
  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve({ value: undefined, done: true });
    }
    this.hooks.closed();
  }
}
