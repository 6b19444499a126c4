import { ErrorCode } from './error-code';

/** One invalid input field: a dotted path as the client sent it (e.g. `input.containers[0].image`). */
export interface FieldError {
  path: string;
  message: string;
}

export interface DomainErrorOptions {
  fields?: FieldError[];
  /** Seconds after which a retry may succeed (TOO_MANY_REQUESTS, UNAVAILABLE). */
  retryAfterSeconds?: number;
  /** The underlying error, for logs only; it never reaches a client. */
  cause?: unknown;
}

/**
 * The one error type the services throw. Its message is written for the client and must not carry
 * internals (addresses, credentials, stack traces); put those in `cause`, which is only logged.
 */
export class DomainError extends Error {
  readonly fields?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    if (options.fields?.length) this.fields = options.fields;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static notFound(kind: string, name: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${kind} "${name}" not found`);
  }

  static badInput(fields: FieldError[], message?: string): DomainError {
    const summary = message ?? fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return new DomainError(ErrorCode.BAD_USER_INPUT, summary || 'Invalid input', { fields });
  }

  static badField(path: string, message: string): DomainError {
    return DomainError.badInput([{ path, message }]);
  }
}
