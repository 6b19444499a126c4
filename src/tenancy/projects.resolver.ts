import { AfterArg, BeforeArg, FirstArg, LastArg, pageRequest } from '../common/graphql/arguments';
import { type Page, paginate } from '../common/paging';
import {} from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../iam/access-rules';
import { CurrentProject } from '../access/request-context.decorators';
import { Permission } from '../iam/roles';
import type { ProjectAccess } from '../access/scope-access';
import { ProjectsService } from './projects.service';
import { ProjectMemberInput, ProjectRoleInput, UpdateProjectInput } from './tenancy.inputs';
import { Member, MEMBER_PAGES, Project } from './tenancy.models';
import { ProjectSecurityInput } from './project-security.models';
import { NameArg } from '../common/validation/names';

@Resolver(() => Project)
export class ProjectsResolver {
  constructor(private readonly service: ProjectsService) {}

  @Query(() => Project)
  @Access.project(Permission.PROJECT_VIEW, 'name')
  project(@NameArg('name', 'project') name: string): Promise<Project> {
    return this.service.get(name);
  }

  // Projects reach a resolver only through a query that checked the caller may see them, and every
  // role that can see a project may see its members.
  @ResolveField(() => MEMBER_PAGES.connection)
  async members(
    @Parent() project: Project,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<Member>> {
    return paginate(await this.service.members(project.name), pageRequest(first, after, last, before));
  }

  @Mutation(() => Project)
  @Access.project(Permission.PROJECT_MANAGE, 'name')
  updateProject(
    @NameArg('name', 'project') name: string,
    @Args('input') input: UpdateProjectInput,
  ): Promise<Project> {
    return this.service.update(name, input);
  }

  @Mutation(() => Project, {
    description: "Platform admins: the project's pod security level and the Service types it may use",
  })
  @Access.project(Permission.PROJECT_SECURITY_MANAGE)
  updateProjectSecurity(
    @NameArg('project', 'project') project: string,
    @Args('input') input: ProjectSecurityInput,
  ): Promise<Project> {
    return this.service.updateSecurity(project, input);
  }

  @Mutation(() => Project, { description: 'Deletes the project and everything in it' })
  @Access.project(Permission.PROJECT_DELETE, 'name')
  deleteProject(@NameArg('name', 'project') name: string): Promise<Project> {
    return this.service.delete(name);
  }

  @Mutation(() => Member, { description: 'The user must be a member of the workspace' })
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE)
  addProjectMember(
    @Args('project') project: string,
    @Args('input') input: ProjectMemberInput,
    @CurrentProject() access: ProjectAccess,
  ): Promise<Member> {
    return this.service.addMember(project, access.workspace, input, access.principal.username);
  }

  @Mutation(() => Member, {
    description: 'Replaces the member’s role; the last project-admin cannot be demoted',
  })
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE)
  changeProjectMemberRole(
    @Args('project') project: string,
    @NameArg('username', 'user') username: string,
    @Args('input') input: ProjectRoleInput,
    @CurrentProject() access: ProjectAccess,
  ): Promise<Member> {
    return this.service.changeMemberRole(project, username, input.role, access.principal.username);
  }

  @Mutation(() => Member, { description: 'The last project-admin cannot be removed' })
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE)
  removeProjectMember(
    @Args('project') project: string,
    @NameArg('username', 'user') username: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<Member> {
    return this.service.removeMember(project, username, access.principal.username);
  }
}
