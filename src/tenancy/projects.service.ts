import { NAMESPACES, ROLE_BINDINGS } from '../kube';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../iam/principal';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { AccessService } from '../access/access.service';
import { AccountStore } from '../iam/account.store';
import { IdentityService } from '../iam/identity.service';
import { isProjectRole, ProjectRole, WorkspaceRole, WORKSPACE_ROLE_IN_PROJECTS } from '../iam/roles';
import type { WorkspaceAccess } from '../access/scope-access';
import { KubeClient, V1Namespace, V1RoleBinding } from '../kube';
import { ANNOTATIONS, LABELS, MANAGED_BY, projectClusterRole } from '../iam/labels';
import type { CreateProjectInput, ProjectMemberInput, UpdateProjectInput } from './tenancy.inputs';
import type { Member, Project, ProjectDetail } from './tenancy.models';
import { TenancyStore } from '../iam/tenancy.store';
import { ProjectSecurityInput } from './project-security.models';
import type { PodSecurityLevel } from '../kube/pod-security';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { ALLOWED_SERVICE_TYPES_ANNOTATION, podSecurityLabels, securityOf } from '../iam/project-security';

const RBAC = 'rbac.authorization.k8s.io/v1';
/**
 * Projects (Namespaces labelled with their workspace) and their members (one RoleBinding each, to
 * the project role's ClusterRole). Namespaces and bindings are written with the service's identity,
 * after the AccessGuard's check: no tenant may create them directly.
 */
@Injectable()
export class ProjectsService {
  private readonly toProject: (namespace: V1Namespace) => Project;

  constructor(
    private readonly kube: KubeClient,
    private readonly store: TenancyStore,
    private readonly accounts: AccountStore,
    private readonly identities: IdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.toProject = (namespace) => toProject(namespace, config.podSecurityDefault);
  }

