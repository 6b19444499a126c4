import type { KubeList, KubeObject, ListOptions } from './kube-types';
import type { Resource, ResourceRef } from './resource';

/**
 * Every read of the cluster goes through this interface, so that a watch-fed cache can later serve
 * reads without changing any caller.
 */
export interface KubeReader {
  /** The object, or NOT_FOUND. */
  get<T extends KubeObject>(ref: ResourceRef<T>): Promise<T>;
  /** The object, or null when it does not exist. */
  find<T extends KubeObject>(ref: ResourceRef<T>): Promise<T | null>;
  list<T extends KubeObject>(resource: Resource<T>, options?: ListOptions): Promise<KubeList<T>>;
}
