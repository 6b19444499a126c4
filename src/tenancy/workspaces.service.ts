import { workspaceMemberRef } from '../iam/resources';
import { WORKSPACES } from '../iam/resources';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../iam/principal';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { AccessService } from '../access/access.service';
import { AccountStore } from '../iam/account.store';
import { PlatformRole, WorkspaceRole } from '../iam/roles';
import { KubeClient } from '../kube';
import { ANNOTATIONS, LABELS, MANAGED_BY } from '../iam/labels';
import type { CreateWorkspaceInput, UpdateWorkspaceInput, WorkspaceMemberInput } from './tenancy.inputs';
import type { Member, Workspace } from './tenancy.models';
import { TenancyStore } from '../iam/tenancy.store';
import { MembershipCleanup } from '../iam/membership-cleanup.service';
import { WorkspaceMemberResource, WorkspaceResource, workspaceMemberName } from '../iam/workspace.resource';
import { TENANCY_API_VERSION } from '../iam/api-groups';

/** Workspaces and their members. Scope and permission were checked by the AccessGuard. */
@Injectable()
export class WorkspacesService {
  constructor(
    private readonly kube: KubeClient,
    private readonly store: TenancyStore,
    private readonly accounts: AccountStore,
    private readonly cleanup: MembershipCleanup,
  ) {}

  /** The workspaces the caller may see: all for platform admins, otherwise those they belong to. */
  async list(principal: Principal): Promise<Workspace[]> {
    const [all, memberships] = await Promise.all([
      this.store.listWorkspaces(),
      AccessService.isPlatformAdmin(principal)
        ? Promise.resolve(null)
        : this.store.membershipsOf(principal.username),
    ]);
    const mine = memberships && new Set(memberships.map((m) => m.spec.workspace));
    return all
      .filter((w) => !mine || mine.has(w.metadata.name))
      .map(toWorkspace)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<Workspace> {
    const workspace = await this.store.findWorkspace(name);
    if (!workspace) throw DomainError.notFound('workspace', name);
    return toWorkspace(workspace);
  }

  async members(workspace: string): Promise<Member[]> {
    return (await this.store.workspaceMembers(workspace))
      .map(toMember)
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Creates the workspace and appoints its manager; a self-provisioning creator becomes workspace-admin too. */
  async create(principal: Principal, input: CreateWorkspaceInput): Promise<Workspace> {
    const manager = input.manager ?? principal.username;
    await this.requireUser(manager, 'manager');
    const resource: WorkspaceResource = {
      apiVersion: TENANCY_API_VERSION,
      kind: 'Workspace',
      metadata: {
        name: input.name,
        labels: { [LABELS.managedBy]: MANAGED_BY },
        annotations: { [ANNOTATIONS.creator]: principal.username },
      },
      spec: { displayName: input.displayName, description: input.description, manager },
    };
    const created = await this.createOrConflict(resource, 'workspace', input.name);
    const admins = new Set([manager]);
    if (principal.platformRole !== PlatformRole.ADMIN) admins.add(principal.username);
    try {
      for (const user of admins)
        await this.kube.create(memberResource(input.name, user, WorkspaceRole.ADMIN, principal.username));
    } catch (error) {
      // All or nothing: no workspace without its admins.
      await this.cleanup.removeWorkspaceMembers(input.name);
      await this.kube.delete(WORKSPACES.ref(input.name));
      throw error;
    }
    return toWorkspace(created);
  }

  async update(name: string, input: UpdateWorkspaceInput, principal: Principal): Promise<Workspace> {
    if (input.manager !== undefined) await this.requireUser(input.manager, 'manager');
    const updated = await this.kube.modify(WORKSPACES.ref(name), (workspace) => {
      if (input.displayName !== undefined) workspace.spec.displayName = input.displayName;
      if (input.description !== undefined) workspace.spec.description = input.description;
      if (input.manager !== undefined) workspace.spec.manager = input.manager;
      return workspace;
    });
    if (input.manager !== undefined)
      await this.setRole(name, input.manager, WorkspaceRole.ADMIN, principal.username);
    return toWorkspace(updated);
  }

  /** Refused while the workspace still has projects: deleting it never deletes workloads or data. */
  async delete(name: string): Promise<Workspace> {
    const workspace = await this.get(name);
    const projects = await this.store.listProjects(name);
    if (projects.length > 0) {
      const names = projects.map((p) => p.metadata?.name).join(', ');
      throw new DomainError(
        ErrorCode.CONFLICT,
        `workspace "${name}" still has projects (${names}); delete them first`,
      );
    }
    await this.cleanup.removeWorkspaceMembers(name);
    await this.kube.delete(WORKSPACES.ref(name));
    return workspace;
  }

  async addMember(workspace: string, input: WorkspaceMemberInput, principal: Principal): Promise<Member> {
    await this.requireUser(input.username, 'username');
    const created = await this.createOrConflict(
      memberResource(workspace, input.username, input.role, principal.username),
      'member',
      input.username,
    );
    return toMember(created);
  }

  async changeMemberRole(
    workspace: string,
    username: string,
    role: WorkspaceRole,
    principal: Principal,
  ): Promise<Member> {
    if (!(await this.store.workspaceRole(workspace, username)))
      throw DomainError.notFound('member', username);
    return this.setRole(workspace, username, role, principal.username);
  }

  /** Also ends the user's memberships in the workspace's projects. */
  async removeMember(workspace: string, username: string): Promise<Member> {
    const role = await this.store.workspaceRole(workspace, username);
    if (!role) throw DomainError.notFound('member', username);
    if (role === WorkspaceRole.ADMIN) await this.requireAnotherAdmin(workspace, username);
    await this.cleanup.removeFromWorkspace(workspace, username);
    return { username, role };
  }

  private async setRole(
    workspace: string,
    username: string,
    role: WorkspaceRole,
    actor: string,
  ): Promise<Member> {
    const current = await this.store.workspaceRole(workspace, username);
    if (!current) return toMember(await this.kube.create(memberResource(workspace, username, role, actor)));
    if (current === WorkspaceRole.ADMIN && role !== WorkspaceRole.ADMIN)
      await this.requireAnotherAdmin(workspace, username);
    const updated = await this.kube.modify<WorkspaceMemberResource>(
      workspaceMemberRef(workspace, username),
      (member) => {
        if (member.spec.role === role) return undefined;
        member.spec.role = role;
        member.metadata.labels = { ...member.metadata.labels, [LABELS.role]: role };
        return member;
      },
    );
    return toMember(updated);
  }

  private async requireAnotherAdmin(workspace: string, username: string): Promise<void> {
    const admins = (await this.store.workspaceMembers(workspace)).filter(
      (m) => m.spec.role === WorkspaceRole.ADMIN,
    );
    if (admins.every((m) => m.spec.user === username)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `"${username}" is the last workspace-admin of workspace "${workspace}"`,
      );
    }
  }

  private async requireUser(username: string, field: string): Promise<void> {
    if (!(await this.accounts.find(username))) throw DomainError.badField(field, `no user "${username}"`);
  }

  private async createOrConflict<T extends WorkspaceResource | WorkspaceMemberResource>(
    object: T,
    what: string,
    name: string,
  ): Promise<T> {
    try {
      return await this.kube.create(object);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.CONFLICT) {
        throw new DomainError(ErrorCode.CONFLICT, `${what} "${name}" already exists`);
      }
      throw error;
    }
  }
}

