import { pagesOf } from '../common/api/paginated';
import { InputType, ObjectType } from '@nestjs/graphql';
import {
  DateField,
  NullableDateField,
  EnumField,
  ObjectField,
  StringField,
} from '../common/api/output-field.decorators';
import { TOKEN_SCOPE } from '../iam/closed-sets';
import type { ApiTokenScope } from '../iam/account.resource';
import { ValidateDate, ValidateDnsLabel, ValidateEnum } from '../common/validation/field.decorators';

@ObjectType({ description: 'A named token for automation. The secret is shown only when it is created.' })
export class ApiToken {
  @StringField() name!: string;
  @EnumField(TOKEN_SCOPE) scope!: ApiTokenScope;
  @DateField() createdAt!: Date;
  @NullableDateField() expiresAt!: Date | null;
  @NullableDateField() lastUsedAt!: Date | null;
}

export const API_TOKEN_PAGES = pagesOf(ApiToken, 'ApiToken');

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
  @ValidateEnum(TOKEN_SCOPE, {
    optional: true,
    default: 'read-only',
    message: 'must be read-only or read-write',
  })
  scope?: ApiTokenScope;
  @ValidateDate({ optional: true, description: 'When the token stops working (default: never)' })
  expiresAt?: Date;
}
