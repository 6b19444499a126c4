import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  isQualifiedName,
  isLabelValue,
  LABEL_KEY_MESSAGE,
  LABEL_VALUE_MESSAGE,
} from '../../common/validation/labels';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import type { FieldError } from '../../common/errors/domain-error';
import { IsDnsLabel } from '../../common/validation/names';
import { bool } from '../../common/validation/query-params';
import { isQuantity, parseQuantity, QUANTITY_MESSAGE } from '../../kube/quantity';
import { CLAIM_PHASES, ClaimPhase, VOLUME_MODES } from './volume.model';
import { KeyValue } from '../../common/api/vocabulary';
import { SortDirection } from '../../common/api/vocabulary';
import { ACCESS_MODES } from '../../kube/access-modes';

/** Inputs of the volume operations, for both transports. */

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

/** Why `size` is not a storage size, or null when it is one. */
export function sizeProblem(size: unknown): string | null {
  if (typeof size !== 'string' || !isQuantity(size)) return QUANTITY_MESSAGE;
  if (!(parseQuantity(size) >= 1)) return 'must be at least 1 byte';
  return null;
}

/** A storage size: a positive Kubernetes quantity such as 10Gi. */
function IsStorageSize(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStorageSize',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => sizeProblem(value) === null,
        defaultMessage: (args) => sizeProblem(args?.value) ?? 'is invalid',
      },
    });
}

@InputType()
export class CreateVolumeInput {
  @Field() @ApiProperty({ example: 'data' }) @IsDnsLabel(253) name!: string;
  @Field(() => String, { nullable: true, description: 'Default: the default StorageClass' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsDnsLabel(253)
  storageClass?: string;
  @Field(() => [String], { description: ACCESS_MODES.join(', ') })
  @ApiProperty({ enum: ACCESS_MODES, isArray: true, example: ['ReadWriteOnce'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one access mode' })
  @ArrayUnique({ message: 'must not repeat an access mode' })
  @IsIn(ACCESS_MODES, { each: true, ...oneOf(ACCESS_MODES) })
  accessModes!: string[];
  @Field({ description: 'A Kubernetes quantity, e.g. 10Gi' })
  @ApiProperty({ example: '1Gi' })
  @IsStorageSize()
  size!: string;
  @Field(() => String, { nullable: true, defaultValue: 'Filesystem', description: VOLUME_MODES.join(' or ') })
  @ApiPropertyOptional({ enum: VOLUME_MODES, default: 'Filesystem' })
  @IsOptional()
  @IsIn(VOLUME_MODES, oneOf(VOLUME_MODES))
  volumeMode?: string;
  @Field(() => [KeyValue], { nullable: true })
  @ApiPropertyOptional({ type: [KeyValue] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => KeyValue)
  labels?: KeyValue[];
}

@InputType()
export class VolumeClaimFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  name?: string;
  @Field(() => String, { nullable: true, description: CLAIM_PHASES.join(', ') })
  @IsOptional()
  @IsIn(CLAIM_PHASES, oneOf(CLAIM_PHASES))
  status?: ClaimPhase;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(253) storageClass?: string;
  @Field(() => String, { nullable: true, description: 'A Kubernetes label selector, e.g. tier=db' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  labelSelector?: string;
}

export enum VolumeClaimSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  CAPACITY = 'CAPACITY',
}
registerEnumType(VolumeClaimSortField, { name: 'VolumeClaimSortField' });

@InputType()
export class VolumeClaimSort {
  @Field(() => VolumeClaimSortField, { defaultValue: VolumeClaimSortField.NAME })
  @IsEnum(VolumeClaimSortField)
  field!: VolumeClaimSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

const REST_SORT = ['name', 'createdAt', 'capacity'] as const;
export const REST_SORT_FIELD: Record<(typeof REST_SORT)[number], VolumeClaimSortField> = {
  name: VolumeClaimSortField.NAME,
  createdAt: VolumeClaimSortField.CREATED_AT,
  capacity: VolumeClaimSortField.CAPACITY,
};

/** REST list parameters. */
export class ListVolumesQuery {
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ description: 'From the previous page' }) @IsOptional() @IsString() continue?: string;
  @ApiPropertyOptional({ enum: REST_SORT, description: 'capacity: the bound size, else the requested one' })
  @IsOptional()
  @IsIn(REST_SORT, oneOf(REST_SORT))
  sortBy?: (typeof REST_SORT)[number];
  @ApiPropertyOptional({ default: true }) @IsOptional() @bool() @IsBoolean() ascending?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  name?: string;
  @ApiPropertyOptional({ enum: CLAIM_PHASES })
  @IsOptional()
  @IsIn(CLAIM_PHASES, oneOf(CLAIM_PHASES))
  status?: ClaimPhase;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(253) storageClass?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) labelSelector?: string;
}

export class ExpandVolumeBody {
  @ApiProperty({ example: '20Gi', description: 'The new size; larger than the current one' })
  @IsString()
  size!: string;
}

/** What class-validator cannot say about labels: Kubernetes' rules for keys and values, and repeats. */
export function labelProblems(labels: readonly KeyValue[] | undefined, path: string): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  (labels ?? []).forEach(({ key, value }, i) => {
    if (!isQualifiedName(key)) problems.push({ path: `${path}[${i}].key`, message: LABEL_KEY_MESSAGE });
    else if (seen.has(key)) problems.push({ path: `${path}[${i}].key`, message: `"${key}" appears twice` });
    seen.add(key);
    if (!isLabelValue(value)) problems.push({ path: `${path}[${i}].value`, message: LABEL_VALUE_MESSAGE });
  });
  return problems;
}
