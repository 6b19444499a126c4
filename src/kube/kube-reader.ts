import type { Identity } from './identity';
import type { KubeList, KubeObject, KubeRef, ListOptions } from './kube-types';

/** What a write answers: the object, or a Status (a delete's, naming the deleted object's uid). */
export interface WriteAnswer {
  kind?: string;
  metadata?: { resourceVersion?: string };
  details?: { uid?: string };
}
import type { Resource, ResourceRef } from './resource';

/**
 * Every read of the cluster goes through this interface, so that a watch-fed cache can serve reads
 * without changing any caller.
 */
export interface KubeReader {
  /** The object, or NOT_FOUND. */
  get<T extends KubeObject>(ref: ResourceRef<T>): Promise<T>;
  /** The object, or null when it does not exist. */
  find<T extends KubeObject>(ref: ResourceRef<T>): Promise<T | null>;
  list<T extends KubeObject>(resource: Resource<T>, options?: ListOptions): Promise<KubeList<T>>;
}

/** A cache's answer; `null` when it cannot answer (not cached, not synced, stale): ask the API server. */
export type Served<T> = { value: T } | null;

/**
 * What the adapter asks a read cache before it asks the API server (see KubeCache). `identity` is
 * the impersonated user (none for Berth itself): the cache authorizes the read as the API server would.
 */
export interface ReadCache {
  get<T extends KubeObject>(ref: ResourceRef<T>, identity?: Identity): Promise<Served<T | null>>;
  list<T extends KubeObject>(
    resource: Resource<T>,
    options: ListOptions,
    identity?: Identity,
  ): Promise<Served<KubeList<T>>>;
  /**
   * A write returned: `answer` is the written object (its resourceVersion is what a read must wait
   * for) or, for a delete, the API server's Status (the object must be gone).
   */
  wrote(target: KubeRef, answer: WriteAnswer): void;
}
