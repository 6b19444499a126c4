import type { KubeList, KubeObject, KubeRef, ListOptions } from './kube-types';

/**
 * Every read of the cluster goes through this interface, so that a watch-fed cache can later serve
 * reads without changing any caller.
 */
export interface KubeReader {
  /** The object, or NOT_FOUND. */
  get<T extends KubeObject>(ref: KubeRef): Promise<T>;
  /** The object, or null when it does not exist. */
  find<T extends KubeObject>(ref: KubeRef): Promise<T | null>;
  list<T extends KubeObject>(apiVersion: string, kind: string, options?: ListOptions): Promise<KubeList<T>>;
}
