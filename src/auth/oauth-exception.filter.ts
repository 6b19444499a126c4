import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { OAuthError } from './oauth-error';

/** The token endpoint speaks OAuth 2.0 errors (`{error, error_description}`), not Berth's error body. */
@Catch()
export class OAuthExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('OAuth');

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toOAuthError(exception);
    if (error.error === 'server_error')
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    const response = host.switchToHttp().getResponse<Response>();
    if (error.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.setHeader('Cache-Control', 'no-store');
    response.status(error.status).json({ error: error.error, error_description: error.description });
  }
}

function toOAuthError(exception: unknown): OAuthError {
  if (exception instanceof OAuthError) return exception;
  if (exception instanceof DomainError) {
    switch (exception.code) {
      case ErrorCode.BAD_USER_INPUT:
        return new OAuthError('invalid_request', exception.message);
      // A refresh that lost a race with another use of the same token, or an account gone meanwhile.
      case ErrorCode.CONFLICT:
      case ErrorCode.NOT_FOUND:
      case ErrorCode.UNAUTHENTICATED:
      case ErrorCode.FORBIDDEN:
        return new OAuthError('invalid_grant', 'The grant is invalid, expired or revoked');
      case ErrorCode.TOO_MANY_REQUESTS:
        return new OAuthError(
          'invalid_request',
          'Too many sign-in attempts; try again later',
          429,
          exception.retryAfterSeconds,
        );
      case ErrorCode.UNAVAILABLE:
        return new OAuthError(
          'temporarily_unavailable',
          'Sign-in is temporarily unavailable',
          503,
          exception.retryAfterSeconds,
        );
      default:
        return new OAuthError('server_error', 'Internal error', 500);
    }
  }
  // Passport's local strategy answers 400 when the username or password is missing.
  if (exception instanceof HttpException && exception.getStatus() < 500)
    return new OAuthError('invalid_request', 'username and password are required');
  return new OAuthError('server_error', 'Internal error', 500);
}
