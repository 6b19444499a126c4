import { KubernetesObjectApi } from '@kubernetes/client-node';
import type { Configuration, V1APIResourceList } from '@kubernetes/client-node';

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

  async collectionPath(apiVersion: string, kind: string, namespace?: string): Promise<string> {
    const resource = await this.resource(apiVersion, kind);
    if (!resource) throw new Error(`Unknown kind ${kind} in ${apiVersion}`);
    const parts = [this.apiVersionPath(apiVersion)];
    if (resource.namespaced && namespace) parts.push('namespaces', encodeURIComponent(namespace));
    parts.push(resource.name);
    return parts.join('/');
  }
}
