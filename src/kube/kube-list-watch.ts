import type { ListWatch } from './informer';
import type { KubeClient } from './kube-client';
import type { KubeObject } from './kube-types';
import type { Resource } from './resource';

const LIST_PAGE = 500;

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
    // In pages, as client-go's pager does: one answer of 30,000 pods is a JSON text of hundreds of
    // megabytes held at once; pages of 500 are parsed and let go one by one. Every page belongs to
    // the first one's snapshot (the continue token carries it), so its resourceVersion is the list's.
    async list() {
      const items: T[] = [];
      let resourceVersion = '';
      let token: string | undefined;
      do {
        const page = await kube.list(resource, { ...options, limit: LIST_PAGE, continue: token });
        if (token === undefined) resourceVersion = page.metadata?.resourceVersion ?? '';
        for (const item of page.items) items.push(item);
        token = page.metadata?._continue || undefined;
      } while (token !== undefined);
      return { items, resourceVersion };
    },
    watch: (resourceVersion, onEvent, onEnd) =>
      kube.watch(resource, { ...options, resourceVersion, bookmarks: true }, onEvent, (error, expired) =>
        onEnd(expired ? 'expired' : error ? 'error' : 'closed'),
      ),
  };
}