  /** Projects the caller may see, across workspaces or in one. */
  async list(principal: Principal, workspace?: string): Promise<Project[]> {
    const admin = AccessService.isPlatformAdmin(principal);
    const [projects, ownRoles, memberships] = await Promise.all([
      this.store.listProjects(workspace),
      admin ? Promise.resolve(new Map<string, ProjectRole>()) : this.store.projectRolesOf(principal.username),
      admin ? Promise.resolve([]) : this.store.membershipsOf(principal.username),
    ]);
    const wholeWorkspaces = new Set(
      memberships.filter((m) => WORKSPACE_ROLE_IN_PROJECTS[m.spec.role]).map((m) => m.spec.workspace),
    );
    return projects
      .filter(
        (ns) =>
          admin ||
          ownRoles.has(ns.metadata?.name ?? '') ||
          wholeWorkspaces.has(ns.metadata?.labels?.[LABELS.workspace] ?? ''),
      )
      .map(this.toProject)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<Project> {
    const namespace = await this.store.findProject(name);
    if (!namespace) throw DomainError.notFound('project', name);
    return this.toProject(namespace);
  }

  async detail(name: string): Promise<ProjectDetail> {
    const [project, members] = await Promise.all([this.get(name), this.members(name)]);
    return { ...project, members };
  }

  async members(project: string): Promise<Member[]> {
    const members = await this.store.projectMembers(project);
    return [...members]
      .map(([username, role]) => ({ username, role }))
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  /**
   * Creates the namespace, binds the workspace's admin and viewer groups, and makes the creator its
   * project-admin. All or nothing: if a binding fails the namespace (and whatever it holds) goes.
   */
  async create(access: WorkspaceAccess, input: CreateProjectInput): Promise<ProjectDetail> {
    const creator = access.principal.username;
    const namespace: V1Namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: input.name,
        labels: {
          [LABELS.managedBy]: MANAGED_BY,
          [LABELS.workspace]: access.workspace,
          ...podSecurityLabels(this.config.podSecurityDefault),
        },
        annotations: {
          [ANNOTATIONS.creator]: creator,
          ...(input.displayName ? { [ANNOTATIONS.displayName]: input.displayName } : {}),
          ...(input.description ? { [ANNOTATIONS.description]: input.description } : {}),
        },
      },
    };
    let created: V1Namespace;
    try {
      created = await this.kube.create(namespace);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.CONFLICT) {
        throw new DomainError(ErrorCode.CONFLICT, `project "${input.name}" already exists`, {
          fields: [{ path: 'name', message: 'is taken' }],
        });
      }
      throw error;
    }
    try {
      await Promise.all([
        this.kube.create(this.workspaceGroupBinding(input.name, access.workspace, WorkspaceRole.ADMIN)),
        this.kube.create(this.workspaceGroupBinding(input.name, access.workspace, WorkspaceRole.VIEWER)),
        this.kube.create(this.memberBinding(input.name, creator, ProjectRole.ADMIN, creator)),
      ]);
    } catch (error) {
      await this.kube.delete(NAMESPACES.ref(input.name));
      throw error;
    }
    return { ...this.toProject(created), members: [{ username: creator, role: ProjectRole.ADMIN }] };
  }

  async update(name: string, input: UpdateProjectInput): Promise<Project> {
    const updated = await this.kube.modify(NAMESPACES.ref(name), (ns) => {
      const annotations = { ...ns.metadata?.annotations };
      if (input.displayName !== undefined) annotations[ANNOTATIONS.displayName] = input.displayName;
      if (input.description !== undefined) annotations[ANNOTATIONS.description] = input.description;
      ns.metadata = { ...ns.metadata, annotations };
      return ns;
    });
    return this.toProject(updated);
  }

  /**
   * A platform admin's choice of the project's pod security level and the Service types it may use
   * beyond ClusterIP. Kubernetes enforces the level on every pod from then on (running pods stay).
   */
  async updateSecurity(name: string, input: ProjectSecurityInput): Promise<Project> {
    const updated = await this.kube.modify(NAMESPACES.ref(name), (ns) => {
      const labels = { ...ns.metadata?.labels };
      const annotations = { ...ns.metadata?.annotations };
      // GraphQL may send null for "leave as it is" just as it may leave the field out.
      if (input.podSecurity != null) Object.assign(labels, podSecurityLabels(input.podSecurity));
      if (input.allowedServiceTypes != null) {
        if (input.allowedServiceTypes.length)
          annotations[ALLOWED_SERVICE_TYPES_ANNOTATION] = input.allowedServiceTypes.join(',');
        else delete annotations[ALLOWED_SERVICE_TYPES_ANNOTATION];
      }
      ns.metadata = { ...ns.metadata, labels, annotations };
      return ns;
    });
    return this.toProject(updated);
  }

  /** Deletes the namespace and everything in it; Kubernetes finishes the deletion in the background. */
  async delete(name: string): Promise<Project> {
    const project = await this.store.findProject(name);
    if (!project) throw DomainError.notFound('project', name);
    await this.kube.delete(NAMESPACES.ref(name), { propagationPolicy: 'Background' });
    return this.toProject(project);
  }

  /** Members must already belong to the project's workspace. */
  async addMember(
    project: string,
    workspace: string,
    input: ProjectMemberInput,
    actor: string,
  ): Promise<Member> {
    if (!(await this.accounts.find(input.username)))
      throw DomainError.badField('username', `no user "${input.username}"`);
    if (!(await this.store.workspaceRole(workspace, input.username))) {
      throw DomainError.badField(
        'username',
        `"${input.username}" must be a member of workspace "${workspace}" first`,
      );
    }
    if (await this.store.projectRole(project, input.username)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `"${input.username}" is already a member of project "${project}"`,
      );
    }
    await this.kube.create(this.memberBinding(project, input.username, input.role, actor));
    return { username: input.username, role: input.role };
  }

  /**
   * The new binding is created before the old one goes, so the member never loses access in between.
   * Demoting the last project-admin is refused; if a concurrent change left no admin, this one is
   * undone.
   */
  async changeMemberRole(
    project: string,
    username: string,
    role: ProjectRole,
    actor: string,
  ): Promise<Member> {
    const bindings = await this.store.projectBindings(project, username);
    if (bindings.length === 0) throw DomainError.notFound('member', username);
    const wasAdmin = bindings.some((b) => roleOf(b) === ProjectRole.ADMIN);
    const demoting = wasAdmin && role !== ProjectRole.ADMIN;
    if (demoting) await this.requireAnotherAdmin(project, username);
    if (!bindings.some((b) => roleOf(b) === role))
      await this.kube.create(this.memberBinding(project, username, role, actor));
    await this.deleteBindings(
      project,
      bindings.filter((b) => roleOf(b) !== role),
    );
    if (demoting) {
      await this.undoIfNoAdmin(project, username, actor, async () => {
        await this.deleteBindings(
          project,
          await this.store.projectBindings(project, username),
          ProjectRole.ADMIN,
        );
      });
    }
    return { username, role };
  }

  async removeMember(project: string, username: string, actor: string): Promise<Member> {
    const bindings = await this.store.projectBindings(project, username);
    if (bindings.length === 0) throw DomainError.notFound('member', username);
    const wasAdmin = bindings.some((b) => roleOf(b) === ProjectRole.ADMIN);
    if (wasAdmin) await this.requireAnotherAdmin(project, username);
    await this.deleteBindings(project, bindings);
    if (wasAdmin) await this.undoIfNoAdmin(project, username, actor, () => Promise.resolve());
    // Berth's bindings always name a role; one that names none was the least of them.
    const role = wasAdmin
      ? ProjectRole.ADMIN
      : (bindings.map(roleOf).find((r) => r !== null) ?? ProjectRole.VIEWER);
    return { username, role };
  }

  private async requireAnotherAdmin(project: string, username: string): Promise<void> {
    const members = await this.store.projectMembers(project);
    if (![...members].some(([user, role]) => user !== username && role === ProjectRole.ADMIN)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `"${username}" is the last project-admin of project "${project}"`,
      );
    }
  }

  /** After a demotion or removal: if no admin is left (a concurrent change), restore this one's admin role. */
  private async undoIfNoAdmin(
    project: string,
    username: string,
    actor: string,
    removeOthers: () => Promise<void>,
  ): Promise<void> {
    const members = await this.store.projectMembers(project);
    if ([...members.values()].includes(ProjectRole.ADMIN)) return;
    await this.kube.create(this.memberBinding(project, username, ProjectRole.ADMIN, actor));
    await removeOthers();
    throw new DomainError(
      ErrorCode.CONFLICT,
      `"${username}" is the last project-admin of project "${project}"`,
    );
  }

  private async deleteBindings(
    project: string,
    bindings: V1RoleBinding[],
    keepRole?: ProjectRole,
  ): Promise<void> {
    await Promise.all(
      bindings
        .filter((b) => roleOf(b) !== keepRole)
        .map((b) =>
          this.kube.delete(ROLE_BINDINGS.ref(project, b.metadata?.name ?? '')).catch((error: unknown) => {
            if (!(error instanceof DomainError && error.code === ErrorCode.NOT_FOUND)) throw error;
          }),
        ),
    );
  }

  private memberBinding(project: string, user: string, role: ProjectRole, actor: string): V1RoleBinding {
    return memberBinding(project, user, role, this.identities.user(user), actor);
  }

  /** Workspace-wide roles reach into each project through a group bound here. */
  private workspaceGroupBinding(
    project: string,
    workspace: string,
    role: WorkspaceRole.ADMIN | WorkspaceRole.VIEWER,
  ): V1RoleBinding {
    const projectRole = WORKSPACE_ROLE_IN_PROJECTS[role] ?? ProjectRole.VIEWER;
    return projectRoleBinding(
      { name: `berth-${role}s`, namespace: project },
      { binding: 'workspace-group', workspace, role },
      projectRole,
      { kind: 'Group', name: this.identities.workspaceGroup(workspace, role) },
    );
  }
}

