import type { V1StorageClass } from './kube-types';

const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

export function isDefaultClass(sc: V1StorageClass): boolean {
  const annotations = sc.metadata?.annotations ?? {};
  return DEFAULT_CLASS_ANNOTATIONS.some((a) => annotations[a] === 'true');
}

/**
 * The class a claim without one gets. Like the DefaultStorageClass admission plugin: with several
 * defaults, the newest one (then the first by name).
 */
export function defaultClass(classes: readonly V1StorageClass[]): V1StorageClass | null {
  const time = (sc: V1StorageClass) => new Date(sc.metadata?.creationTimestamp ?? 0).getTime();
  const defaults = classes
    .filter(isDefaultClass)
    .sort((a, b) => time(b) - time(a) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  return defaults[0] ?? null;
}
