import type { ListWatch } from './informer';
import type { KubeClient } from './kube-client';
import type { KubeObject } from './kube-types';
import type { Resource } from './resource';

/**
 * The informer's view of the API server for one kind, through the adapter (as whichever identity
 * `kube` carries: Berth's own for the shared cache). Watches ask for bookmarks, so a quiet kind's
 * version still moves on and a restarted watch does not start from a compacted one.
 */
export function listWatch<T extends KubeObject>(
  kube: KubeClient,
  resource: Resource<T>,
  options: { namespace?: string; labelSelector?: string } = {},
): ListWatch<T> {
  return {
    async list() {
      const page = await kube.list(resource, options);
      return { items: page.items, resourceVersion: page.metadata?.resourceVersion ?? '' };
    },
    watch: (resourceVersion, onEvent, onEnd) =>
      kube.watch(resource, { ...options, resourceVersion, bookmarks: true }, onEvent, (error, expired) =>
        onEnd(expired ? 'expired' : error ? 'error' : 'closed'),
      ),
  };
}
