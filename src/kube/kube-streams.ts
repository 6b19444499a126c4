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

/** A request sent on as it came (the Kubernetes API path): its path is rebuilt and checked by the caller. */
export interface ForwardedRequest {
  method: string;
  /** The API server path with its query, e.g. `/api/v1/namespaces/p1/pods?watch=true`. */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Watches and followed logs: no timeout applies; `signal` ends them. */
  stream: boolean;
  signal: AbortSignal;
}

/** What the API server answered a forwarded request: its status, its headers, its body as a stream. */
export interface ForwardedAnswer {
  status: number;
  headers: Headers;
  body: WebReadableStream<Uint8Array> | null;
}

/** Sends `request` to the API server as `identity`, answering whatever it answers (a Status too). */
export async function forward(
  connection: KubeConnection,
  identity: Identity | undefined,
  request: ForwardedRequest,
): Promise<ForwardedAnswer> {
  const ctx = new RequestContext(connection.server + request.path, request.method as HttpMethod);
  for (const [key, value] of Object.entries(request.headers)) ctx.setHeaderParam(key, value);
  await connection.prepare(ctx, identity, true);
  if (request.stream && connection.streamDispatcher) ctx.setDispatcher(connection.streamDispatcher);
  const signal = request.stream
    ? request.signal
    : AbortSignal.any([request.signal, AbortSignal.timeout(connection.timeoutMs)]);
  const read = request.method === 'GET';
  const response = await call(
    () =>
      fetch(ctx.getUrl(), {
        method: request.method,
        headers: ctx.getHeaders(),
        body: request.body,
        dispatcher: ctx.getDispatcher(),
        signal,
      }),
    read,
  );
  return {
    status: response.status,
    headers: response.headers as unknown as Headers,
    body: response.body as WebReadableStream<Uint8Array> | null,
  };
}
