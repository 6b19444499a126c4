import { HttpMethod, RequestContext } from '@kubernetes/client-node';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fetch } from 'undici';
import { call, READ } from './kube-call';
import { fromStatus, parseStatus } from './kube-errors';
import type { Identity } from './identity';
import type { KubeConnection } from './kube-connection';
import type { KubeObject } from './kube-types';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

/** What part of a container's log to read (or follow). */
export interface PodLogOptions {
  container?: string;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
}

export interface WatchEvent<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: T;
}

/** GETs a streaming response (watch, followed logs) as `identity`; no timeout applies. */
export async function openStream(
  connection: KubeConnection,
  identity: Identity | undefined,
  path: string,
  query: Record<string, string | undefined>,
  signal: AbortSignal,
): Promise<WebReadableStream<Uint8Array>> {
  const url = new URL(connection.server + path);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  const ctx = new RequestContext(url.toString(), HttpMethod.GET);
  ctx.setSignal(signal);
  await connection.prepare(ctx, identity, true);
  const response = await call(
    () => fetch(ctx.getUrl(), { headers: ctx.getHeaders(), dispatcher: ctx.getDispatcher(), signal }),
    READ,
  );
  if (response.status !== 200 || !response.body) {
    const text = await response.text();
    throw fromStatus(response.status, parseStatus(text));
  }
  return response.body as WebReadableStream<Uint8Array>;
}

/**
 * Reads a watch response's newline-delimited events until it ends or `stop()` is called; `done`
 * is told once why it ended (an ERROR event with 410 Gone is `expired`: list again).
 */
export function readWatchEvents<T extends KubeObject>(
  body: WebReadableStream<Uint8Array>,
  controller: AbortController,
  deserialize: (object: unknown) => T,
  onEvent: (event: WatchEvent<T>) => void,
  done: (error?: DomainError, expired?: boolean) => void,
): { stop(): void } {
  const input = Readable.fromWeb(body);
  const lines = createInterface({ input });
  let finished = false;
  const finish = (error?: DomainError, expired = false) => {
    if (finished) return;
    finished = true;
    controller.abort();
    done(error, expired);
  };
  lines.on('line', (line: string) => {
    if (!line.trim() || finished) return;
    const event = JSON.parse(line) as WatchEvent<T> | { type: 'ERROR'; object: unknown };
    if (event.type === 'ERROR') {
      const status = parseStatus(event.object);
      finish(fromStatus(status.code ?? 500, status), status.code === 410);
    } else onEvent({ type: event.type, object: deserialize(event.object) });
  });
  // An aborted or broken stream ends the watch; the caller re-lists if it needs to go on.
  // (readline re-emits its input's errors, so both need a listener.)
  const interrupted = () => finish(new DomainError(ErrorCode.UNAVAILABLE, 'The watch was interrupted'));
  input.on('error', interrupted);
  lines.on('error', interrupted);
  lines.on('close', () => finish());
  return { stop: () => finish() };
}
