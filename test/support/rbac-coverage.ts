import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeClient, KubeRequestRecord } from '../../src/kube';

/**
 * Every permission Berth needed in this e2e run, one JSON Need a line (written by each test worker,
 * read by test/rbac.run-spec.ts after the run). Emptied by the e2e global setup.
 */
export const NEEDS_FILE = join(tmpdir(), 'berth-e2e-rbac-needs.jsonl');

/** One permission an API request needs, in RBAC's terms. */
export interface Need {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
  /** In Berth's own namespace (where the chart's Role applies). */
  own?: boolean;
}

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch' };

/**
 * What RBAC checks for a call Berth made: impersonation of the user and group for a call on a user's
 * behalf; otherwise the verb on the resource (a server-side apply, `force=true`, may create too).
 * Binding a role and writing a role with rules Berth does not hold are checked on the role itself:
 * `bind` for any role binding written, `escalate` for a ClusterRole written.
 */
export function needsOf(call: KubeRequestRecord): Need[] {
  if (call.user) {
    const needs: Need[] = [{ verb: 'impersonate', group: '', resource: 'users', name: call.user }];
    if (call.group) needs.push({ verb: 'impersonate', group: '', resource: 'groups', name: call.group });
    return needs;
  }
  const url = new URL(call.url);
  const parts = url.pathname.split('/').filter(Boolean);
  const [group, rest] = parts[0] === 'api' ? ['', parts.slice(2)] : [parts[1], parts.slice(3)];
  // The old watch paths, `/api/v1/watch/namespaces`, are watches of what follows.
  const oldWatch = rest[0] === 'watch';
  const path = oldWatch ? rest.slice(1) : rest;
  let namespace: string | undefined;
  if (path[0] === 'namespaces' && path.length > 2) namespace = path[1];
  const [resource, encodedName, subresource] = namespace ? path.slice(2) : path;
  // Discovery (`/apis/<group>/<version>`) is a non-resource URL every authenticated identity may read.
  if (!resource) return [];
  // Asking about oneself is open to every authenticated identity (system:basic-user).
  if (group === 'authentication.k8s.io' || resource.startsWith('selfsubject')) return [];
  const name = encodedName === undefined ? undefined : decodeURIComponent(encodedName);
  const watch = oldWatch || ['true', '1'].includes(url.searchParams.get('watch') ?? '');
  const verb =
    call.method === 'GET'
      ? name
        ? 'get'
        : watch
          ? 'watch'
          : 'list'
      : call.method === 'DELETE'
        ? name
          ? 'delete'
          : 'deletecollection'
        : VERBS[call.method];
  const base = { group, resource: subresource ? `${resource}/${subresource}` : resource, namespace, name };
  const needs: Need[] = [{ ...base, verb }];
  if (verb === 'patch' && url.searchParams.get('force') === 'true')
    needs.push({ ...base, verb: 'create', name: undefined });
  if (group === 'rbac.authorization.k8s.io' && ['create', 'update', 'patch'].includes(verb)) {
    if (resource === 'clusterroles') needs.push({ ...base, verb: 'escalate' });
    if (resource.endsWith('rolebindings')) needs.push({ verb: 'bind', group, resource: 'clusterroles' });
  }
  return needs;
}

/** Whether a rule allows a need (a rule with resourceNames allows only requests naming one of them). */
export function allows(rule: PolicyRule, need: Need): boolean {
  if (!rule.apiGroups.includes(need.group) || !rule.resources.includes(need.resource)) return false;
  if (!rule.verbs.includes(need.verb)) return false;
  if (!rule.resourceNames?.length) return true;
  // `bind` of "some project ClusterRole": any of its names will do.
  return need.name === undefined ? need.verb === 'bind' : rule.resourceNames.includes(need.name);
}

export function key(need: Need): string {
  return `${need.verb} ${need.group || 'core'}/${need.resource}${need.name ? ` ${need.name}` : ''}${need.namespace ? ` in ${need.namespace}` : ''}`;
}

/**
 * Records what `kube` asks of RBAC: with `all`, every call (a Berth run as the chart's ServiceAccount:
 * start-up and the cache included); otherwise the calls made for a Berth request or on a user's
 * behalf, not a test's own calls through the same client (those have neither).
 */
export function recordNeeds(
  kube: KubeClient,
  options: { all?: boolean; systemNamespace?: string } = {},
): () => void {
  const seen = new Set<string>();
  return kube.observe((call) => {
    if (!options.all && !call.requestId && !call.user) return;
    for (const need of needsOf(call)) {
      if (need.namespace !== undefined && need.namespace === options.systemNamespace) need.own = true;
      const id = key(need);
      if (seen.has(id)) continue;
      seen.add(id);
      appendFileSync(NEEDS_FILE, `${JSON.stringify(need)}\n`);
    }
  });
}
