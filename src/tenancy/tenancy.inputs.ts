import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDnsLabel } from '../common/validation/names';
import { ProjectRole, WorkspaceRole } from '../iam/roles';

const WORKSPACE_ROLES = Object.values(WorkspaceRole);
const PROJECT_ROLES = Object.values(ProjectRole);
const oneOf = (values: string[]) => ({ message: `must be one of ${values.join(', ')}` });

@InputType()
export class CreateWorkspaceInput {
  @Field() @ApiProperty({ example: 'demo-workspace' }) @IsDnsLabel() name!: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  displayName?: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;
  @Field({ nullable: true, description: 'Username of the workspace-admin to appoint (default: the creator)' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsDnsLabel()
  manager?: string;
}

@InputType()
export class UpdateWorkspaceInput {
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  displayName?: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;
  @Field({ nullable: true, description: 'Appoints this user; they become workspace-admin' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsDnsLabel()
  manager?: string;
}

@InputType()
export class WorkspaceMemberInput {
  @Field() @ApiProperty() @IsDnsLabel() username!: string;
  @Field(() => String, { description: WORKSPACE_ROLES.join(', ') })
  @ApiProperty({ enum: WORKSPACE_ROLES })
  @IsIn(WORKSPACE_ROLES, oneOf(WORKSPACE_ROLES))
  role!: WorkspaceRole;
}

@InputType()
export class WorkspaceRoleInput {
  @Field(() => String, { description: WORKSPACE_ROLES.join(', ') })
  @ApiProperty({ enum: WORKSPACE_ROLES })
  @IsIn(WORKSPACE_ROLES, oneOf(WORKSPACE_ROLES))
  role!: WorkspaceRole;
}

@InputType()
export class ProjectMemberInput {
  @Field() @ApiProperty() @IsDnsLabel() username!: string;
  @Field(() => String, { description: PROJECT_ROLES.join(', ') })
  @ApiProperty({ enum: PROJECT_ROLES })
  @IsIn(PROJECT_ROLES, oneOf(PROJECT_ROLES))
  role!: ProjectRole;
}

@InputType()
export class ProjectRoleInput {
  @Field(() => String, { description: PROJECT_ROLES.join(', ') })
  @ApiProperty({ enum: PROJECT_ROLES })
  @IsIn(PROJECT_ROLES, oneOf(PROJECT_ROLES))
  role!: ProjectRole;
}

@InputType()
export class CreateProjectInput {
  @Field() @ApiProperty({ example: 'demo-project' }) @IsDnsLabel() name!: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  displayName?: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;
}

@InputType()
export class UpdateProjectInput {
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  displayName?: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;
}
