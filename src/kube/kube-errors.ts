import { ApiException } from '@kubernetes/client-node';
import { DomainError, FieldError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

/** The parts of a Kubernetes `Status` body that Berth reads. Treated as data, never trusted blindly. */
export interface KubeStatus {
  kind?: string;
  reason?: string;
  /** The HTTP status it stands for (in a watch's ERROR event, where there is no response status). */
  code?: number;
  message?: string;
  details?: {
    name?: string;
    kind?: string;
    causes?: { field?: string; message?: string; reason?: string }[];
    retryAfterSeconds?: number;
  };
}

/** Network-level failures: the API server could not be reached or did not answer in time. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMED_OUT = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'TimeoutError',
  'AbortError',
]);

/**
 * Maps any failure of a call to the API server to a DomainError. Messages are rebuilt from the Status
 * body's structured parts; the API server's address, request URLs and credentials never appear.
 */
export function kubeErrorToDomain(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ApiException) return fromStatus(error.code, asStatus(error.body), error);
  const code = transportCode(error);
  if (code && TIMED_OUT.has(code)) {
    return new DomainError(ErrorCode.UNAVAILABLE, 'The Kubernetes API server did not answer in time', {
      retryAfterSeconds: 1,
      cause: error,
    });
  }
  if (code && UNREACHABLE.has(code)) {
    return new DomainError(ErrorCode.UNAVAILABLE, 'The Kubernetes API server is unreachable', {
      retryAfterSeconds: 1,
      cause: error,
    });
  }
  return new DomainError(ErrorCode.INTERNAL, 'Internal error', { cause: error });
}

export function fromStatus(httpCode: number, status: KubeStatus, cause?: unknown): DomainError {
  const what = describe(status);
  const options = { cause };
  switch (true) {
    case httpCode === 404:
      return new DomainError(ErrorCode.NOT_FOUND, what ? `${what} not found` : 'Not found', options);
    case httpCode === 409 && status.reason === 'AlreadyExists':
      return new DomainError(ErrorCode.CONFLICT, what ? `${what} already exists` : 'Already exists', options);
    case httpCode === 409:
      return new DomainError(
        ErrorCode.CONFLICT,
        `${what || 'The object'} was changed by someone else since it was read; reload it and try again`,
        options,
      );
    case httpCode === 422 || httpCode === 400: {
      const fields = causes(status);
      return new DomainError(ErrorCode.BAD_USER_INPUT, invalidMessage(status, what, fields), {
        ...options,
        fields,
      });
    }
    case httpCode === 410:
      return new DomainError(
        ErrorCode.BAD_USER_INPUT,
        'The list position (continue token) has expired; start the listing again',
        options,
      );
    case httpCode === 403:
      return new DomainError(ErrorCode.FORBIDDEN, 'Not allowed to do this', options);
    case httpCode === 401:
      // The API server refused Berth's own credentials: the caller did nothing wrong and signing in
      // again would not help, so this is an outage, not UNAUTHENTICATED.
      return new DomainError(
        ErrorCode.UNAVAILABLE,
        "The Kubernetes API server refused Berth's credentials",
        options,
      );
    case httpCode === 429:
      return new DomainError(
        ErrorCode.UNAVAILABLE,
        'The Kubernetes API server is overloaded; try again shortly',
        {
          ...options,
          retryAfterSeconds: status.details?.retryAfterSeconds ?? 1,
        },
      );
    case httpCode === 504 || status.reason === 'Timeout':
      return new DomainError(ErrorCode.UNAVAILABLE, 'The Kubernetes API server did not answer in time', {
        ...options,
        retryAfterSeconds: 1,
      });
    case httpCode >= 500:
      return new DomainError(
        ErrorCode.UNAVAILABLE,
        'The Kubernetes API server failed to handle the request',
        { ...options, retryAfterSeconds: 1 },
      );
    default:
      return new DomainError(ErrorCode.INTERNAL, 'Internal error', options);
  }
}

export function parseStatus(body: unknown): KubeStatus {
  return asStatus(body);
}

function asStatus(body: unknown): KubeStatus {
  if (typeof body === 'string') {
    try {
      return asStatus(JSON.parse(body) as unknown);
    } catch {
      return {};
    }
  }
  return body !== null && typeof body === 'object' ? body : {};
}

function describe(status: KubeStatus): string {
  const kind = status.details?.kind;
  const name = status.details?.name;
  if (kind && name) return `${singular(kind)} "${name}"`;
  if (name) return `"${name}"`;
  return kind ? singular(kind) : '';
}

/** Status details name the resource ("statefulsets.apps"); a person reads "statefulset". */
function singular(kind: string): string {
  const resource = kind.split('.')[0];
  return resource.endsWith('ies') ? `${resource.slice(0, -3)}y` : resource.replace(/(ss)es$|s$/, '$1');
}

function causes(status: KubeStatus): FieldError[] {
  return (status.details?.causes ?? [])
    .filter((c) => c.field || c.message)
    .map((c) => ({
      path: c.field ?? '',
      message: causeMessage(c.message ?? c.reason ?? 'is invalid', c.field),
    }));
}

/** Kubernetes repeats the field and the rejected value in each cause message; keep the reason. */
function causeMessage(message: string, field?: string): string {
  const withoutField = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  const invalid = /^Invalid value: .*?: (.+)$/s.exec(withoutField);
  return invalid ? invalid[1] : withoutField;
}

function invalidMessage(status: KubeStatus, what: string, fields: FieldError[]): string {
  if (fields.length > 0)
    return `${what ? `${what} is invalid` : 'Invalid'}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`;
  return status.message ?? 'Invalid request';
}

function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') break;
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && (UNREACHABLE.has(code) || TIMED_OUT.has(code))) return code;
    if (typeof name === 'string' && TIMED_OUT.has(name)) return name;
  }
  return undefined;
}

/** Tries of one call at most: two retries of a transient failure. */
export const MAX_ATTEMPTS = 3;
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * How long to wait before trying `error`'s call again, or null when it must not be retried. As
 * client-go does: a 429 (the API server shed load and did nothing) is retried for any call, after its
 * Retry-After (at most 2 s); a dropped connection only for a read, since a write may have been applied
 * before the connection dropped. Timeouts and refused connections are not retried: they would only
 * make the caller wait longer for the same answer.
 */
export function retryDelayMs(error: unknown, read: boolean): number | null {
  if (error instanceof ApiException) {
    if (error.code !== 429) return null;
    const headers = (error.headers ?? {}) as Record<string, string | undefined>;
    const seconds = Number(headers['retry-after'] ?? asStatus(error.body).details?.retryAfterSeconds ?? 1);
    return Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000, 2000);
  }
  if (!read) return null;
  const code = transportCode(error);
  return code && DROPPED.has(code) ? 50 : null;
}

/** The transport failure behind `error`, if any; a bare `fetch failed` counts as a dropped connection. */
function transportCode(error: unknown): string | undefined {
  return networkCode(error) ?? (isFetchFailure(error) ? 'ECONNRESET' : undefined);
}

/** undici reports every transport-level failure as `TypeError: fetch failed` (the cause says which). */
function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && error.message === 'fetch failed';
}
