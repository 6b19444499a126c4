import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ErrorBody } from '../errors/error-body';
import { ErrorCode } from '../errors/error-code';
import { presentError } from '../errors/error-presentation';

/** What an operation answers when it succeeds: a model, a list of one, or nothing described here. */
export interface Success {
  type?: Type<unknown> | [Type<unknown>];
  status?: 200 | 201 | 202;
  description?: string;
  /** A create that takes `?dryRun=true`: then it answers 200 with what would be written. */
  dryRun?: boolean;
}

const WHEN: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.BAD_USER_INPUT]: 'The input is invalid; `fields` names each refused input',
  [ErrorCode.UNAUTHENTICATED]: 'No valid access token or API token',
  [ErrorCode.FORBIDDEN]: 'The role lacks the permission',
  [ErrorCode.NOT_FOUND]: 'The object (or a scope the caller may not see) does not exist',
  [ErrorCode.CONFLICT]: 'The object exists already, is in use, or changed since it was read',
  [ErrorCode.TOO_MANY_REQUESTS]: 'Too many requests; retry after `Retry-After` seconds',
  [ErrorCode.UNAVAILABLE]: 'The Kubernetes API server is unreachable or overloaded; retry later',
  [ErrorCode.EXPIRED]:
    'The cursor (`after`, Last-Event-ID) is older than what is remembered: start over without it',
};

/** Documents the error answers (the one error body) for these codes. */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...codes.map((code) =>
      ApiResponse({
        status: presentError(code).httpStatus,
        description: WHEN[code] ?? code,
        type: ErrorBody,
      }),
    ),
  );
}

/**
 * What a REST operation is and answers: its summary, its success answer (unless the route documents
 * its own, e.g. JSON or YAML), and the errors any operation may answer. Access rules add the errors
 * their checks answer (401, 403, 404), so each route declares only what is its own.
 */
export function Operation(
  what: string | { summary: string; description: string },
  success?: Success,
): MethodDecorator {
  const operation = typeof what === 'string' ? { summary: what } : what;
  const decorators = [ApiOperation(operation), ApiErrors(ErrorCode.BAD_USER_INPUT, ErrorCode.UNAVAILABLE)];
  if (success) {
    const isArray = Array.isArray(success.type);
    const type = Array.isArray(success.type) ? success.type[0] : success.type;
    decorators.push(
      ApiResponse({
        status: success.status ?? 200,
        description: success.description ?? 'Done',
        ...(type ? { type, isArray } : {}),
      }),
    );
    if (success.dryRun && type) {
      decorators.push(ApiResponse({ status: 200, description: 'A dry run: what would be written', type }));
    }
  }
  return applyDecorators(...decorators);
}

/** A create answers 201 Created, or 200 when it was only a dry run (nothing was created). */
export function createdUnlessDryRun(
  res: { status(code: number): unknown },
  dryRun: boolean | undefined,
): void {
  res.status(dryRun ? 200 : 201);
}
