import type { KubeObject, KubeRef } from './kube-types';

/**
 * A reference to one object of a known kind, made only by its descriptor's `ref()`: what it reads as
 * is part of its type, so `kube.get(STATEFUL_SETS.ref(ns, name))` is a V1StatefulSet.
 */
export interface ResourceRef<T extends KubeObject> extends KubeRef {
  readonly resource: Resource<T>;
}

interface Kind<T extends KubeObject> {
  readonly apiVersion: string;
  readonly kind: string;
  /** Only to carry T. */
  readonly __object?: T;
}

/** A kind whose objects live in a namespace. */
export interface NamespacedResource<T extends KubeObject> extends Kind<T> {
  readonly namespaced: true;
  ref(namespace: string, name: string): ResourceRef<T>;
}

/** A kind whose objects belong to the cluster. */
export interface ClusterResource<T extends KubeObject> extends Kind<T> {
  readonly namespaced: false;
  ref(name: string): ResourceRef<T>;
}

export type Resource<T extends KubeObject> = NamespacedResource<T> | ClusterResource<T>;

/**
 * Describes a kind once, with the object type it reads as: `resource<V1StatefulSet>('apps/v1',
 * 'StatefulSet', { namespaced: true })`. Every call of the adapter names a descriptor, so its
 * apiVersion, kind and type cannot disagree; it is also the seam a watch-fed cache keys on.
 */
export function resource<T extends KubeObject>(
  apiVersion: string,
  kind: string,
  scope: { namespaced: true },
): NamespacedResource<T>;
export function resource<T extends KubeObject>(
  apiVersion: string,
  kind: string,
  scope: { namespaced: false },
): ClusterResource<T>;
export function resource<T extends KubeObject>(
  apiVersion: string,
  kind: string,
  scope: { namespaced: boolean },
): Resource<T> {
  if (scope.namespaced) {
    const namespaced: NamespacedResource<T> = {
      apiVersion,
      kind,
      namespaced: true,
      ref: (namespace: string, name: string) => ({ apiVersion, kind, namespace, name, resource: namespaced }),
    };
    return namespaced;
  }
  const cluster: ClusterResource<T> = {
    apiVersion,
    kind,
    namespaced: false,
    ref: (name: string) => ({ apiVersion, kind, name, resource: cluster }),
  };
  return cluster;
}
