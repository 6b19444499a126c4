import { pagesOf } from '../common/api/paginated';
import { ObjectType } from '@nestjs/graphql';
import { ACCOUNT_STATE, PLATFORM_ROLE } from '../iam/closed-sets';
import type { PlatformRole } from '../iam/roles';
import {
  EnumField,
  NullableDateField,
  NullableStringField,
  StringField,
} from '../common/api/output-field.decorators';

export type UserState = 'Active' | 'Disabled' | 'Locked';

@ObjectType({ description: 'A Berth account. Credentials are never returned.' })
export class User {
  @StringField() username!: string;
  @StringField() email!: string;
  @NullableStringField() displayName!: string | null;
  @EnumField(PLATFORM_ROLE) platformRole!: PlatformRole;
  @EnumField(ACCOUNT_STATE) state!: UserState;
  @NullableDateField() createdAt!: Date | null;
  @NullableDateField() lastLoginAt!: Date | null;
}

export const USER_PAGES = pagesOf(User, 'User');