function roleOf(binding: V1RoleBinding): ProjectRole | null {
  const role = binding.metadata?.labels?.[LABELS.role] ?? '';
  return isProjectRole(role) ? role : null;
}

export function toProject(namespace: V1Namespace, fallback: PodSecurityLevel): Project {
  const annotations = namespace.metadata?.annotations ?? {};
  return {
    name: namespace.metadata?.name ?? '',
    workspace: namespace.metadata?.labels?.[LABELS.workspace] ?? '',
    displayName: annotations[ANNOTATIONS.displayName] ?? null,
    description: annotations[ANNOTATIONS.description] ?? null,
    creator: annotations[ANNOTATIONS.creator] ?? null,
    createdAt: namespace.metadata?.creationTimestamp ? new Date(namespace.metadata.creationTimestamp) : null,
    security: securityOf(namespace, fallback),
  };
}

/** A project member's RoleBinding as Berth writes it: `subject` is the Kubernetes user it binds. */
export function memberBinding(
  project: string,
  user: string,
  role: ProjectRole,
  subject: string,
  actor?: string,
): V1RoleBinding {
  const binding = projectRoleBinding(
    { name: `berth-${role}-${user}`, namespace: project },
    { binding: 'member', user, role },
    role,
    { kind: 'User', name: subject },
  );
  if (actor !== undefined)
    binding.metadata = { ...binding.metadata, annotations: { [ANNOTATIONS.creator]: actor } };
  return binding;
}

/** A RoleBinding Berth manages (labelled as such) to a project role's ClusterRole. */
function projectRoleBinding(
  at: { name: string; namespace: string },
  of: { binding: 'member' | 'workspace-group'; role: string; user?: string; workspace?: string },
  role: ProjectRole,
  subject: { kind: 'User' | 'Group'; name: string },
): V1RoleBinding {
  const labels = {
    [LABELS.managedBy]: MANAGED_BY,
    [LABELS.binding]: of.binding,
    [LABELS.role]: of.role,
    ...(of.user === undefined ? {} : { [LABELS.user]: of.user }),
    ...(of.workspace === undefined ? {} : { [LABELS.workspace]: of.workspace }),
  };
  return {
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { ...at, labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: projectClusterRole(role) },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', ...subject }],
  };
}
