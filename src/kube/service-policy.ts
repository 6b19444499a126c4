import type { FieldError } from '../common/errors/domain-error';
import type { V1Service } from './kube-types';

/** Service types a platform admin may allow a project beyond ClusterIP (and headless). */
export const EXTRA_SERVICE_TYPES = ['NodePort', 'LoadBalancer', 'ExternalName'] as const;
export type ExtraServiceType = (typeof EXTRA_SERVICE_TYPES)[number];

export const isExtraServiceType = (value: unknown): value is ExtraServiceType =>
  (EXTRA_SERVICE_TYPES as readonly unknown[]).includes(value);

/**
 * A project's Services stay inside the cluster: ClusterIP or headless, unless a platform admin has
 * allowed the project more; `externalIPs` never (whoever sets them captures traffic for those
 * addresses on every node). The cluster enforces the same with a ValidatingAdmissionPolicy.
 */
export function serviceProblems(service: V1Service, allowed: readonly string[], at = 'spec'): FieldError[] {
  const problems: FieldError[] = [];
  const type = service.spec?.type ?? 'ClusterIP';
  if (type !== 'ClusterIP' && !allowed.includes(type))
    problems.push({
      path: `${at}.type`,
      message: `must be ClusterIP (or headless): ${type} is not allowed in this project`,
    });
  if ((service.spec?.externalIPs ?? []).length > 0)
    problems.push({ path: `${at}.externalIPs`, message: 'are not allowed' });
  return problems;
}
