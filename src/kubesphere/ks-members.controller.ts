import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentProject, CurrentWorkspace } from '../access/request-context.decorators';
import type { ProjectAccess, WorkspaceAccess } from '../access/scope-access';
import { DomainError, type FieldError } from '../common/errors/domain-error';
import { ValidateDnsLabel, ValidateEnum } from '../common/validation/field.decorators';
import { validateInput } from '../common/validation/input-validation.pipe';
import { NameParam } from '../common/validation/names';
import { Access } from '../iam/access-rules';
import { Permission, PROJECT_ROLE_PERMISSIONS, ProjectRole, ROLE_DESCRIPTIONS } from '../iam/roles';
import { ProjectsService } from '../tenancy/projects.service';
import { WorkspacesService } from '../tenancy/workspaces.service';
import type { Member } from '../tenancy/tenancy.models';
import { ksList, parseKsListQuery, type KsList } from './ks-list-query';
import { ksMember, ksRole, projectRules } from './ks-objects';

const IAM = 'kube/kapis/iam.kubesphere.io/v1alpha2';
/** One invitation names a few users; a bounded body keeps one request's API calls bounded. */
const MAX_INVITED = 20;

/** KubeSphere's member: a username and the name of the role (`roleRef`), here one of Berth's project roles. */
export class KsMemberInput {
  @ValidateDnsLabel() username!: string;
  @ValidateEnum(Object.values(ProjectRole)) roleRef!: ProjectRole;
}

/**
 * KubeSphere's project member management (the console's Project Members and Project Roles pages, and
 * its invite dialog's list of workspace members), through the services and rules of Berth's own
 * member API: the same checks (a member of the workspace first, never the last project-admin).
 */
@ApiExcludeController()
@Controller(IAM)
export class KsMembersController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly workspaces: WorkspacesService,
  ) {}

  @Get('namespaces/:namespace/members')
  @Access.project(Permission.PROJECT_MEMBERS_VIEW, 'namespace')
  async members(@CurrentProject() access: ProjectAccess, @Query() query: Record<string, unknown>) {
    const members = await this.projects.members(access.project);
    return ksList(members.map(asObject('project')), parseKsListQuery(query));
  }

  @Get('namespaces/:namespace/members/:username')
  @Access.project(Permission.PROJECT_MEMBERS_VIEW, 'namespace')
  async member(@NameParam('username', 'user') username: string, @CurrentProject() access: ProjectAccess) {
    const member = (await this.projects.members(access.project)).find((m) => m.username === username);
    if (!member) throw DomainError.notFound('member', username);
    return ksMember(member, 'project');
  }

  /**
   * Invites each user in turn; if one is refused, those invited before it by this request are removed
   * again, so a refused invitation leaves the members as they were.
   */
  @Post('namespaces/:namespace/members')
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE, 'namespace')
  async invite(@Body() body: unknown, @CurrentProject() access: ProjectAccess): Promise<KsMemberInput[]> {
    const invited = await memberList(body);
    const actor = access.principal.username;
    const done: KsMemberInput[] = [];
    try {
      for (const member of invited) {
        await this.projects.addMember(
          access.project,
          access.workspace,
          { username: member.username, role: member.roleRef },
          actor,
        );
        done.push(member);
      }
    } catch (error) {
      for (const member of done.reverse())
        await this.projects.removeMember(access.project, member.username, actor).catch(() => undefined);
      throw error;
    }
    return invited;
  }

  @Put('namespaces/:namespace/members/:username')
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE, 'namespace')
  async change(
    @NameParam('username', 'user') username: string,
    @Body() body: unknown,
    @CurrentProject() access: ProjectAccess,
  ): Promise<KsMemberInput> {
    const input = await validateInput(KsMemberInput, body);
    if (input.username !== username)
      throw DomainError.badField('username', `must be "${username}", the member the path names`);
    await this.projects.changeMemberRole(access.project, username, input.roleRef, access.principal.username);
    return { username, roleRef: input.roleRef };
  }

  @Delete('namespaces/:namespace/members/:username')
  @Access.project(Permission.PROJECT_MEMBERS_MANAGE, 'namespace')
  async remove(
    @NameParam('username', 'user') username: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<{ message: string }> {
    await this.projects.removeMember(access.project, username, access.principal.username);
    return { message: 'success' };
  }

  /** The roles a project member may be given: Berth's three project roles, with their console rules. */
  @Get('namespaces/:namespace/roles')
  @Access.project(Permission.PROJECT_MEMBERS_VIEW, 'namespace')
  roles(@Query() query: Record<string, unknown>) {
    const roles = Object.values(ProjectRole).map((role) => {
      const object = ksRole('Role', role, projectRules(new Set(PROJECT_ROLE_PERMISSIONS[role])));
      const annotations = {
        ...object.metadata.annotations,
        'kubesphere.io/description': ROLE_DESCRIPTIONS[role],
      };
      return { ...object, metadata: { ...object.metadata, annotations } };
    });
    return ksList(roles, parseKsListQuery(query));
  }

  @Get('workspaces/:workspace/workspacemembers')
  @Access.workspace(Permission.WORKSPACE_MEMBERS_VIEW)
  async workspaceMembers(
    @CurrentWorkspace() access: WorkspaceAccess,
    @Query() query: Record<string, unknown>,
  ): Promise<KsList<ReturnType<typeof ksMember>>> {
    const members = await this.workspaces.members(access.workspace);
    return ksList(members.map(asObject('workspace')), parseKsListQuery(query));
  }
}

const asObject = (scope: 'project' | 'workspace') => (member: Member) => ksMember(member, scope);

/** The body of an invitation: a list of 1 to MAX_INVITED members, each valid, no user twice. */
async function memberList(body: unknown): Promise<KsMemberInput[]> {
  if (!Array.isArray(body) || body.length === 0 || body.length > MAX_INVITED)
    throw DomainError.badField('body', `must be a list of 1 to ${MAX_INVITED} members`);
  const members: KsMemberInput[] = [];
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, item] of body.entries()) {
    try {
      const member = await validateInput(KsMemberInput, item);
      if (seen.has(member.username))
        problems.push({ path: `[${i}].username`, message: `"${member.username}" is listed twice` });
      seen.add(member.username);
      members.push(member);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(...(error.fields ?? []).map((f) => ({ ...f, path: `[${i}].${f.path}` })));
    }
  }
  if (problems.length) throw DomainError.badInput(problems);
  return members;
}
