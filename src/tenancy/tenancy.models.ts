import { pagesOf } from '../common/api/paginated';
import { ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_ROLE } from '../iam/closed-sets';
import type { ProjectRole, WorkspaceRole } from '../iam/roles';
import {
  EnumField,
  NullableDateField,
  NullableStringField,
  ObjectField,
  StringField,
} from '../common/api/output-field.decorators';
import { ProjectSecurityView } from './project-security.models';

@ObjectType({ description: "A user's role in a workspace or project" })
export class Member {
  @StringField() username!: string;
  @EnumField(MEMBER_ROLE) role!: WorkspaceRole | ProjectRole;
}

@ObjectType({ description: 'A group of projects with its own members' })
export class Workspace {
  @StringField() name!: string;
  @NullableStringField() displayName!: string | null;
  @NullableStringField() description!: string | null;
  @NullableStringField() manager!: string | null;
  @NullableStringField() creator!: string | null;
  @NullableDateField() createdAt!: Date | null;
}

@ObjectType({ description: 'A project: a Kubernetes namespace in a workspace' })
export class Project {
  @StringField() name!: string;
  @StringField() workspace!: string;
  @NullableStringField() displayName!: string | null;
  @NullableStringField() description!: string | null;
  @NullableStringField() creator!: string | null;
  @NullableDateField() createdAt!: Date | null;
  @ObjectField(ProjectSecurityView) security!: ProjectSecurityView;
}

/** REST's project detail (GraphQL resolves `members` as a field of Project instead). */
export class ProjectDetail extends Project {
  @ApiProperty({ type: [Member] }) members!: Member[];
}

export const WORKSPACE_PAGES = pagesOf(Workspace, 'Workspace');
export const PROJECT_PAGES = pagesOf(Project, 'Project');
export const MEMBER_PAGES = pagesOf(Member, 'Member');
