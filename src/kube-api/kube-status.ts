import { HttpException } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { presentError } from '../common/errors/error-presentation';
import { KubeApiPathError } from './kube-api-path';

/** A Kubernetes Status body (metav1.Status), what every client of the Kubernetes API reads errors as. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; kind?: string; retryAfterSeconds?: number };
  code: number;
}

// The reasons the API server gives for each code (k8s.io/apimachinery/pkg/apis/meta/v1 StatusReason).
const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  422: 'Invalid',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function kubeStatus(code: number, message: string, details?: KubeStatus['details']): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: REASONS[code] ?? 'InternalError',
    ...(details ? { details } : {}),
    code,
  };
}

/** A refusal that is already the Status the caller gets (a hidden project: exactly a missing one). */
export class KubeStatusError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
  }
}

/** Any error of the Kubernetes API path as the Status the API server would answer; internals never shown. */
export function statusOfError(error: unknown): KubeStatus {
  if (error instanceof KubeStatusError) return error.status;
  if (error instanceof KubeApiPathError) return kubeStatus(error.code, error.message);
  if (error instanceof DomainError) {
    if (error.code === ErrorCode.INTERNAL) return kubeStatus(500, 'Internal error');
    const presented = presentError(error.code);
    const retry = error.retryAfterSeconds;
    return kubeStatus(
      presented.httpStatus,
      error.message,
      retry !== undefined ? { retryAfterSeconds: retry } : undefined,
    );
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    return kubeStatus(error.getStatus(), error.message);
  }
  return kubeStatus(500, 'Internal error');
}
