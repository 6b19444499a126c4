import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './test-app';

export interface Closed {
  code: number;
  reason: string;
}

/** A graphql-ws client (the library's own, as a browser console would use it) on the test app. */
export async function liveClient(
  t: TestApp,
  token: string | null,
  options: { onClosed?: (closed: Closed) => void } = {},
): Promise<Client> {
  const port = await t.listen();
  return createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        options.onClosed?.({ code, reason: String(reason) });
      },
    },
  });
}

/** A subscription's messages as they arrive, and how it ended. */
export class Subscription<T> {
  readonly messages: T[] = [];
  errors: readonly { message: string; extensions?: Record<string, unknown> }[] | null = null;
  completed = false;
  private readonly waiters = new Set<() => void>();
  readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (result: ExecutionResult<T>) => {
          if (result.errors) this.errors = result.errors;
          else if (result.data) this.messages.push(result.data);
          this.notify();
        },
        error: (error: unknown) => {
          this.errors = Array.isArray(error)
            ? (error as typeof this.errors)
            : [{ message: error instanceof Error ? error.message : `closed: ${JSON.stringify(error)}` }];
          this.notify();
        },
        complete: () => {
          this.completed = true;
          this.notify();
        },
      },
    );
  }

  /** Waits until `holds` is true of what arrived (checked on each arrival), failing after `timeoutMs`. */
  until<R>(holds: (s: this) => R | undefined | null | false, what: string, timeoutMs = 30_000): Promise<R> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = holds(this);
        if (value === undefined || value === null || value === false) return false;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `timed out waiting for ${what}; got ${JSON.stringify({ messages: this.messages.slice(-3), errors: this.errors })}`,
          ),
        );
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  /** The first message after the `seen`-th that `pick` accepts. */
  next<R>(
    seen: number,
    pick: (message: T) => R | undefined | false,
    what: string,
    timeoutMs?: number,
  ): Promise<R> {
    return this.until(
      (s) => {
        for (const m of s.messages.slice(seen)) {
          const r = pick(m);
          if (r !== undefined && r !== false) return r;
        }
        return undefined;
      },
      what,
      timeoutMs,
    );
  }

  private notify(): void {
    for (const check of [...this.waiters]) check();
  }
}
