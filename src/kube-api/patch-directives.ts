import type { KubeApiRequest } from './kube-api-path';

const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
/** The groups of Kubernetes' built-in kinds, the only ones a strategic merge patch applies to. */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'policy', 'autoscaling', 'networking.k8s.io']);

/**
 * KubeSphere's console rolls a StatefulSet back with a JSON merge patch whose template carries the
 * strategic-merge directive `$patch: replace`. A merge patch cannot remove what the old template
 * lacks (a redeploy's `restartedAt` annotation stays, and the API server drops `$patch` as an
 * unknown field), so the rollback would silently do nothing. No Kubernetes field is named `$patch`:
 * a merge patch that carries one means a strategic merge, and is sent as one.
 */
export function patchContentType(
  request: KubeApiRequest,
  contentType: string | undefined,
  body: Uint8Array | undefined,
): string | undefined {
  if (request.kind !== 'resource' || request.verb !== 'patch' || !body?.length) return contentType;
  if (!contentType?.toLowerCase().startsWith(MERGE_PATCH) || !BUILT_IN_GROUPS.has(request.group))
    return contentType;
  const text = Buffer.from(body).toString('utf8');
  if (!text.includes('"$patch"')) return contentType;
  try {
    return hasDirective(JSON.parse(text), 0) ? STRATEGIC_MERGE_PATCH : contentType;
  } catch {
    return contentType;
  }
}

function hasDirective(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  if (Array.isArray(value)) return value.some((item) => hasDirective(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key === '$patch' || hasDirective(item, depth + 1));
}
