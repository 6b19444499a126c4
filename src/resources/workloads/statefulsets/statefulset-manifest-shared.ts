import { ANNOTATIONS } from '../../../iam/labels';
import type { SecurityContextForm } from './statefulset-form-containers.model';

/**
 * What the three translations between the StatefulSet form and the Kubernetes objects it stands for
 * (the StatefulSet and its headless Service) share. They are pure and tied by one property (see
 * statefulset-round-trip.spec.ts): `toForm(toManifests(f))` equals `normalizeForm(f)`, also after the
 * API server has applied its defaults, because normalizeForm fills in exactly those defaults.
 *
 *   statefulset-to-manifests.ts    form -> StatefulSet and Service
 *   statefulset-from-manifests.ts  StatefulSet and Service -> form
 *   statefulset-normalize.ts       form -> canonical form
 */

export const APP_LABEL = 'app';
export const ALIAS_ANNOTATION = 'berth.io/alias';
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
/** "Sync host timezone" is this hostPath volume, mounted read-only in every container. */
export const TIMEZONE_VOLUME = 'host-time';
export const LOCALTIME = '/etc/localtime';
/** Annotations Berth owns; everything else on the StatefulSet is the user's. */
export const OWN_ANNOTATIONS: ReadonlySet<string> = new Set<string>([
  ALIAS_ANNOTATION,
  ANNOTATIONS.description,
  ANNOTATIONS.creator,
]);

export type Dict = Record<string, string>;

export function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

export function nonEmptyObject<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

/** Drops undefined properties, so that equal forms are deeply equal. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The securityContext fields the form and Kubernetes carry alike (capabilities: nested there, flat here). */
const SECURITY_SCALARS = [
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'privileged',
  'allowPrivilegeEscalation',
  'readOnlyRootFilesystem',
] as const;

export type SecurityScalars = Pick<SecurityContextForm, (typeof SECURITY_SCALARS)[number]>;

/** Those fields of a securityContext (the form's or Kubernetes'), in one order. */
export function securityScalars(context: SecurityScalars): SecurityScalars {
  return Object.fromEntries(SECURITY_SCALARS.map((key) => [key, context[key]]));
}
