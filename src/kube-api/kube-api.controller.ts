import {
  All,
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Logger,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { kubeChange, WRITE_METHODS } from '../common/audit/changes';
import { KUBE_API_PATH } from '../common/http/edge';
import { requestInfoOf } from '../common/logging/request-context';
import { CurrentPrincipal } from '../access/request-context.decorators';
import { Access } from '../iam/access-rules';
import type { Principal } from '../iam/principal';
import { parseKubeApiUrl, type KubeApiRequest } from './kube-api-path';
import { KubeApiService } from './kube-api.service';
import { statusOfError } from './kube-status';

/** The API server's headers a client needs (the body is re-encoded by this server). */
const ANSWER_HEADERS = ['content-type', 'warning'];

/** Every failure of this path answers as a Kubernetes Status, the way kubectl and client libraries read it. */
@Catch()
export class KubeStatusFilter implements ExceptionFilter {
  private readonly logger = new Logger('KubeApi');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const status = statusOfError(error);
    if (status.code >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    if (res.headersSent) return void res.destroy();
    if (status.details?.retryAfterSeconds)
      res.setHeader('Retry-After', String(status.details.retryAfterSeconds));
    res.status(status.code).json(status);
  }
}

/**
 * The Kubernetes API, for kubectl, client libraries and informers with a Berth token, at
 * `/kube/api/...` and `/kube/apis/...` (beside Berth's own `/api/v1`, never in its way). Only the
 * method, the checked path, the query, Accept, Content-Type and the body go on.
 */
@ApiExcludeController()
@UseFilters(KubeStatusFilter)
@Controller(KUBE_API_PATH.slice(1))
export class KubeApiController {
  constructor(private readonly service: KubeApiService) {}

  @All(['api', 'api/*path', 'apis', 'apis/*path', 'version', 'openapi/*path'])
  @Access.authenticated()
  async forward(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { request, query } = parseKubeApiUrl(req.method, req.originalUrl);
    noteChange(req, request, query);
    const controller = new AbortController();
    // Closed when the answer is done or the caller went away: either way, the upstream request ends.
    res.on('close', () => controller.abort());
    if (res.closed) controller.abort();
    const answer = await this.service.send(principal, request, {
      query,
      accept: req.headers.accept,
      contentType: req.headers['content-type'],
      body: Buffer.isBuffer(req.body) && req.body.length ? req.body : undefined,
      signal: controller.signal,
    });
    res.status(answer.status);
    for (const name of ANSWER_HEADERS) {
      const value = answer.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    if (!answer.body) return void res.end();
    res.flushHeaders();
    await pipeline(Readable.fromWeb(answer.body), res).catch(() => {
      // The caller or the API server went away mid-stream: nothing left to answer.
    });
  }
}

/** For the access line and the audit trail: the project, and what a write changes. */
function noteChange(req: Request, request: KubeApiRequest, query: string): void {
  const info = requestInfoOf(req);
  if (!info || request.kind !== 'resource') return;
  info.project = request.namespace;
  if (!WRITE_METHODS.has(req.method)) return;
  const body = jsonOf(req);
  info.changes = [{ ...kubeChange(request, new URLSearchParams(query), body), request: body }];
}

/** A JSON body (a Kubernetes object, a patch or DeleteOptions); YAML and protobuf are not read. */
function jsonOf(req: Request): unknown {
  if (!Buffer.isBuffer(req.body) || !req.body.length || !req.is(['json', '+json'])) return undefined;
  try {
    return JSON.parse(req.body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
