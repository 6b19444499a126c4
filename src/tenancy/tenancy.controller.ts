import { type ListPage, restList } from '../common/paging';
import { PageQuery } from '../common/validation/list-params';
import { Operation } from '../common/http/api-operation';
import { Body, Controller, Delete, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '../iam/principal';
import { Access } from '../iam/access-rules';
import { CurrentPrincipal, CurrentProject, CurrentWorkspace } from '../access/request-context.decorators';
import { Permission } from '../iam/roles';
import type { ProjectAccess, WorkspaceAccess } from '../access/scope-access';
import { ProjectsService } from './projects.service';
import {
  CreateProjectInput,
  CreateWorkspaceInput,
  ProjectMemberInput,
  ProjectRoleInput,
  UpdateProjectInput,
  UpdateWorkspaceInput,
  WorkspaceMemberInput,
  WorkspaceRoleInput,
} from './tenancy.inputs';
import {
  Member,
  MEMBER_PAGES,
  Project,
  PROJECT_PAGES,
  ProjectDetail,
  Workspace,
  WORKSPACE_PAGES,
} from './tenancy.models';
import { ProjectSecurityInput } from './project-security.models';
import { WorkspacesService } from './workspaces.service';
import { NameParam } from '../common/validation/names';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  @Operation('List the workspaces the caller may see', { type: WORKSPACE_PAGES.list })
  @Access.authenticated()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<ListPage<Workspace>> {
    return restList(await this.workspaces.list(principal), query);
  }

  @Post()
  @Operation('Create a workspace', { type: Workspace, status: 201 })
  @Access.platform(Permission.WORKSPACES_CREATE)
  create(@Body() input: CreateWorkspaceInput, @CurrentPrincipal() principal: Principal): Promise<Workspace> {
    return this.workspaces.create(principal, input);
  }

  @Get(':workspace')
  @Operation('Read a workspace', { type: Workspace })
  @Access.workspace(Permission.WORKSPACE_VIEW)
  get(@NameParam('workspace', 'workspace') workspace: string): Promise<Workspace> {
    return this.workspaces.get(workspace);
  }

  @Patch(':workspace')
  @Operation('Change a workspace', { type: Workspace })
  @Access.workspace(Permission.WORKSPACE_MANAGE)
  update(
    @NameParam('workspace', 'workspace') workspace: string,
    @Body() input: UpdateWorkspaceInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Workspace> {
    return this.workspaces.update(workspace, input, principal);
  }

  @Delete(':workspace')
  @Operation('Delete a workspace (refused while it has projects)', {
    type: Workspace,
    description: 'What was deleted',
  })
  @Access.workspace(Permission.WORKSPACE_MANAGE)
  delete(@NameParam('workspace', 'workspace') workspace: string): Promise<Workspace> {
    return this.workspaces.delete(workspace);
  }

  @Get(':workspace/members')
  @Operation("List a workspace's members", { type: MEMBER_PAGES.list })
  @Access.workspace(Permission.WORKSPACE_MEMBERS_VIEW)
  async members(
    @NameParam('workspace', 'workspace') workspace: string,
    @Query() query: PageQuery,
  ): Promise<ListPage<Member>> {
    return restList(await this.workspaces.members(workspace), query);
  }

  @Post(':workspace/members')
  @Operation('Invite a user to a workspace', { type: Member, status: 201 })
  @Access.workspace(Permission.WORKSPACE_MEMBERS_MANAGE)
  addMember(
    @NameParam('workspace', 'workspace') workspace: string,
    @Body() input: WorkspaceMemberInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Member> {
    return this.workspaces.addMember(workspace, input, principal);
  }

  @Put(':workspace/members/:username')
  @Operation("Change a workspace member's role", { type: Member })
  @Access.workspace(Permission.WORKSPACE_MEMBERS_MANAGE)
  changeMemberRole(
    @NameParam('workspace', 'workspace') workspace: string,
    @NameParam('username', 'user') username: string,
    @Body() input: WorkspaceRoleInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Member> {
    return this.workspaces.changeMemberRole(workspace, username, input.role, principal);
  }

  @Delete(':workspace/members/:username')
  @Operation('Remove a workspace member (not the last admin)', {
    type: Member,
    description: 'Who was removed',
  })
  @Access.workspace(Permission.WORKSPACE_MEMBERS_MANAGE)
  removeMember(
    @NameParam('workspace', 'workspace') workspace: string,
    @NameParam('username', 'user') username: string,
  ): Promise<Member> {
    return this.workspaces.removeMember(workspace, username);
  }

  @Get(':workspace/projects')
  @Operation("List a workspace's projects the caller may see", { type: PROJECT_PAGES.list })
  @Access.workspace(Permission.WORKSPACE_VIEW)
  async projectsOf(
    @NameParam('workspace', 'workspace') workspace: string,
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<ListPage<Project>> {
    return restList(await this.projects.list(principal, workspace), query);
  }

  @Post(':workspace/projects')
  @Operation('Create a project in a workspace', { type: ProjectDetail, status: 201 })
  @Access.workspace(Permission.PROJECTS_CREATE)
  createProject(
    @Body() input: CreateProjectInput,
    @CurrentWorkspace() access: WorkspaceAccess,
  ): Promise<ProjectDetail> {
    return this.projects.create(access, input);
  }
}

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Operation('List the projects the caller may see', { type: PROJECT_PAGES.list })
  @Access.authenticated()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<ListPage<Project>> {
    return restList(await this.projects.list(principal), query);
  }

  @Get(':project')
  @Operation('Read a project with its members', { type: ProjectDetail })
  @Access.project(Permission.PROJECT_VIEW)
  get(@NameParam('project', 'project') project: string): Promise<ProjectDetail> {
    return this.projects.detail(project);
  }

  @Patch(':project')
  @Operation('Change a project', { type: Project })
  @Access.project(Permission.PROJECT_MANAGE)
  update(
    @NameParam('project', 'project') project: string,
    @Body() input: UpdateProjectInput,
  ): Promise<Project> {
    return this.projects.update(project, input);
  }

  @Put(':project/security')
  @Operation("Set a project's pod security level and allowed Service types", { type: Project })
  @Access.project(Permission.PROJECT_SECURITY_MANAGE)
  updateSecurity(
    @NameParam('project', 'project') project: string,
    @Body() input: ProjectSecurityInput,
  ): Promise<Project> {
    return this.projects.updateSecurity(project, input);
  }

  @Delete(':project')
  @Operation('Delete a project and everything in it', { type: Project, description: 'What was deleted' })
  @Access.project(Permission.PROJECT_DELETE)
  delete(@NameParam('project', 'project') project: string): Promise<Project> {
    return this.projects.delete(project);
  }

  @Get(':project/members')
  @Operation("List a project's members", { type: MEMBER_PAGES.list })
  @Access.project(Permission.PROJECT_MEMBERS_VIEW)
  async members(
    @NameParam('project', 'project') project: string,
    @Query() query: PageQuery,
  ): Promise<ListPage<Member>> {
    return restList(await this.projects.members(project), query);
  }

  @Post(':project/members')
  @Operation('Invite a user to a project', { type: Member, status: 201 })
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE)
  addMember(
    @NameParam('project', 'project') project: string,
    @Body() input: ProjectMemberInput,
    @CurrentProject() access: ProjectAccess,
  ): Promise<Member> {
    return this.projects.addMember(project, access.workspace, input, access.principal.username);
  }

  @Put(':project/members/:username')
  @Operation("Change a project member's role", { type: Member })
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE)
  changeMemberRole(
    @NameParam('project', 'project') project: string,
    @NameParam('username', 'user') username: string,
    @Body() input: ProjectRoleInput,
    @CurrentProject() access: ProjectAccess,
  ): Promise<Member> {
    return this.projects.changeMemberRole(project, username, input.role, access.principal.username);
  }

  @Delete(':project/members/:username')
  @Operation('Remove a project member (not the last admin)', { type: Member, description: 'Who was removed' })
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE)
  removeMember(
    @NameParam('project', 'project') project: string,
    @NameParam('username', 'user') username: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<Member> {
    return this.projects.removeMember(project, username, access.principal.username);
  }
}
