import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './error-code';

export interface ErrorPresentation {
  /** GraphQL `extensions.code`. */
  graphqlCode: string;
  httpStatus: HttpStatus;
}

/**
 * The single place where a domain error code becomes something a transport understands. A table
 * over every code: adding a code without deciding its HTTP status does not compile.
 */
const HTTP_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.QUERY_TOO_COMPLEX]: HttpStatus.BAD_REQUEST,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.EXPIRED]: HttpStatus.GONE,
  [ErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** GraphQL shows the domain code itself; HTTP, its status from the table. */
export function presentError(code: ErrorCode): ErrorPresentation {
  const httpStatus = HTTP_STATUS[code];
  // Only reachable with a value from outside the type (an unchecked cast).
  if (httpStatus === undefined) throw new Error(`Unhandled error code: ${String(code)}`);
  return { graphqlCode: code, httpStatus };
}
