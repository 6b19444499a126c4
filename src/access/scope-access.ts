import type { Principal } from '../iam/principal';
import type { Identity } from '../kube';
import type { Permission, ProjectRole, WorkspaceRole } from '../iam/roles';

/** What the guard established about the caller in the scope of the request; handed to services. */
export interface WorkspaceAccess {
  principal: Principal;
  workspace: string;
  role: WorkspaceRole | null;
  permissions: ReadonlySet<Permission>;
}

export interface ProjectAccess {
  principal: Principal;
  project: string;
  workspace: string;
  role: ProjectRole | null;
  workspaceRole: WorkspaceRole | null;
  permissions: ReadonlySet<Permission>;
  /** Who namespaced Kubernetes calls for this request impersonate. */
  identity: Identity;
  /** What the project's pods and Services may do (its namespace's pod security level, Service types). */
  security: { podSecurity: 'privileged' | 'baseline' | 'restricted'; allowedServiceTypes: readonly string[] };
}
