import type { KubeObject } from '../kube';
import { ProjectRole } from '../iam/roles';
import { MANAGED_BY, projectClusterRole } from '../iam/labels';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];

/** Everything a project member may read (Secrets excepted: their values are not for viewers). */
const VIEW: Rule[] = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'pods/log',
      'services',
      'endpoints',
      'persistentvolumeclaims',
      'configmaps',
      'events',
      'resourcequotas',
      'limitranges',
    ],
    verbs: READ,
  },
  {
    apiGroups: ['apps'],
    resources: ['statefulsets', 'statefulsets/scale', 'controllerrevisions'],
    verbs: READ,
  },
  { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  { apiGroups: ['metrics.k8s.io'], resources: ['pods'], verbs: ['get', 'list'] },
];

/** Workloads, volumes, ConfigMaps and Secrets. Never RBAC objects: members are managed by Berth. */
const OPERATE: Rule[] = [
  { apiGroups: [''], resources: ['pods', 'services', 'persistentvolumeclaims', 'configmaps'], verbs: WRITE },
  { apiGroups: [''], resources: ['secrets'], verbs: [...READ, ...WRITE] },
  { apiGroups: ['apps'], resources: ['statefulsets', 'statefulsets/scale'], verbs: WRITE },
];

/** Project settings. */
const ADMINISTER: Rule[] = [{ apiGroups: [''], resources: ['resourcequotas', 'limitranges'], verbs: WRITE }];

const RULES: Record<ProjectRole, Rule[]> = {
  [ProjectRole.VIEWER]: VIEW,
  [ProjectRole.REGULAR]: [...VIEW, ...OPERATE],
  [ProjectRole.ADMIN]: [...VIEW, ...OPERATE, ...ADMINISTER],
};

export function projectClusterRoles(): KubeObject[] {
  return Object.values(ProjectRole).map(
    (role) =>
      ({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: projectClusterRole(role), labels: { 'app.kubernetes.io/managed-by': MANAGED_BY } },
        rules: RULES[role],
      }) as KubeObject,
  );
}

/** Platform admins act as project-admin in every namespace Berth manages. */
export function platformAdminBinding(group: string): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'berth:platform-admin', labels: { 'app.kubernetes.io/managed-by': MANAGED_BY } },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: projectClusterRole(ProjectRole.ADMIN),
    },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
  } as KubeObject;
}
