import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { requestInfoOf } from '../logging/request-context';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';
import type { ErrorBody } from './error-body';
import { ErrorCode } from './error-code';
import { presentError } from './error-presentation';
import { toDomainError } from './to-domain-error';

/**
 * The edge where every error leaves Berth, for both transports. Errors are logged here once, with
 * their cause; the client gets only the code, the message and the field list.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | undefined {
    const error = toDomainError(exception);
    this.log(error);
    if (host.getType<GqlContextType>() === 'graphql') return toGraphQLError(error);

    const response = host.switchToHttp().getResponse<Response>();
    const info = requestInfoOf(host.switchToHttp().getRequest<Request>());
    if (info) info.code = error.code;
    if (response.headersSent) {
      // A stream (e.g. followed logs) failed after it started: all we can do is end it.
      response.end();
      return undefined;
    }
    const { httpStatus } = presentError(error.code);
    if (error.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    // Set the type explicitly: a handler may have set another (text/plain for logs) before failing.
    response.status(httpStatus).type('application/json').json(toErrorBody(error));
    return undefined;
  }

  private log(error: DomainError): void {
    if (error.code === ErrorCode.INTERNAL) {
      const cause = error.cause instanceof Error ? error.cause : undefined;
      this.logger.error(cause?.message ?? error.message, cause?.stack);
    } else if (error.code === ErrorCode.UNAVAILABLE) {
      const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
      this.logger.warn(`${error.message}${cause}`);
    }
  }
}

export function toErrorBody(error: DomainError): ErrorBody {
  const body: ErrorBody = {
    statusCode: presentError(error.code).httpStatus,
    code: error.code,
    message: error.message,
  };
  if (error.fields) body.fields = error.fields;
  return body;
}

export function toGraphQLError(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: presentError(error.code).graphqlCode };
  if (error.fields) extensions.fields = error.fields;
  if (error.retryAfterSeconds !== undefined) extensions.retryAfterSeconds = error.retryAfterSeconds;
  return new GraphQLError(error.message, { extensions });
}
