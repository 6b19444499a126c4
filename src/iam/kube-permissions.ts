import { Permission, PROJECT_ROLE_PERMISSIONS, ProjectRole } from './roles';

export type KubeVerb =
  'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export const READ_VERBS: readonly KubeVerb[] = ['get', 'list', 'watch'];
export const WRITE_VERBS: readonly KubeVerb[] = ['create', 'update', 'patch', 'delete', 'deletecollection'];

/** What a project member needs for one Kubernetes resource in the project's namespace. */
export interface KubeResourcePermission {
  /** The API group ('' for the core group). */
  group: string;
  /** The plural, with its subresource if any (`pods/log`), as RBAC rules name it. */
  resource: string;
  /** For get, list and watch. */
  view: Permission;
  /** For every write; none: read-only for everyone. */
  manage?: Permission;
  /** The read verbs there are (metrics cannot be watched). */
  readVerbs?: readonly KubeVerb[];
  /** The kind a write changes (a subresource's parent), so the read cache can wait for the write. */
  kind?: string;
}

const workloads = { view: Permission.WORKLOADS_VIEW, manage: Permission.WORKLOADS_MANAGE };
const readWorkloads = { view: Permission.WORKLOADS_VIEW };

/**
 * The Kubernetes resources of a project, and the Berth permission each verb needs: the one table from
 * which both the project ClusterRoles (what Kubernetes allows the impersonated user) and the
 * Kubernetes API path (what Berth allows before forwarding) are derived. Anything not here is
 * refused: RBAC objects (members are Berth's), exec, attach, port-forward and proxies (no tenant
 * reaches a network service through Berth). Secrets are read only with `secret-values:view`: a
 * Secret read through Kubernetes carries its values.
 */
export const KUBE_RESOURCE_PERMISSIONS: readonly KubeResourcePermission[] = [
  { group: '', resource: 'namespaces', view: Permission.PROJECT_VIEW, readVerbs: ['get', 'watch'] },
  { group: '', resource: 'pods', ...workloads, kind: 'Pod' },
  { group: '', resource: 'pods/log', view: Permission.LOGS_VIEW, readVerbs: ['get'] },
  { group: '', resource: 'services', ...workloads, kind: 'Service' },
  { group: '', resource: 'endpoints', ...readWorkloads },
  {
    group: '',
    resource: 'persistentvolumeclaims',
    view: Permission.VOLUMES_VIEW,
    manage: Permission.VOLUMES_MANAGE,
    kind: 'PersistentVolumeClaim',
  },
  {
    group: '',
    resource: 'configmaps',
    view: Permission.CONFIG_VIEW,
    manage: Permission.CONFIG_MANAGE,
    kind: 'ConfigMap',
  },
  {
    group: '',
    resource: 'secrets',
    view: Permission.SECRET_VALUES_VIEW,
    manage: Permission.CONFIG_MANAGE,
    kind: 'Secret',
  },
  { group: '', resource: 'events', ...readWorkloads },
  // Read-only: quotas and limits are the platform's, a project-admin cannot lift them.
  { group: '', resource: 'resourcequotas', view: Permission.PROJECT_VIEW },
  // Read-only: quotas and limits are the platform's, a project-admin cannot lift them.
  { group: '', resource: 'limitranges', view: Permission.PROJECT_VIEW },
  { group: 'apps', resource: 'statefulsets', ...workloads, kind: 'StatefulSet' },
  { group: 'apps', resource: 'statefulsets/scale', ...workloads, kind: 'StatefulSet' },
  { group: 'apps', resource: 'controllerrevisions', ...readWorkloads },
  { group: 'events.k8s.io', resource: 'events', ...readWorkloads },
  { group: 'discovery.k8s.io', resource: 'endpointslices', ...readWorkloads },
  { group: 'metrics.k8s.io', resource: 'pods', ...readWorkloads, readVerbs: ['get', 'list'] },
];

const BY_RESOURCE = new Map(KUBE_RESOURCE_PERMISSIONS.map((p) => [`${p.group}/${p.resource}`, p]));

/** What the table says of `group`/`resource`, if anything. */
export function kubeResource(group: string, resource: string): KubeResourcePermission | undefined {
  return BY_RESOURCE.get(`${group}/${resource}`);
}

/** The permission `verb` on `group`/`resource` needs in a project; null when no role may. */
export function kubePermissionFor(group: string, resource: string, verb: KubeVerb): Permission | null {
  const entry = kubeResource(group, resource);
  if (!entry) return null;
  if (WRITE_VERBS.includes(verb)) return entry.manage ?? null;
  return (entry.readVerbs ?? READ_VERBS).includes(verb) ? entry.view : null;
}

/** One RBAC rule of a ClusterRole. */
export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** What Kubernetes should allow `role` in a project: the table above, filtered by the role's permissions. */
export function kubeRulesFor(role: ProjectRole): RbacRule[] {
  const granted = new Set(PROJECT_ROLE_PERMISSIONS[role]);
  const rules: RbacRule[] = [];
  for (const entry of KUBE_RESOURCE_PERMISSIONS) {
    const verbs = [
      ...(granted.has(entry.view) ? (entry.readVerbs ?? READ_VERBS) : []),
      ...(entry.manage && granted.has(entry.manage) ? WRITE_VERBS : []),
    ];
    if (verbs.length) rules.push({ apiGroups: [entry.group], resources: [entry.resource], verbs });
  }
  return rules;
}

/**
 * Cluster-scoped resources every signed-in user may read. Not Nodes: a Node's status lists the images
 * every tenant's pods pulled and the nodes' addresses (Berth's own API shows a summary of each node).
 */
export const CLUSTER_READABLE: readonly { group: string; resource: string }[] = [
  { group: 'storage.k8s.io', resource: 'storageclasses' },
];
