import type { V1Namespace } from '../kube';
import { isExtraServiceType } from '../kube/service-policy';
import { isPodSecurityLevel, PodSecurityLevel } from '../kube/pod-security';
import type { ExtraServiceType } from '../kube/service-policy';

/** What a project's pods and Services may do: its namespace's pod security level, its Service types. */
export interface ProjectSecurity {
  podSecurity: PodSecurityLevel;
  allowedServiceTypes: ExtraServiceType[];
}

/** Pod Security Admission's namespace labels (https://kubernetes.io/docs/concepts/security/pod-security-admission/). */
const PSA = 'pod-security.kubernetes.io';
export const POD_SECURITY_LABELS = {
  enforce: `${PSA}/enforce`,
  enforceVersion: `${PSA}/enforce-version`,
  warn: `${PSA}/warn`,
  warnVersion: `${PSA}/warn-version`,
  audit: `${PSA}/audit`,
  auditVersion: `${PSA}/audit-version`,
} as const;

/** The Service types beyond ClusterIP a platform admin allowed the project, comma-separated. */
export const ALLOWED_SERVICE_TYPES_ANNOTATION = 'berth.io/allowed-service-types';

/** The labels that make Kubernetes enforce `level` on the namespace's pods, and warn and audit at restricted. */
export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
  return {
    [POD_SECURITY_LABELS.enforce]: level,
    [POD_SECURITY_LABELS.enforceVersion]: 'latest',
    [POD_SECURITY_LABELS.warn]: 'restricted',
    [POD_SECURITY_LABELS.warnVersion]: 'latest',
    [POD_SECURITY_LABELS.audit]: 'restricted',
    [POD_SECURITY_LABELS.auditVersion]: 'latest',
  };
}

/** A project's security as its namespace carries it; a namespace without the label gets `fallback`. */
export function securityOf(namespace: V1Namespace, fallback: PodSecurityLevel): ProjectSecurity {
  const level = namespace.metadata?.labels?.[POD_SECURITY_LABELS.enforce];
  const types = (namespace.metadata?.annotations?.[ALLOWED_SERVICE_TYPES_ANNOTATION] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(isExtraServiceType);
  return { podSecurity: isPodSecurityLevel(level) ? level : fallback, allowedServiceTypes: types };
}
