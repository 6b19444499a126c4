import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { WorkloadUseView } from '../../../common/key-value-data';
import { IsDnsLabel } from '../../../common/validation/names';
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
export class SecretView {
  @Field() @ApiProperty() name!: string;
  @Field(() => SecretKind) @ApiProperty({ enum: SecretKind }) kind!: SecretKind;
  @Field({ description: 'The Kubernetes type, e.g. Opaque' }) @ApiProperty() type!: string;
  @Field(() => [String], { description: 'Values are read with secretValues' })
  @ApiProperty({ type: [String] })
  keys!: string[];
  @Field(() => [KeyValue]) @ApiProperty({ type: [KeyValue] }) labels!: KeyValue[];
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who created it through Berth' })
  @ApiPropertyOptional({ type: String, nullable: true })
  creator!: string | null;
  @Field({ description: 'Send it back with an update, so a change made meanwhile is not overwritten' })
  @ApiProperty()
  resourceVersion!: string;
  @Field(() => [WorkloadUseView]) @ApiProperty({ type: [WorkloadUseView] }) usedBy!: WorkloadUseView[];
}

@ObjectType()
export class SecretValues {
  @Field() @ApiProperty() name!: string;
  @Field(() => [KeyValue], { description: 'Decoded values (binary values as base64)' })
  @ApiProperty({ type: [KeyValue] })
  data!: KeyValue[];
}

@InputType()
export class RegistryCredentialsInput {
  @Field({ description: 'Registry host (and port), e.g. registry.example.com:5000' })
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(253)
  server!: string;
  @Field() @ApiProperty() @IsString() @MinLength(1) @MaxLength(253) username!: string;
  @Field() @ApiProperty() @IsString() @MinLength(1) @MaxLength(4096) password!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  email?: string;
}

@InputType()
export class SecretDataInput {
  @Field(() => [KeyValue], { nullable: true, description: 'OPAQUE: the data (replaces all of it)' })
  @ApiPropertyOptional({ type: [KeyValue] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => KeyValue)
  data?: KeyValue[];
  @Field(() => RegistryCredentialsInput, { nullable: true, description: 'IMAGE_REGISTRY: the credentials' })
  @ApiPropertyOptional({ type: RegistryCredentialsInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistryCredentialsInput)
  registry?: RegistryCredentialsInput;
  @Field(() => [KeyValue], { nullable: true, description: 'Replaces the labels when given' })
  @ApiPropertyOptional({ type: [KeyValue] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyValue)
  labels?: KeyValue[];
}

const CREATABLE = [SecretKind.OPAQUE, SecretKind.IMAGE_REGISTRY];

@InputType()
export class CreateSecretInput extends SecretDataInput {
  @Field() @ApiProperty() @IsDnsLabel(253) name!: string;
  @Field(() => SecretKind)
  @ApiProperty({ enum: CREATABLE })
  @IsEnum(CREATABLE, { message: `must be one of ${CREATABLE.join(', ')}` })
  kind!: SecretKind.OPAQUE | SecretKind.IMAGE_REGISTRY;
}
