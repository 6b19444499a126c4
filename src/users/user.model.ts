import { ObjectType } from '@nestjs/graphql';
import { NullableDateField, NullableStringField, StringField } from '../common/api/output-field.decorators';

export type UserState = 'Active' | 'Disabled' | 'Locked';

@ObjectType({ description: 'A Berth account. Credentials are never returned.' })
export class User {
  @StringField() username!: string;
  @StringField() email!: string;
  @NullableStringField() displayName!: string | null;
  @StringField({
    enum: ['platform-admin', 'platform-self-provisioner', 'platform-regular'],
    description: 'platform-admin, platform-self-provisioner or platform-regular',
  })
  platformRole!: string;
  @StringField({
    enum: ['Active', 'Disabled', 'Locked'],
    description: 'Active, Disabled, or Locked (after too many failed sign-ins)',
  })
  state!: UserState;
  @NullableDateField() createdAt!: Date | null;
  @NullableDateField() lastLoginAt!: Date | null;
}
