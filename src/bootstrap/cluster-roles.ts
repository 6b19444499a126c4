import type { KubeObject } from '../kube';
import { ProjectRole } from '../iam/roles';
import { CLUSTER_READABLE, kubeRulesFor, READ_VERBS } from '../iam/kube-permissions';
import { MANAGED_BY, projectClusterRole } from '../iam/labels';

export function projectClusterRoles(): KubeObject[] {
  return Object.values(ProjectRole).map(
    (role) =>
      ({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: projectClusterRole(role), labels: { 'app.kubernetes.io/managed-by': MANAGED_BY } },
        // Derived from the one table of what each Kubernetes resource needs (iam/kube-permissions).
        rules: kubeRulesFor(role),
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

/** Cluster-scoped reads every signed-in user may make (the Kubernetes API path impersonates `group`). */
export function signedInReaders(group: string): KubeObject[] {
  const name = 'berth:signed-in-reader';
  const labels = { 'app.kubernetes.io/managed-by': MANAGED_BY };
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name, labels },
      rules: CLUSTER_READABLE.map((r) => ({
        apiGroups: [r.group],
        resources: [r.resource],
        verbs: READ_VERBS,
      })),
    } as KubeObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
    } as KubeObject,
  ];
}
