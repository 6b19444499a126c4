import { bool, DryRunParams } from '../../../common/validation/query-params';
import { IsObjectName } from '../../../common/validation/names';
import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DomainError } from '../../../common/errors/domain-error';
import { PROTOCOLS } from './statefulset-form-ports.model';
import { PHASES } from './statefulset.model';
import { SortDirection } from '../../../common/api/vocabulary';

/** Inputs of StatefulSet operations other than the form, for both transports. */

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

@InputType()
export class ServicePortInput {
  @Field()
  @ApiProperty()
  @IsString()
  @MaxLength(15)
  @Matches(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { message: 'must be lower-case letters, digits and "-"' })
  name!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ enum: PROTOCOLS })
  @IsOptional()
  @IsIn(PROTOCOLS, oneOf(PROTOCOLS))
  protocol?: string;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(1) @Max(65535) port!: number;
  @Field(() => Int, { description: 'A container port of the StatefulSet' })
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(65535)
  targetPort!: number;
}

@InputType()
export class ServicePortsBody {
  @Field(() => [ServicePortInput])
  @ApiProperty({ type: [ServicePortInput] })
  @Type(() => ServicePortInput)
  @IsArray()
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  ports!: ServicePortInput[];
}

@InputType()
export class StatefulSetFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  name?: string;
  @Field(() => String, { nullable: true, description: 'A Kubernetes label selector, e.g. tier=db' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  labelSelector?: string;
  @Field(() => String, { nullable: true, description: PHASES.join(', ') })
  @IsOptional()
  @IsIn(PHASES, oneOf(PHASES))
  status?: (typeof PHASES)[number];
}

export enum StatefulSetSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(StatefulSetSortField, { name: 'StatefulSetSortField' });

@InputType()
export class StatefulSetSort {
  @Field(() => StatefulSetSortField, { defaultValue: StatefulSetSortField.NAME })
  @IsEnum(StatefulSetSortField)
  field!: StatefulSetSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

/** REST list parameters. */
export class ListStatefulSetsQuery {
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ description: 'From the previous page' }) @IsOptional() @IsString() continue?: string;
  @ApiPropertyOptional({ enum: ['name', 'createdAt'] })
  @IsOptional()
  @IsIn(['name', 'createdAt'], oneOf(['name', 'createdAt']))
  sortBy?: 'name' | 'createdAt';
  @ApiPropertyOptional({ default: true }) @IsOptional() @bool() @IsBoolean() ascending?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) labelSelector?: string;
  @ApiPropertyOptional({ enum: PHASES })
  @IsOptional()
  @IsIn(PHASES, oneOf(PHASES))
  status?: (typeof PHASES)[number];
}

export class DeleteStatefulSetQuery extends DryRunParams {
  @ApiPropertyOptional({ default: true }) @IsOptional() @bool() @IsBoolean() deleteService?: boolean;
  @ApiPropertyOptional({
    default: false,
    description: 'Also delete the claims made from the volume claim templates (their data goes)',
  })
  @IsOptional()
  @bool()
  @IsBoolean()
  deleteVolumes?: boolean;
}

export class LogsQuery {
  @ApiPropertyOptional() @IsOptional() @IsObjectName('container') container?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000) tailLines?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) sinceSeconds?: number;
  @ApiPropertyOptional() @IsOptional() @bool() @IsBoolean() timestamps?: boolean;
  @ApiPropertyOptional({ description: 'Stream until the client disconnects' })
  @IsOptional()
  @bool()
  @IsBoolean()
  follow?: boolean;
}

export class ScaleBody {
  @ApiProperty() @IsInt() @Min(0, { message: 'must not be negative' }) @Max(1000) replicas!: number;
}

export class RollbackBody {
  @ApiProperty({ description: 'The revision number to restore' }) @IsInt() @Min(1) revision!: number;
}

export class UpdateStatefulSetQuery extends DryRunParams {
  @ApiPropertyOptional({
    description: 'From the StatefulSet as read (a stale one gets 409); for YAML, the YAML may carry it',
  })
  @IsOptional()
  @IsString()
  resourceVersion?: string;
}

export class DiffQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) from!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) to!: number;
}

/** GraphQL's Int and a query string allow what the log API does not. */
export function checkedLogOptions<T extends { tailLines?: number; sinceSeconds?: number }>(options: T): T {
  if (options.tailLines !== undefined && options.tailLines < 0)
    throw DomainError.badField('tailLines', 'must not be negative');
  if (options.sinceSeconds !== undefined && options.sinceSeconds < 1)
    throw DomainError.badField('sinceSeconds', 'must be at least 1');
  return options;
}
