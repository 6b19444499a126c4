import { InputType, ObjectType } from '@nestjs/graphql';
import {
  DateField,
  NullableDateField,
  ObjectField,
  StringField,
} from '../common/api/output-field.decorators';
import { ValidateDate, ValidateDnsLabel, ValidateEnum } from '../common/validation/field.decorators';

const SCOPES = ['read-only', 'read-write'];

@ObjectType({ description: 'A named token for automation. The secret is shown only when it is created.' })
export class ApiToken {
  @StringField() name!: string;
  @StringField({ enum: SCOPES, description: 'read-only or read-write' }) scope!: string;
  @DateField() createdAt!: Date;
  @NullableDateField() expiresAt!: Date | null;
  @NullableDateField() lastUsedAt!: Date | null;
}

@ObjectType()
export class CreatedApiToken {
  @StringField({
    description: 'Send as "Authorization: Bearer <token>". Shown once; Berth keeps only a hash.',
  })
  token!: string;
  @ObjectField(ApiToken) apiToken!: ApiToken;
}

@InputType()
export class CreateApiTokenInput {
  @ValidateDnsLabel({ example: 'ci-deployer' }) name!: string;
  @ValidateEnum(SCOPES, {
    optional: true,
    default: 'read-only',
    message: 'must be read-only or read-write',
    description: 'read-only or read-write',
  })
  scope?: 'read-only' | 'read-write';
  @ValidateDate({ optional: true, description: 'When the token stops working (default: never)' })
  expiresAt?: Date;
}
