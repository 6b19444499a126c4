import { PageQuery } from '../../common/validation/list-params';
import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import {
  isQualifiedName,
  isLabelValue,
  LABEL_KEY_MESSAGE,
  LABEL_VALUE_MESSAGE,
} from '../../common/validation/labels';
import { IsString, registerDecorator } from 'class-validator';
import type { FieldError } from '../../common/errors/domain-error';
import {
  FilterEnum,
  FilterString,
  QueryBoolean,
  QueryEnum,
  QueryString,
  SortInput,
  ValidateDnsLabel,
  ValidateEnum,
  ValidateNested,
} from '../../common/validation/field.decorators';
import { isQuantity, parseQuantity, QUANTITY_MESSAGE } from '../../kube/quantity';
import { CLAIM_PHASE, ClaimPhase } from './volume.model';
import { KeyValue } from '../../common/api/vocabulary';
import { ACCESS_MODE, VOLUME_MODE } from '../../common/api/kubernetes-sets';

/** Inputs of the volume operations, for both transports. */

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
  @ValidateDnsLabel({ max: 253, example: 'data' }) name!: string;
  @ValidateDnsLabel({ optional: true, max: 253, description: 'Default: the default StorageClass' })
  storageClass?: string;
  @ValidateEnum(ACCESS_MODE, {
    each: true,
    isArray: true,
    minItems: { value: 1, message: 'must name at least one access mode' },
    unique: 'must not repeat an access mode',
    description: ACCESS_MODE.values.join(', '),
    example: ['ReadWriteOnce'],
  })
  accessModes!: string[];
  // A storage size has its own check, with its own messages (IsStorageSize).
  @Field({ description: 'A Kubernetes quantity, e.g. 10Gi' })
  @ApiProperty({ example: '1Gi' })
  @IsStorageSize()
  size!: string;
  @ValidateEnum(VOLUME_MODE, {
    optional: true,
    default: 'Filesystem',
    graphqlNullable: true,
    description: VOLUME_MODE.values.join(' or '),
  })
  volumeMode?: string;
  @ValidateNested(KeyValue, { optional: true, each: true, isArray: true, maxItems: 64 }) labels?: KeyValue[];
}

/** GraphQL only: REST takes the same filters as query parameters (ListVolumesQuery). */
@InputType()
export class VolumeClaimFilter {
  @FilterString({ maxLength: 253, description: 'Part of the name' }) name?: string;
  @FilterEnum(CLAIM_PHASE) status?: ClaimPhase;
  @FilterString({ maxLength: 253 }) storageClass?: string;
  @FilterString({ maxLength: 1024, description: 'A Kubernetes label selector, e.g. tier=db' })
  labelSelector?: string;
}

export enum VolumeClaimSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  CAPACITY = 'CAPACITY',
}
registerEnumType(VolumeClaimSortField, { name: 'VolumeClaimSortField' });

@InputType()
export class VolumeClaimSort extends SortInput(VolumeClaimSortField, VolumeClaimSortField.NAME) {}

const REST_SORT = ['name', 'createdAt', 'capacity'] as const;
export const REST_SORT_FIELD: Record<(typeof REST_SORT)[number], VolumeClaimSortField> = {
  name: VolumeClaimSortField.NAME,
  createdAt: VolumeClaimSortField.CREATED_AT,
  capacity: VolumeClaimSortField.CAPACITY,
};

/** REST list parameters. */
export class ListVolumesQuery extends PageQuery {
  @QueryEnum(REST_SORT, { description: 'capacity: the bound size, else the requested one' })
  sortBy?: (typeof REST_SORT)[number];
  @QueryBoolean({ default: true }) ascending?: boolean;
  @QueryString({ maxLength: 253, description: 'Part of the name' }) name?: string;
  @QueryEnum(CLAIM_PHASE) status?: ClaimPhase;
  @QueryString({ maxLength: 253 }) storageClass?: string;
  @QueryString({ maxLength: 1024 }) labelSelector?: string;
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
