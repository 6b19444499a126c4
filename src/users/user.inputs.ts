import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDnsLabel, IsPassword } from '../common/validation/names';
import { PlatformRole } from '../iam/roles';

const PLATFORM_ROLES = Object.values(PlatformRole);

@InputType()
export class CreateUserInput {
  @Field() @ApiProperty({ example: 'project-regular' }) @IsDnsLabel() username!: string;
  @Field()
  @ApiProperty()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  displayName?: string;
  @Field({ description: '8-64 characters with an upper-case letter, a lower-case letter and a digit' })
  @ApiProperty({ format: 'password' })
  @IsPassword()
  password!: string;
  @Field(() => String, { nullable: true, defaultValue: PlatformRole.REGULAR })
  @ApiPropertyOptional({ enum: PLATFORM_ROLES, default: PlatformRole.REGULAR })
  @IsOptional()
  @IsIn(PLATFORM_ROLES, { message: `must be one of ${PLATFORM_ROLES.join(', ')}` })
  platformRole?: PlatformRole;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  displayName?: string;
  @Field(() => String, { nullable: true, description: 'Platform admins only' })
  @ApiPropertyOptional({ enum: PLATFORM_ROLES })
  @IsOptional()
  @IsIn(PLATFORM_ROLES, { message: `must be one of ${PLATFORM_ROLES.join(', ')}` })
  platformRole?: PlatformRole;
  @Field(() => String, { nullable: true, description: 'Active or Disabled; platform admins only' })
  @ApiPropertyOptional({ enum: ['Active', 'Disabled'] })
  @IsOptional()
  @IsIn(['Active', 'Disabled'], { message: 'must be Active or Disabled' })
  state?: 'Active' | 'Disabled';
}

@InputType()
export class ChangePasswordInput {
  @Field({ nullable: true, description: 'Required when changing your own password' })
  @ApiPropertyOptional({ format: 'password' })
  @IsOptional()
  @IsString()
  currentPassword?: string;
  @Field() @ApiProperty({ format: 'password' }) @IsPassword() newPassword!: string;
}
