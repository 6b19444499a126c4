import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeNote } from '../audit/changes';
import { requests } from '../metrics/metrics';

/**
 * What Berth knows about the request being served, for its access line, its audit record and the
 * Kubernetes calls it makes: filled in as the request goes (the guard names the user and project,
 * GraphQL its operation, the error filter its code).
 */
export interface RequestInfo {
  readonly id: string;
  readonly startedAt: number;
  transport?: 'rest' | 'graphql' | 'kube' | 'kubesphere';
  user?: string;
  project?: string;
  /** `POST /api/v1/projects/:project/statefulsets`, or `mutation scale { scaleStatefulSet }`. */
  operation?: string;
  /** The operation as a bounded metric label: a route, GraphQL's first root field, a Kubernetes verb and resource. */
  route?: string;
  /** The error code of a refused or failed request (GraphQL answers 200 with errors). */
  code?: string;
  /**
   * The changes the request asked for, for the audit trail: a GraphQL mutation's root fields (each
   * with its own outcome), or a Kubernetes path's object. REST routes are read from their pattern.
   */
  changes?: ChangeNote[];
}

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is kept when it is a plain token of at most 128 characters; else Berth makes one. */
const CALLER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const byRequest = new WeakMap<IncomingMessage, RequestInfo>();
const current = new AsyncLocalStorage<RequestInfo>();

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && CALLER_ID.test(value) ? value : randomUUID();
}

/**
 * Express middleware, first of all: gives the request its id (the caller's `X-Request-Id`, or a new
 * one), returns it in the answer, and makes the request's info reachable from the request and, for
 * code that has no request in hand (the Kubernetes client), from the async context.
 */
export function requestContext() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const info: RequestInfo = { id: requestIdFrom(req.headers[REQUEST_ID_HEADER]), startedAt: Date.now() };
    byRequest.set(req, info);
    res.setHeader('X-Request-Id', info.id);
    res.on('finish', () => {
      // A Kubernetes path is the caller's to make up: only what the API server served names a resource.
      const made = info.transport === 'kube' && res.statusCode >= 400;
      const labels = {
        transport: info.transport ?? 'none',
        operation: made ? 'refused' : (info.route ?? 'unmatched'),
      };
      requests.total.inc({ ...labels, code: info.code ?? String(res.statusCode) });
      requests.seconds.observe(labels, (Date.now() - info.startedAt) / 1000);
    });
    current.run(info, next);
  };
}

/** The info of `req` (undefined for a request the middleware did not see, e.g. in a unit test). */
export const requestInfoOf = (req: IncomingMessage): RequestInfo | undefined => byRequest.get(req);

/** The info of the request this code runs for, if any. */
export const currentRequest = (): RequestInfo | undefined => current.getStore();
