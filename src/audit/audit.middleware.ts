import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { Request, Response } from 'express';
import { routeChange, WRITE_METHODS, type ChangeNote } from '../common/audit/changes';
import { requestInfoOf, type RequestInfo } from '../common/logging/request-context';
import { AuditTrail } from './audit-trail.service';

/** Signing in and out is no change of an object: its outcomes are in the metrics and the access log. */
const SIGN_IN = /^\/(kube\/)?oauth\//;

/**
 * Writes the audit records of each request once its answer is done (or the caller went away): the
 * changes GraphQL and the Kubernetes path noted, or the REST or KubeSphere route's, with the outcome.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly trail: AuditTrail) {}

  use(req: Request, res: Response, next: () => void): void {
    const info = requestInfoOf(req);
    if (info && this.trail.enabled) res.once('close', () => this.finished(req, res, info));
    next();
  }

  private finished(req: Request, res: Response, info: RequestInfo): void {
    if (!info.transport || SIGN_IN.test(req.path)) return;
    const facts = {
      requestId: info.id,
      user: info.user,
      sourceAddress: req.socket.remoteAddress,
      transport: info.transport,
    };
    // GraphQL's changes carry their own outcome; others have the request's.
    const code = info.code ?? (res.statusCode >= 400 || !res.writableFinished ? codeOf(res) : undefined);
    const changes: ChangeNote[] =
      info.transport === 'graphql'
        ? (info.changes ?? [])
        : (info.changes ?? this.routeChanges(req, info)).map((change) => ({ ...change, code }));
    for (const change of changes) this.trail.record(facts, change);
  }

  private routeChanges(req: Request, info: RequestInfo): ChangeNote[] {
    if (!WRITE_METHODS.has(req.method)) return [];
    const pattern = (req.route as { path?: unknown } | undefined)?.path;
    if (typeof pattern !== 'string')
      return [
        { operation: info.operation ?? `${req.method} ${req.path}`, project: info.project, dryRun: false },
      ];
    const change = routeChange(req.method, pattern, req.params, req.query, req.body);
    return [{ ...change, project: change.project ?? info.project, request: jsonBody(req.body) }];
  }
}

/** Answers no error filter named (the API server's own, through the Kubernetes path), by Berth's codes. */
const STATUS_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_USER_INPUT',
  409: 'CONFLICT',
  410: 'EXPIRED',
  413: 'BAD_USER_INPUT',
  415: 'BAD_USER_INPUT',
  422: 'BAD_USER_INPUT',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

function codeOf(res: Response): string {
  if (!res.writableFinished) return 'CLIENT_CLOSED';
  return STATUS_CODES[res.statusCode] ?? (res.statusCode >= 500 ? 'INTERNAL' : String(res.statusCode));
}

/** A JSON body as parsed; YAML (a string) or bytes are not read into the record. */
function jsonBody(body: unknown): unknown {
  return body !== null && typeof body === 'object' && !Buffer.isBuffer(body) ? body : undefined;
}
