import { ROLE_BINDINGS } from '../kube';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { ProjectRole, WorkspaceRole } from './roles';
import { KubeClient, V1RoleBinding } from '../kube';
import { LABELS } from './labels';
import { TenancyStore } from './tenancy.store';
import { workspaceMemberRef } from './resources';

/**
 * Ends memberships when a user leaves a workspace or is deleted. Refuses (CONFLICT, naming them) when
 * it would leave a project without a project-admin or a workspace without a workspace-admin.
 */
@Injectable()
export class MembershipCleanup {
  constructor(
    private readonly kube: KubeClient,
    private readonly store: TenancyStore,
  ) {}

  async removeWorkspaceMembers(workspace: string): Promise<void> {
    await Promise.all(
      (await this.store.workspaceMembers(workspace)).map((m) =>
        this.deleteIfPresent(workspaceMemberRef(workspace, m.spec.user)),
      ),
    );
  }

  async removeFromWorkspace(workspace: string, user: string): Promise<void> {
    const projects = new Set((await this.store.listProjects(workspace)).map((p) => p.metadata?.name ?? ''));
    const bindings = (await this.userBindings(user)).filter((b) => projects.has(b.metadata?.namespace ?? ''));
    await this.requireOtherProjectAdmins(user, bindings);
    await this.deleteBindings(bindings);
    await this.deleteIfPresent(workspaceMemberRef(workspace, user));
  }

  async removeUser(user: string): Promise<void> {
    const [memberships, bindings] = await Promise.all([
      this.store.membershipsOf(user),
      this.userBindings(user),
    ]);
    const soleAdminOf: string[] = [];
    for (const m of memberships.filter((m) => m.spec.role === WorkspaceRole.ADMIN)) {
      const admins = (await this.store.workspaceMembers(m.spec.workspace)).filter(
        (x) => x.spec.role === WorkspaceRole.ADMIN,
      );
      if (admins.every((x) => x.spec.user === user)) soleAdminOf.push(`workspace "${m.spec.workspace}"`);
    }
    if (soleAdminOf.length > 0)
      throw new DomainError(
        ErrorCode.CONFLICT,
        `"${user}" is the last workspace-admin of ${soleAdminOf.join(', ')}`,
      );
    await this.requireOtherProjectAdmins(user, bindings);
    await this.deleteBindings(bindings);
    await Promise.all(
      memberships.map((m) => this.deleteIfPresent(workspaceMemberRef(m.spec.workspace, user))),
    );
  }

  /** The user's member bindings in live projects (a project being deleted no longer counts). */
  private async userBindings(user: string): Promise<V1RoleBinding[]> {
    const selector = `${LABELS.binding}=member,${LABELS.user}=${user}`;
    const [bindings, projects] = await Promise.all([
      this.kube.list(ROLE_BINDINGS, {
        labelSelector: selector,
      }),
      this.store.listProjects(),
    ]);
    const live = new Set(projects.map((p) => p.metadata?.name));
    return bindings.items.filter((b) => live.has(b.metadata?.namespace));
  }

  private async requireOtherProjectAdmins(user: string, bindings: V1RoleBinding[]): Promise<void> {
    const adminIn = bindings
      .filter((b) => b.metadata?.labels?.[LABELS.role] === ProjectRole.ADMIN)
      .map((b) => b.metadata?.namespace ?? '');
    const sole: string[] = [];
    for (const project of adminIn) {
      const members = await this.store.projectMembers(project);
      if (![...members].some(([name, role]) => name !== user && role === ProjectRole.ADMIN))
        sole.push(`project "${project}"`);
    }
    if (sole.length > 0)
      throw new DomainError(ErrorCode.CONFLICT, `"${user}" is the last project-admin of ${sole.join(', ')}`);
  }

  private async deleteBindings(bindings: V1RoleBinding[]): Promise<void> {
    await Promise.all(
      bindings.map((b) =>
        this.deleteIfPresent(ROLE_BINDINGS.ref(b.metadata?.namespace ?? '', b.metadata?.name ?? '')),
      ),
    );
  }

  private async deleteIfPresent(ref: Parameters<KubeClient['delete']>[0]): Promise<void> {
    try {
      await this.kube.delete(ref);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.NOT_FOUND)) throw error;
    }
  }
}
