import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { IsDnsLabel } from '../common/validation/names';

@ObjectType({ description: 'A named token for automation. The secret is shown only when it is created.' })
export class ApiToken {
  @Field() @ApiProperty() name!: string;
  @Field({ description: 'read-only or read-write' })
  @ApiProperty({ enum: ['read-only', 'read-write'] })
  scope!: string;
  @Field(() => Date) @ApiProperty() createdAt!: Date;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  expiresAt!: Date | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType()
export class CreatedApiToken {
  @Field({ description: 'Send as "Authorization: Bearer <token>". Shown once; Berth keeps only a hash.' })
  @ApiProperty()
  token!: string;
  @Field(() => ApiToken) @ApiProperty({ type: ApiToken }) apiToken!: ApiToken;
}

@InputType()
export class CreateApiTokenInput {
  @Field() @ApiProperty({ example: 'ci-deployer' }) @IsDnsLabel() name!: string;
  @Field(() => String, { defaultValue: 'read-only', description: 'read-only or read-write' })
  @ApiPropertyOptional({ enum: ['read-only', 'read-write'], default: 'read-only' })
  @IsOptional()
  @IsIn(['read-only', 'read-write'], { message: 'must be read-only or read-write' })
  scope?: 'read-only' | 'read-write';
  @Field(() => Date, { nullable: true, description: 'When the token stops working (default: never)' })
  @ApiPropertyOptional({ type: Date })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO 8601 date-time' })
  expiresAt?: Date;
}
