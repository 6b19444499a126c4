import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './error-code';

export interface ErrorPresentation {
  /** GraphQL `extensions.code`. */
  graphqlCode: string;
  httpStatus: HttpStatus;
}

/**
 * The single place where a domain error code becomes something a transport understands. The switch
 * is exhaustive: adding a code without deciding how it is shown does not compile.
 */
export function presentError(code: ErrorCode): ErrorPresentation {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return { graphqlCode: 'UNAUTHENTICATED', httpStatus: HttpStatus.UNAUTHORIZED };
    case ErrorCode.FORBIDDEN:
      return { graphqlCode: 'FORBIDDEN', httpStatus: HttpStatus.FORBIDDEN };
    case ErrorCode.NOT_FOUND:
      return { graphqlCode: 'NOT_FOUND', httpStatus: HttpStatus.NOT_FOUND };
    case ErrorCode.BAD_USER_INPUT:
      return { graphqlCode: 'BAD_USER_INPUT', httpStatus: HttpStatus.BAD_REQUEST };
    case ErrorCode.QUERY_TOO_COMPLEX:
      return { graphqlCode: 'QUERY_TOO_COMPLEX', httpStatus: HttpStatus.BAD_REQUEST };
    case ErrorCode.CONFLICT:
      return { graphqlCode: 'CONFLICT', httpStatus: HttpStatus.CONFLICT };
    case ErrorCode.EXPIRED:
      return { graphqlCode: 'EXPIRED', httpStatus: HttpStatus.GONE };
    case ErrorCode.TOO_MANY_REQUESTS:
      return { graphqlCode: 'TOO_MANY_REQUESTS', httpStatus: HttpStatus.TOO_MANY_REQUESTS };
    case ErrorCode.UNAVAILABLE:
      return { graphqlCode: 'UNAVAILABLE', httpStatus: HttpStatus.SERVICE_UNAVAILABLE };
    case ErrorCode.INTERNAL:
      return { graphqlCode: 'INTERNAL', httpStatus: HttpStatus.INTERNAL_SERVER_ERROR };
    default:
      return assertNever(code);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled error code: ${String(value)}`);
}
