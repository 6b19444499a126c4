import { InputType } from '@nestjs/graphql';
import { ValidateDnsLabel, ValidateEnum, ValidateString } from '../common/validation/field.decorators';
import { PROJECT_ROLE, WORKSPACE_ROLE } from '../iam/closed-sets';
import type { ProjectRole, WorkspaceRole } from '../iam/roles';

/** The optional display name and description every workspace and project input has. */
const DisplayName = (): PropertyDecorator => ValidateString({ optional: true, maxLength: 128 });
const Description = (): PropertyDecorator => ValidateString({ optional: true, maxLength: 1024 });

@InputType()
export class CreateWorkspaceInput {
  @ValidateDnsLabel({ example: 'demo-workspace' }) name!: string;
  @DisplayName() displayName?: string;
  @Description() description?: string;
  @ValidateDnsLabel({
    optional: true,
    description: 'Username of the workspace-admin to appoint (default: the creator)',
  })
  manager?: string;
}

@InputType()
export class UpdateWorkspaceInput {
  @DisplayName() displayName?: string;
  @Description() description?: string;
  @ValidateDnsLabel({ optional: true, description: 'Appoints this user; they become workspace-admin' })
  manager?: string;
}

@InputType()
export class WorkspaceRoleInput {
  @ValidateEnum(WORKSPACE_ROLE) role!: WorkspaceRole;
}

@InputType()
export class WorkspaceMemberInput extends WorkspaceRoleInput {
  @ValidateDnsLabel() username!: string;
}

@InputType()
export class ProjectRoleInput {
  @ValidateEnum(PROJECT_ROLE) role!: ProjectRole;
}

@InputType()
export class ProjectMemberInput extends ProjectRoleInput {
  @ValidateDnsLabel() username!: string;
}

@InputType()
export class CreateProjectInput {
  @ValidateDnsLabel({ example: 'demo-project' }) name!: string;
  @DisplayName() displayName?: string;
  @Description() description?: string;
}

@InputType()
export class UpdateProjectInput {
  @DisplayName() displayName?: string;
  @Description() description?: string;
}
