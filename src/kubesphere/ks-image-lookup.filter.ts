import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorBody } from '../common/errors/all-exceptions.filter';
import { ErrorCode } from '../common/errors/error-code';
import { presentError } from '../common/errors/error-presentation';
import { toDomainError } from '../common/errors/to-domain-error';

/**
 * The console's image lookup reads a failure from `status` (anything but `succeeded`) and shows its
 * `message` under the image field; without it, a failed lookup would show as an empty image. So this
 * one route's error body (Berth's own) also says `status: failed`.
 */
@Catch()
export class KsImageLookupFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toDomainError(exception);
    if (error.code === ErrorCode.INTERNAL && error.cause instanceof Error)
      this.logger.error(error.cause.message, error.cause.stack);
    const response = host.switchToHttp().getResponse<Response>();
    if (error.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.status(presentError(error.code).httpStatus).json({ ...toErrorBody(error), status: 'failed' });
  }
}
