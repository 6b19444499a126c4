import { pagesOf } from '../../../common/api/paginated';
import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { ConfigObjectView } from '../../../common/key-value-data';
import {
  oneOf,
  ValidateDnsLabel,
  ValidateEmail,
  ValidateLabelsUpdate,
  ValidateNested,
  ValidateString,
} from '../../../common/validation/field.decorators';
import { ListField, StringField } from '../../../common/api/output-field.decorators';
import { KeyValue } from '../../../common/api/vocabulary';

export enum SecretKind {
  /** `Opaque`: any key/value data. */
  OPAQUE = 'OPAQUE',
  /** `kubernetes.io/dockerconfigjson`: credentials for pulling images from a private registry. */
  IMAGE_REGISTRY = 'IMAGE_REGISTRY',
  /** Any other Kubernetes type (service account tokens, TLS…): shown, not made here. */
  OTHER = 'OTHER',
}
registerEnumType(SecretKind, { name: 'SecretKind' });

export const KUBE_SECRET_TYPE = {
  [SecretKind.OPAQUE]: 'Opaque',
  [SecretKind.IMAGE_REGISTRY]: 'kubernetes.io/dockerconfigjson',
} as const;

/** A Secret as every project member may see it: its keys, never its values. */
@ObjectType('Secret')
export class SecretView extends ConfigObjectView {
  @StringField() name!: string;
  @Field(() => SecretKind) @ApiProperty({ enum: SecretKind }) kind!: SecretKind;
  @StringField({ description: 'The Kubernetes type, e.g. Opaque' }) type!: string;
  @ListField(String, { description: 'Values are read with secretValues' }) keys!: string[];
}

@ObjectType()
export class SecretValues {
  @StringField() name!: string;
  @ListField(KeyValue, { description: 'Decoded values (binary values as base64)' }) data!: KeyValue[];
}

@InputType()
export class RegistryCredentialsInput {
  @ValidateString({
    minLength: 1,
    maxLength: 253,
    description: 'Registry host (and port), e.g. registry.example.com:5000',
  })
  server!: string;
  @ValidateString({ minLength: 1, maxLength: 253 }) username!: string;
  @ValidateString({ minLength: 1, maxLength: 4096 }) password!: string;
  @ValidateEmail({ optional: true }) email?: string;
}

@InputType()
export class SecretDataInput {
  @ValidateNested(KeyValue, {
    optional: true,
    each: true,
    isArray: true,
    maxItems: 1000,
    description: 'OPAQUE: the data (replaces all of it)',
  })
  data?: KeyValue[];
  @ValidateNested(RegistryCredentialsInput, {
    optional: true,
    description: 'IMAGE_REGISTRY: the credentials',
  })
  registry?: RegistryCredentialsInput;
  @ValidateLabelsUpdate()
  labels?: KeyValue[];
}

const CREATABLE = [SecretKind.OPAQUE, SecretKind.IMAGE_REGISTRY];

@InputType()
export class CreateSecretInput extends SecretDataInput {
  @ValidateDnsLabel({ max: 253 }) name!: string;
  // A GraphQL enum (SecretKind) of which only some values may be created: not a ValidateEnum.
  @Field(() => SecretKind)
  @ApiProperty({ enum: CREATABLE })
  @IsEnum(CREATABLE, oneOf(CREATABLE))
  kind!: SecretKind.OPAQUE | SecretKind.IMAGE_REGISTRY;
}

export const SECRET_PAGES = pagesOf(SecretView, 'Secret');
