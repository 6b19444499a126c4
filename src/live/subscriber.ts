import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { httpOf } from '../access/request-scopes';

/**
 * Close codes of Berth's WebSocket connections (graphql-ws's own are 4400 bad request, 4403
 * forbidden, 4408 no connection_init in time, 4409 duplicate id, 4500 internal error).
 */
export const CLOSE_CODES = {
  /** No token in connection_init, or one that is not (or no longer) valid. Sign in, then reconnect. */
  UNAUTHENTICATED: 4401,
  /** The subscriber read too slowly: more than BERTH_LIVE_MAX_PENDING messages were waiting. Reconnect and resume. */
  TOO_SLOW: 4413,
  /** Too many connections or subscriptions (per user, per connection or on this replica). */
  TOO_MANY: 4429,
  /** The server is shutting down: reconnect (to another replica) and resume. */
  GOING_AWAY: 1001,
} as const;

/** One connection that holds subscriptions: a WebSocket, or one REST change stream. */
export interface Subscriber {
  readonly username: string;
  /** The bearer token it was opened with: its access is checked again with it (kept in memory only). */
  readonly token: string;
  readonly transport: 'graphql-ws' | 'rest';
  /** The subscriptions open on it now (the per-connection limit counts them). */
  readonly feeds: Set<unknown>;
  /** Ends the whole connection, e.g. a slow reader's. */
  drop(code: number, reason: string): void;
}

const SUBSCRIBERS = new WeakMap<Request, Subscriber>();

/** Marks the (synthetic or real) request a subscription runs under with its connection. */
export function bindSubscriber(req: Request, subscriber: Subscriber): void {
  SUBSCRIBERS.set(req, subscriber);
}

export function subscriberOf(req: Request): Subscriber | undefined {
  return SUBSCRIBERS.get(req);
}

/** The connection a subscription resolver or REST stream runs on; undefined over plain HTTP GraphQL. */
export const CurrentSubscriber = createParamDecorator(
  (_: unknown, context: ExecutionContext): Subscriber | undefined => subscriberOf(httpOf(context).req),
);
