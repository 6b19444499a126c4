import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

/**
 * Normalises anything thrown while handling a request. Framework exceptions (unknown route, a body
 * that is not JSON, a payload that is too large) keep their meaning; anything unrecognised is a bug
 * and becomes INTERNAL, with the original kept only as the (logged) cause.
 */
export function toDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) return fromHttpException(exception);
  return new DomainError(ErrorCode.INTERNAL, 'Internal error', { cause: exception });
}

function fromHttpException(exception: HttpException): DomainError {
  const status: number = exception.getStatus();
  const message = clientMessage(exception);
  const byStatus: Partial<Record<number, ErrorCode>> = {
    [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
    [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
    [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
    [HttpStatus.CONFLICT]: ErrorCode.CONFLICT,
    [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TOO_MANY_REQUESTS,
  };
  const code = byStatus[status] ?? (status >= 400 && status < 500 ? ErrorCode.BAD_USER_INPUT : undefined);
  if (code === undefined) return new DomainError(ErrorCode.INTERNAL, 'Internal error', { cause: exception });
  return new DomainError(code, message);
}

function clientMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}
