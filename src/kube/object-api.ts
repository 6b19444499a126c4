import { KubernetesObjectApi } from '@kubernetes/client-node';

/** The library's generic object API, plus the collection URL of a kind (for watches and streams). */
export class ObjectApi extends KubernetesObjectApi {
  async collectionPath(apiVersion: string, kind: string, namespace?: string): Promise<string> {
    const resource = await this.resource(apiVersion, kind);
    if (!resource) throw new Error(`Unknown kind ${kind} in ${apiVersion}`);
    const parts = [this.apiVersionPath(apiVersion)];
    if (resource.namespaced && namespace) parts.push('namespaces', encodeURIComponent(namespace));
    parts.push(resource.name);
    return parts.join('/');
  }
}
