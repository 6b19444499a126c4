import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentProject, CurrentWorkspace } from '../access/request-context.decorators';
import type { ProjectAccess, WorkspaceAccess } from '../access/scope-access';
import { AccessService } from '../access/access.service';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { NameParam } from '../common/validation/names';
import { Access } from '../iam/access-rules';
import type { Principal } from '../iam/principal';
import {
  isPlatformRole,
  isProjectRole,
  isWorkspaceRole,
  Permission,
  PLATFORM_ROLE_PERMISSIONS,
  PlatformRole,
  PROJECT_ROLE_PERMISSIONS,
  ProjectRole,
  WORKSPACE_ROLE_IN_PROJECTS,
  WORKSPACE_ROLE_PERMISSIONS,
} from '../iam/roles';
import type { V1Namespace } from '../kube';
import { KsNamespaces } from './ks-namespaces';
import { ProjectsService } from '../tenancy/projects.service';
import { WorkspacesService } from '../tenancy/workspaces.service';
import { UsersService } from '../users/users.service';
import { ksList, parseKsListQuery, type KsList } from './ks-list-query';
import {
  globalRules,
  ksRole,
  ksUser,
  ksWorkspaceTemplate,
  projectRules,
  roleOf,
  workspaceRules,
} from './ks-objects';

const IAM = 'kube/kapis/iam.kubesphere.io/v1alpha2';
const TENANT = 'kube/kapis/tenant.kubesphere.io';

/**
 * KubeSphere's identity and tenancy endpoints that its console reads on every page: who the user
 * is, the roles that decide its menus and buttons (derived from Berth's permissions), and the
 * workspaces and projects the user may see. Read-only, through Berth's own services and rules.
 */
@ApiExcludeController()
@Controller()
export class KsTenancyController {
  constructor(
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly workspaces: WorkspacesService,
    private readonly projects: ProjectsService,
    private readonly namespaces: KsNamespaces,
  ) {}

  @Get(`${IAM}/users/:username`)
  @Access.user(Permission.USERS_VIEW, { self: true })
  async user(@NameParam('username', 'user') username: string) {
    return ksUser(await this.users.get(username));
  }

  @Get(`${IAM}/users/:username/globalroles`)
  @Access.user(Permission.USERS_VIEW, { self: true })
  async globalRoles(
    @NameParam('username', 'user') username: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const user = username === principal.username ? null : await this.users.get(username);
    const role = user ? user.platformRole : principal.platformRole;
    if (!isPlatformRole(role)) throw notMember(username);
    const permissions = user
      ? new Set(PLATFORM_ROLE_PERMISSIONS[role])
      : this.access.platformPermissions(principal);
    return [ksRole('GlobalRole', role, globalRules(role, permissions))];
  }

  @Get(`${IAM}/workspaces/:workspace/workspacemembers/:username/workspaceroles`)
  @Access.workspace(Permission.WORKSPACE_VIEW)
  async workspaceRoles(
    @NameParam('username', 'user') username: string,
    @CurrentWorkspace() access: WorkspaceAccess,
  ) {
    if (username === access.principal.username) {
      const inProjects = access.role ? WORKSPACE_ROLE_IN_PROJECTS[access.role] : null;
      const name = access.role ?? access.principal.platformRole;
      const admin = access.principal.platformRole === PlatformRole.ADMIN;
      return [
        ksRole(
          'WorkspaceRole',
          name,
          workspaceRules(access.permissions, admin ? ProjectRole.ADMIN : inProjects),
        ),
      ];
    }
    this.require(access.permissions, Permission.WORKSPACE_MEMBERS_VIEW);
    const role = roleOf(await this.workspaces.members(access.workspace), username);
    if (!role || !isWorkspaceRole(role)) throw notMember(username);
    const permissions = new Set(WORKSPACE_ROLE_PERMISSIONS[role]);
    return [ksRole('WorkspaceRole', role, workspaceRules(permissions, WORKSPACE_ROLE_IN_PROJECTS[role]))];
  }

  @Get(`${IAM}/namespaces/:namespace/members/:username/roles`)
  @Access.project(Permission.PROJECT_VIEW, 'namespace')
  async projectRoles(
    @NameParam('username', 'user') username: string,
    @CurrentProject() access: ProjectAccess,
  ) {
    if (username === access.principal.username)
      return [
        ksRole(
          'Role',
          access.role ?? access.workspaceRole ?? access.principal.platformRole,
          projectRules(access.permissions),
        ),
      ];
    this.require(access.permissions, Permission.PROJECT_MEMBERS_VIEW);
    const role = roleOf(await this.projects.members(access.project), username);
    if (!role || !isProjectRole(role)) throw notMember(username);
    return [ksRole('Role', role, projectRules(new Set(PROJECT_ROLE_PERMISSIONS[role])))];
  }

  @Get(`${TENANT}/v1alpha3/workspacetemplates`)
  @Access.authenticated()
  async workspaceTemplates(
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
  ) {
    const templates = (await this.workspaces.list(principal)).map(ksWorkspaceTemplate);
    return ksList(templates, parseKsListQuery(query));
  }

  @Get(`${TENANT}/v1alpha3/workspacetemplates/:workspace`)
  @Access.workspace(Permission.WORKSPACE_VIEW)
  async workspaceTemplate(@CurrentWorkspace() access: WorkspaceAccess) {
    return ksWorkspaceTemplate(await this.workspaces.get(access.workspace));
  }

  @Get(`${TENANT}/v1alpha2/workspaces/:workspace/namespaces`)
  @Access.workspace(Permission.WORKSPACE_VIEW)
  async workspaceNamespaces(
    @CurrentWorkspace() access: WorkspaceAccess,
    @Query() query: Record<string, unknown>,
  ): Promise<KsList<V1Namespace>> {
    const parsed = parseKsListQuery(query);
    return ksList(await this.namespaces.visible(access.principal, access.workspace), parsed);
  }

  @Get(`${TENANT}/v1alpha2/workspaces/:workspace/namespaces/:namespace`)
  @Access.project(Permission.PROJECT_VIEW, 'namespace')
  async workspaceNamespace(
    @NameParam('workspace', 'workspace') workspace: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<V1Namespace> {
    // A project of another workspace is not in this one: the same 404 as a project that does not exist.
    if (access.workspace !== workspace) throw DomainError.notFound('project', access.project);
    return this.namespaces.one(access.project);
  }

  private require(permissions: ReadonlySet<Permission>, permission: Permission): void {
    if (!permissions.has(permission))
      throw new DomainError(ErrorCode.FORBIDDEN, `needs ${permission} to read another member's roles`);
  }
}

const notMember = (username: string) => new DomainError(ErrorCode.NOT_FOUND, `"${username}" is not a member`);
