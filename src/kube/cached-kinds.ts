import type { KubeCache } from './kube-cache';
import type { KubeObject } from './kube-types';
import type { Resource } from './resource';
import {
  CLUSTER_ROLE_BINDINGS,
  CLUSTER_ROLES,
  CONFIG_MAPS,
  CONTROLLER_REVISIONS,
  EVENTS,
  NAMESPACES,
  NODES,
  PERSISTENT_VOLUME_CLAIMS,
  PERSISTENT_VOLUMES,
  POD_METRICS,
  PODS,
  ROLE_BINDINGS,
  ROLES,
  SERVICES,
  STATEFUL_SETS,
  STORAGE_CLASSES,
} from './resources';

/**
 * The Kubernetes kinds the features read, cached (Berth's own kinds are added by iam). Secrets are
 * not: their values are never kept in memory (ADR 6), and the few reads of them go to the API server.
 */
export function cacheKubernetesKinds(cache: KubeCache): void {
  for (const kind of [
    NAMESPACES,
    NODES,
    PERSISTENT_VOLUMES,
    STORAGE_CLASSES,
    PODS,
    SERVICES,
    CONFIG_MAPS,
    PERSISTENT_VOLUME_CLAIMS,
    STATEFUL_SETS,
    CONTROLLER_REVISIONS,
  ] as Resource<KubeObject>[])
    cache.cache(kind);
  // A workload's events are looked up by the object they are about.
  cache.cache(EVENTS, { fieldIndexes: ['involvedObject.name'] });
  // Their changes change what Kubernetes allows: cached access reviews are forgotten.
  for (const kind of [ROLE_BINDINGS, ROLES, CLUSTER_ROLES, CLUSTER_ROLE_BINDINGS] as Resource<KubeObject>[])
    cache.cache(kind, { invalidatesAccess: true });
  // metrics.k8s.io cannot be watched; metrics-server refreshes every 15 s anyway.
  cache.poll(POD_METRICS);
}
