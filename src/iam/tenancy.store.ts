import { workspaceMemberRef } from './resources';
import { NAMESPACES, ROLE_BINDINGS } from '../kube';
import { WORKSPACES, WORKSPACE_MEMBERS } from './resources';
import { Injectable } from '@nestjs/common';
import { KubeClient, V1Namespace, V1RoleBinding } from '../kube';
import { isProjectRole, ProjectRole, WorkspaceRole } from './roles';
import { LABELS } from './labels';
import { WorkspaceMemberResource, WorkspaceResource } from './workspace.resource';
const PROJECT_ROLE_RANK: Record<ProjectRole, number> = {
  [ProjectRole.ADMIN]: 3,
  [ProjectRole.REGULAR]: 2,
  [ProjectRole.VIEWER]: 1,
};

/**
 * Reads of the tenancy model as it is stored in the cluster: Workspace and WorkspaceMember custom
 * resources, project Namespaces labelled with their workspace, and member RoleBindings.
 */
@Injectable()
export class TenancyStore {
  constructor(private readonly kube: KubeClient) {}

  findWorkspace(name: string): Promise<WorkspaceResource | null> {
    return this.kube.find(WORKSPACES.ref(name));
  }

  async listWorkspaces(): Promise<WorkspaceResource[]> {
    return (await this.kube.list(WORKSPACES)).items;
  }

  async workspaceRole(workspace: string, user: string): Promise<WorkspaceRole | null> {
    const member = await this.kube.find<WorkspaceMemberResource>(workspaceMemberRef(workspace, user));
    return member?.spec.role ?? null;
  }

  workspaceMembers(workspace: string): Promise<WorkspaceMemberResource[]> {
    return this.workspaceMembersLabelled(`${LABELS.workspace}=${workspace}`);
  }

  /** Every workspace membership of one user. */
  membershipsOf(user: string): Promise<WorkspaceMemberResource[]> {
    return this.workspaceMembersLabelled(`${LABELS.user}=${user}`);
  }

  private async workspaceMembersLabelled(labelSelector: string): Promise<WorkspaceMemberResource[]> {
    return (await this.kube.list(WORKSPACE_MEMBERS, { labelSelector })).items;
  }

  /** The Namespace of a project, or null if there is none (a namespace Berth does not manage is none). */
  async findProject(name: string): Promise<V1Namespace | null> {
    const namespace = await this.kube.find(NAMESPACES.ref(name));
    return namespace && isLiveProject(namespace) ? namespace : null;
  }

  async listProjects(workspace?: string): Promise<V1Namespace[]> {
    const selector = workspace ? `${LABELS.workspace}=${workspace}` : LABELS.workspace;
    return (await this.kube.list(NAMESPACES, { labelSelector: selector })).items.filter(isLiveProject);
  }

  /** The member RoleBindings of a project (optionally of one user). */
  async projectBindings(project: string, user?: string): Promise<V1RoleBinding[]> {
    const selector = [`${LABELS.binding}=member`, ...(user ? [`${LABELS.user}=${user}`] : [])].join(',');
    return (
      await this.kube.list(ROLE_BINDINGS, {
        namespace: project,
        labelSelector: selector,
      })
    ).items;
  }

  /** Every project a user is a member of, with the role (one list call across namespaces). */
  async projectRolesOf(user: string): Promise<Map<string, ProjectRole>> {
    const selector = `${LABELS.binding}=member,${LABELS.user}=${user}`;
    const bindings = (
      await this.kube.list(ROLE_BINDINGS, {
        labelSelector: selector,
      })
    ).items;
    return highestRoles(
      bindings.map((b) => [b.metadata?.namespace ?? '', b.metadata?.labels?.[LABELS.role] ?? '']),
    );
  }

  /** A user's role in a project; while a role change is in flight (two bindings) the higher one. */
  async projectRole(project: string, user: string): Promise<ProjectRole | null> {
    const bindings = await this.projectBindings(project, user);
    return (
      highestRoles(bindings.map((b) => [project, b.metadata?.labels?.[LABELS.role] ?? ''])).get(project) ??
      null
    );
  }

  /** Members of a project by username (one role each; the higher while a change is in flight). */
  async projectMembers(project: string): Promise<Map<string, ProjectRole>> {
    const bindings = await this.projectBindings(project);
    return highestRoles(
      bindings.map((b) => [b.metadata?.labels?.[LABELS.user] ?? '', b.metadata?.labels?.[LABELS.role] ?? '']),
    );
  }
}

/** A namespace is a project while it carries a workspace label and is not being deleted. */
function isLiveProject(namespace: V1Namespace): boolean {
  return Boolean(namespace.metadata?.labels?.[LABELS.workspace]) && !namespace.metadata?.deletionTimestamp;
}

export function highestRoles(pairs: [string, string][]): Map<string, ProjectRole> {
  const result = new Map<string, ProjectRole>();
  for (const [key, role] of pairs) {
    if (!key || !isProjectRole(role)) continue;
    const current = result.get(key);
    if (!current || PROJECT_ROLE_RANK[role] > PROJECT_ROLE_RANK[current]) result.set(key, role);
  }
  return result;
}
