import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export type UserState = 'Active' | 'Disabled' | 'Locked';

@ObjectType({ description: 'A Berth account. Credentials are never returned.' })
export class User {
  @Field() @ApiProperty() username!: string;
  @Field() @ApiProperty() email!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  displayName!: string | null;
  @Field({ description: 'platform-admin, platform-self-provisioner or platform-regular' })
  @ApiProperty({ enum: ['platform-admin', 'platform-self-provisioner', 'platform-regular'] })
  platformRole!: string;
  @Field(() => String, { description: 'Active, Disabled, or Locked (after too many failed sign-ins)' })
  @ApiProperty({ enum: ['Active', 'Disabled', 'Locked'] })
  state!: UserState;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  lastLoginAt!: Date | null;
}