/** A WorkspaceMember as Berth writes it (`actor`: who made it, when a person did). */
export function memberResource(
  workspace: string,
  user: string,
  role: WorkspaceRole,
  actor?: string,
): WorkspaceMemberResource {
  return {
    apiVersion: TENANCY_API_VERSION,
    kind: 'WorkspaceMember',
    metadata: {
      name: workspaceMemberName(workspace, user),
      labels: {
        [LABELS.managedBy]: MANAGED_BY,
        [LABELS.workspace]: workspace,
        [LABELS.user]: user,
        [LABELS.role]: role,
      },
      ...(actor === undefined ? {} : { annotations: { [ANNOTATIONS.creator]: actor } }),
    },
    spec: { workspace, user, role },
  };
}

export function toWorkspace(resource: WorkspaceResource): Workspace {
  return {
    name: resource.metadata.name,
    displayName: resource.spec.displayName ?? null,
    description: resource.spec.description ?? null,
    manager: resource.spec.manager ?? null,
    creator: resource.metadata.annotations?.[ANNOTATIONS.creator] ?? null,
    createdAt: resource.metadata.creationTimestamp ? new Date(resource.metadata.creationTimestamp) : null,
  };
}

function toMember(resource: WorkspaceMemberResource): Member {
  return { username: resource.spec.user, role: resource.spec.role };
}
