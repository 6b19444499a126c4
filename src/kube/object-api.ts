import { KubernetesObjectApi } from '@kubernetes/client-node';
import type { Configuration, KubernetesObject, V1APIResourceList } from '@kubernetes/client-node';
// The library's own (de)serializer and type lookup, which its list and read answers go through; the
// package exports them from these files only.
import { ObjectSerializer } from '@kubernetes/client-node/dist/serializer.js';
import { getSerializationType } from '@kubernetes/client-node/dist/util.js';

/**
 * The library's generic object API, bound to one configuration (identity). Its per-call `options`
 * argument is not applied to authentication by the library, so each identity gets its own instance;
 * they share one API discovery cache.
 */
export class ObjectApi extends KubernetesObjectApi {
  constructor(configuration: Configuration, discoveryCache: Record<string, V1APIResourceList>) {
    super(configuration);
    this.apiVersionResourceCache = discoveryCache;
  }

  /** An object from its JSON as a list or read answers it (dates as Dates): for watch events. */
  deserialize<T extends KubernetesObject>(raw: T): T {
    return ObjectSerializer.deserialize(raw, getSerializationType(raw.apiVersion, raw.kind)) as T;
  }

  async collectionPath(apiVersion: string, kind: string, namespace?: string): Promise<string> {
    const resource = await this.resource(apiVersion, kind);
    if (!resource) throw new Error(`Unknown kind ${kind} in ${apiVersion}`);
    const parts = [this.apiVersionPath(apiVersion)];
    if (resource.namespaced && namespace) parts.push('namespaces', encodeURIComponent(namespace));
    parts.push(resource.name);
    return parts.join('/');
  }
}
