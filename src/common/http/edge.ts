import type { INestApplication } from '@nestjs/common';
import { json, type NextFunction, raw, type Request, type Response, text, urlencoded } from 'express';
import helmet from 'helmet';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { toErrorBody } from '../errors/all-exceptions.filter';
import { MAX_INPUT_DEPTH } from '../validation/plain-data';
import type { GraphQLLimits } from '../graphql/graphql-limits';
import { GRAPHQL_PATH } from '../graphql/graphql-path';

export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];
/** The largest JSON or YAML body (a StatefulSet with its Service is a few KiB). */
export const MAX_BODY = '1mb';
/** Where the Kubernetes API for signed-in users is served (`/kube/api/...`, `/kube/apis/...`). */
export const KUBE_API_PATH = '/kube';
/** The API server's own limit on a request body (3 MiB). */
const MAX_KUBE_BODY = '3mb';

/**
 * helmet's defaults (CSP 'self', no sniffing, frame denial, ...) on every answer, and no caching:
 * answers carry tenants' data, Secret values and tokens. Static files may say otherwise.
 */
export function securityHeaders(): (req: Request, res: Response, next: NextFunction) => void {
  // Berth speaks plain HTTP unless TLS is terminated in front of it: upgrading its pages' requests
  // to https would break them (GraphiQL, the OpenAPI UI).
  const headers = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  return (req, res, next) =>
    headers(req, res, () => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    });
}

/**
 * CORS for the browser origins configured, on every path (GraphQL, REST, the Kubernetes path):
 * preflights answered at once; bearer tokens only (no cookies, so no credentials mode); the
 * request id and Retry-After readable by the page. No origins configured: no CORS headers at all.
 */
export function useCors(app: INestApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  app.enableCors({
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'X-Request-Id', 'Last-Event-ID'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Warning'],
    maxAge: 600,
  });
}

/**
 * JSON (REST bodies, GraphQL requests), forms (the OAuth endpoints) and YAML (the Edit Mode) with
 * size limits; JSON nested deeper than any input needs is refused while it is still bytes, before
 * anything walks it recursively. Batched GraphQL requests only as configured.
 */
export function useBodyParsers(app: INestApplication, limits: GraphQLLimits): void {
  // The Kubernetes API path sends bodies on as bytes (JSON, YAML, patches), never parsed here;
  // KubeSphere's own endpoints beside it (`/kube/oauth`, `/kube/kapis`) are parsed as anywhere.
  app.use([`${KUBE_API_PATH}/api`, `${KUBE_API_PATH}/apis`], raw({ type: () => true, limit: MAX_KUBE_BODY }));
  app.use(oauthTolerant(json({ limit: MAX_BODY, verify: refuseDeepJson })));
  app.use(oauthTolerant(urlencoded({ limit: '64kb', extended: false, parameterLimit: 100 })));
  app.use(text({ type: YAML_TYPES, limit: MAX_BODY }));
  app.use(GRAPHQL_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (!Array.isArray(req.body) || req.body.length <= limits.maxBatch) return next();
    const message =
      limits.maxBatch === 0
        ? 'Batched requests are not accepted: send one operation per request'
        : `At most ${limits.maxBatch} operations per batched request`;
    res.status(400).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
  });
}

type Middleware = (req: Request, res: Response, next: (error?: unknown) => void) => void;

/**
 * The OAuth endpoints answer in OAuth's own error format (RFC 6749 §5.2): a body they cannot read
 * reaches them as empty, and they answer `invalid_request` as for any other missing parameter.
 */
function oauthTolerant(parse: Middleware): Middleware {
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (error && /^(\/kube)?\/oauth\//.test(req.path)) {
        req.body = {};
        return next();
      }
      next(error);
    });
}

/** body-parser's `verify`: counts nesting in the raw text (strings skipped) without parsing it. */
function refuseDeepJson(_req: Request, _res: Response, buffer: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      // The outer request (GraphQL's {query, variables}) adds a few levels to any input's own.
      if (++depth > MAX_INPUT_DEPTH + 4) throw tooDeep();
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

function tooDeep(): Error {
  const error = new DomainError(
    ErrorCode.BAD_USER_INPUT,
    `The body is nested more than ${MAX_INPUT_DEPTH} levels deep`,
    {
      fields: [{ path: 'body', message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` }],
    },
  );
  // body-parser answers with this status (it would say 403 otherwise).
  return Object.assign(error, { status: 400, expose: true, body: toErrorBody(error) });
}
