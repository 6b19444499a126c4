/** Labels and annotations Berth puts on the Kubernetes objects that carry its tenancy model. */
export const LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  workspace: 'tenancy.berth.io/workspace',
  user: 'tenancy.berth.io/user',
  role: 'tenancy.berth.io/role',
  /** On project RoleBindings: `member` (one user) or `workspace-group` (a workspace role's group). */
  binding: 'tenancy.berth.io/binding',
} as const;

export const ANNOTATIONS = {
  creator: 'berth.io/creator',
  displayName: 'berth.io/display-name',
  description: 'berth.io/description',
} as const;

export const MANAGED_BY = 'berth';

/** The ClusterRoles that carry the project roles into Kubernetes RBAC. */
export const projectClusterRole = (role: string): string => `berth:${role}`;
