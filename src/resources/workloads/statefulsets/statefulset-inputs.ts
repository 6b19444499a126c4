import { PageQuery } from '../../../common/validation/list-params';
import { DryRunParams } from '../../../common/validation/query-params';
import { IsObjectName } from '../../../common/validation/names';
import { InputType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DomainError } from '../../../common/errors/domain-error';
import {
  FilterEnum,
  FilterString,
  QueryBoolean,
  QueryEnum,
  QueryInt,
  QueryString,
  SortInput,
  ValidateEnum,
  ValidateInt,
  ValidateNested,
  ValidateString,
} from '../../../common/validation/field.decorators';
import { PROTOCOL } from '../../../common/api/kubernetes-sets';
import { PHASE, PHASES } from './statefulset.model';

/** Inputs of StatefulSet operations other than the form, for both transports. */

@InputType()
export class ServicePortInput {
  @ValidateString({
    maxLength: 15,
    pattern: {
      regex: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      message: 'must be lower-case letters, digits and "-"',
    },
  })
  name!: string;
  @ValidateEnum(PROTOCOL, { optional: true }) protocol?: string;
  @ValidateInt({ min: 1, max: 65535 }) port!: number;
  @ValidateInt({ min: 1, max: 65535, description: 'A container port of the StatefulSet' })
  targetPort!: number;
}

@InputType()
export class ServicePortsBody {
  @ValidateNested(ServicePortInput, { each: true, isArray: true, maxItems: 100 }) ports!: ServicePortInput[];
}

/** GraphQL only: REST takes the same filters as query parameters (ListStatefulSetsQuery). */
@InputType()
export class StatefulSetFilter {
  @FilterString({ maxLength: 63, description: 'Part of the name' }) name?: string;
  @FilterString({ maxLength: 1024, description: 'A Kubernetes label selector, e.g. tier=db' })
  labelSelector?: string;
  @FilterEnum(PHASE) status?: (typeof PHASES)[number];
}

export enum StatefulSetSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(StatefulSetSortField, { name: 'StatefulSetSortField' });

@InputType()
export class StatefulSetSort extends SortInput(StatefulSetSortField, StatefulSetSortField.NAME) {}

/** REST list parameters. */
export class ListStatefulSetsQuery extends PageQuery {
  @QueryEnum(['name', 'createdAt']) sortBy?: 'name' | 'createdAt';
  @QueryBoolean({ default: true }) ascending?: boolean;
  @QueryString({ maxLength: 63, description: 'Part of the name' }) name?: string;
  @QueryString({ maxLength: 1024 }) labelSelector?: string;
  @QueryEnum(PHASE) status?: (typeof PHASES)[number];
}

export class DeleteStatefulSetQuery extends DryRunParams {
  @QueryBoolean({ default: true }) deleteService?: boolean;
  @QueryBoolean({
    default: false,
    description: 'Also delete the claims made from the volume claim templates (their data goes)',
  })
  deleteVolumes?: boolean;
}

export class LogsQuery {
  @ApiPropertyOptional() @IsOptional() @IsObjectName('container') container?: string;
  @QueryInt({ min: 0, max: 100_000 }) tailLines?: number;
  @QueryInt({ min: 1 }) sinceSeconds?: number;
  @QueryBoolean() timestamps?: boolean;
  @QueryBoolean({ description: 'Stream until the client disconnects' }) follow?: boolean;
}

export class ScaleBody {
  @ApiProperty() @IsInt() @Min(0, { message: 'must not be negative' }) @Max(1000) replicas!: number;
}

export class RollbackBody {
  @ApiProperty({ description: 'The revision number to restore' }) @IsInt() @Min(1) revision!: number;
}

export class UpdateStatefulSetQuery extends DryRunParams {
  @QueryString({
    description: 'From the StatefulSet as read (a stale one gets 409); for YAML, the YAML may carry it',
  })
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

/** A kind as Kubernetes spells one (PascalCase letters), so it can stand in a field selector. */
export function checkedKind(kind: string | undefined | null): string | undefined {
  if (kind === undefined || kind === null || kind === '') return undefined;
  if (!/^[A-Z][A-Za-z0-9]{0,62}$/.test(kind))
    throw DomainError.badField('kind', 'must be a Kubernetes kind, e.g. StatefulSet');
  return kind;
}

const AFTER_DESCRIPTION =
  'Resume after this resourceVersion (an earlier message’s id; the Last-Event-ID header works too). Too old: 410 EXPIRED';

/** REST change stream of one object: where to resume. */
export class WatchQuery {
  @QueryString({ maxLength: 30, description: AFTER_DESCRIPTION }) after?: string;
}

/** REST change stream of a list: the list's filters and where to resume. */
export class WatchStatefulSetsQuery extends WatchQuery {
  @QueryString({ maxLength: 63, description: 'Part of the name' }) name?: string;
  @QueryString({ maxLength: 1024 }) labelSelector?: string;
  @QueryEnum(PHASE) status?: (typeof PHASES)[number];
}

/** REST change stream of a project's events (of one object when kind and name are given). */
export class WatchEventsQuery extends WatchQuery {
  @QueryString({ maxLength: 63, description: 'e.g. StatefulSet or Pod' }) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsObjectName('object') name?: string;
}
