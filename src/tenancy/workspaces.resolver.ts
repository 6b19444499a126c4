import { AfterArg, BeforeArg, FirstArg, LastArg, pageRequest } from '../common/graphql/arguments';
import { type Page, paginate } from '../common/paging';
import {} from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '../iam/principal';
import { Access } from '../iam/access-rules';
import { CurrentPrincipal, CurrentWorkspace } from '../access/request-context.decorators';
import { Permission } from '../iam/roles';
import type { WorkspaceAccess } from '../access/scope-access';
import { ProjectsService } from './projects.service';
import {
  CreateProjectInput,
  CreateWorkspaceInput,
  UpdateWorkspaceInput,
  WorkspaceMemberInput,
  WorkspaceRoleInput,
} from './tenancy.inputs';
import { Member, MEMBER_PAGES, Project, PROJECT_PAGES, Workspace, WORKSPACE_PAGES } from './tenancy.models';
import { WorkspacesService } from './workspaces.service';
import { NameArg } from '../common/validation/names';

@Resolver(() => Workspace)
export class WorkspacesResolver {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly projectsService: ProjectsService,
  ) {}

  @Query(() => WORKSPACE_PAGES.connection, {
    name: 'workspaces',
    description: 'The workspaces you belong to (all, for platform admins)',
  })
  @Access.authenticated()
  async listWorkspaces(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<Workspace>> {
    return paginate(await this.workspaces.list(principal), pageRequest(first, after, last, before));
  }

  @Query(() => Workspace)
  @Access.workspace(Permission.WORKSPACE_VIEW, 'name')
  workspace(@NameArg('name', 'workspace') name: string): Promise<Workspace> {
    return this.workspaces.get(name);
  }

  // Workspaces reach a resolver only through a query that checked the caller may see them.
  @ResolveField(() => MEMBER_PAGES.connection)
  async members(
    @Parent() workspace: Workspace,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<Member>> {
    return paginate(await this.workspaces.members(workspace.name), pageRequest(first, after, last, before));
  }

  @ResolveField('projects', () => PROJECT_PAGES.connection, {
    description: 'The projects of this workspace that you may see',
  })
  async workspaceProjects(
    @Parent() workspace: Workspace,
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<Project>> {
    return paginate(
      await this.projectsService.list(principal, workspace.name),
      pageRequest(first, after, last, before),
    );
  }

  @Mutation(() => Workspace)
  @Access.platform(Permission.WORKSPACES_CREATE)
  createWorkspace(
    @Args('input') input: CreateWorkspaceInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Workspace> {
    return this.workspaces.create(principal, input);
  }

  @Mutation(() => Workspace)
  @Access.workspace(Permission.WORKSPACE_MANAGE, 'name')
  updateWorkspace(
    @NameArg('name', 'workspace') name: string,
    @Args('input') input: UpdateWorkspaceInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Workspace> {
    return this.workspaces.update(name, input, principal);
  }

  @Mutation(() => Workspace, { description: 'Refused while the workspace has projects' })
  @Access.workspace(Permission.WORKSPACE_MANAGE, 'name')
  deleteWorkspace(@NameArg('name', 'workspace') name: string): Promise<Workspace> {
    return this.workspaces.delete(name);
  }

  @Mutation(() => Member)
  @Access.workspace(Permission.WORKSPACE_MEMBERS_MANAGE)
  addWorkspaceMember(
    @Args('workspace') workspace: string,
    @Args('input') input: WorkspaceMemberInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Member> {
    return this.workspaces.addMember(workspace, input, principal);
  }

  @Mutation(() => Member)
  @Access.workspace(Permission.WORKSPACE_MEMBERS_MANAGE)
  changeWorkspaceMemberRole(
    @Args('workspace') workspace: string,
    @NameArg('username', 'user') username: string,
    @Args('input') input: WorkspaceRoleInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Member> {
    return this.workspaces.changeMemberRole(workspace, username, input.role, principal);
  }

  @Mutation(() => Member, { description: "Also ends the user's memberships in the workspace's projects" })
  @Access.workspace(Permission.WORKSPACE_MEMBERS_MANAGE)
  removeWorkspaceMember(
    @Args('workspace') workspace: string,
    @NameArg('username', 'user') username: string,
  ): Promise<Member> {
    return this.workspaces.removeMember(workspace, username);
  }

  @Query(() => PROJECT_PAGES.connection, {
    name: 'projects',
    description: 'The projects of a workspace that you may see',
  })
  @Access.workspace(Permission.WORKSPACE_VIEW)
  async listProjects(
    @Args('workspace') workspace: string,
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<Project>> {
    return paginate(
      await this.projectsService.list(principal, workspace),
      pageRequest(first, after, last, before),
    );
  }

  @Mutation(() => Project, { description: 'You become its project-admin' })
  @Access.workspace(Permission.PROJECTS_CREATE)
  createProject(
    @Args('workspace') _workspace: string,
    @Args('input') input: CreateProjectInput,
    @CurrentWorkspace() access: WorkspaceAccess,
  ): Promise<Project> {
    return this.projectsService.create(access, input);
  }
}
