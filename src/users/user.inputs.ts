import { InputType } from '@nestjs/graphql';
import {
  ValidateDnsLabel,
  ValidateEmail,
  ValidateEnum,
  ValidatePassword,
  ValidateString,
} from '../common/validation/field.decorators';
import { PLATFORM_ROLE, SETTABLE_ACCOUNT_STATE } from '../iam/closed-sets';
import { PlatformRole } from '../iam/roles';

@InputType()
export class CreateUserInput {
  @ValidateDnsLabel({ example: 'project-regular' }) username!: string;
  @ValidateEmail({ maxLength: 254 }) email!: string;
  @ValidateString({ optional: true, maxLength: 128 }) displayName?: string;
  @ValidatePassword({
    description: '8-64 characters with an upper-case letter, a lower-case letter and a digit',
  })
  password!: string;
  @ValidateEnum(PLATFORM_ROLE, { optional: true, default: PlatformRole.REGULAR, graphqlNullable: true })
  platformRole?: PlatformRole;
}

@InputType()
export class UpdateUserInput {
  @ValidateEmail({ optional: true, maxLength: 254 }) email?: string;
  @ValidateString({ optional: true, maxLength: 128 }) displayName?: string;
  @ValidateEnum(PLATFORM_ROLE, { optional: true, description: 'Platform admins only' })
  platformRole?: PlatformRole;
  @ValidateEnum(SETTABLE_ACCOUNT_STATE, {
    optional: true,
    message: 'must be Active or Disabled',
    description: 'Active or Disabled; platform admins only',
  })
  state?: 'Active' | 'Disabled';
}

@InputType()
export class ChangePasswordInput {
  @ValidateString({
    optional: true,
    format: 'password',
    description: 'Required when changing your own password',
  })
  currentPassword?: string;
  @ValidatePassword() newPassword!: string;
}
