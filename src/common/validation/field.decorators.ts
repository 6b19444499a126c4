import { applyDecorators, type Type as Class } from '@nestjs/common';
import { Field, type FieldOptions, InputType, Int, type ReturnTypeFunc } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested as ValidateNestedObjects,
  type ValidationOptions,
} from 'class-validator';
import type { ClosedSet } from '../api/closed-set';
import { KeyValue, SortDirection } from '../api/vocabulary';
import { IsDnsLabel, IsPassword } from './names';
import { bool } from './query-params';

/**
 * One decorator per field of a class that is at once a GraphQL type (input and object), an OpenAPI
 * schema and a class-validator input, instead of a stack of `@Field`, `@ApiProperty` and checks that
 * must agree with each other: the field is said once (its type, whether it is optional, its bounds).
 * Read models (output only): ../api/output-field.decorators. Below the field decorators: list
 * arguments (Filter*, SortInput) and REST query parameters (Query*).
 *
 * - optional: nullable in GraphQL (unless it has a default), not required in OpenAPI, `@IsOptional`.
 * - description: the GraphQL description only; `example` is OpenAPI's. (The form's OpenAPI schemas
 *   never carried descriptions, and moving a model onto these decorators must not change them.)
 * - default: declared to both transports; graphqlDefault: to GraphQL only, where OpenAPI has none.
 * - graphqlNullable: nullable in GraphQL even with a default (`String = "x"`, not `String! = "x"`),
 *   as some inputs have been.
 * - format: OpenAPI's (`password`).
 * - openApi: false: no OpenAPI property, for GraphQL-only inputs (filters) that have never had one.
 */
export interface FieldRules {
  optional?: boolean;
  description?: string;
  example?: unknown;
  default?: unknown;
  graphqlDefault?: unknown;
  graphqlNullable?: boolean;
  format?: string;
  openApi?: false;
}

/** A bound, with its own message where class-validator's would not do. */
export type Bound = number | { value: number; message: string };

/** A regular expression and what to say when a value does not match it. */
export interface Pattern {
  regex: RegExp;
  message: string;
}

export const ABSOLUTE_PATH: Pattern = { regex: /^\//, message: 'must be an absolute path' };
export const RELATIVE_PATH: Pattern = { regex: /^(?!\/)/, message: 'must be a relative path' };

/**
 * A list of items: `each` checks every item; the sizes bound the list. isArray: also says when the
 * value is not a list at all; unique: the message for an item given twice.
 */
export interface ListRules {
  each?: boolean;
  minItems?: Bound;
  maxItems?: Bound;
  isArray?: boolean;
  unique?: string;
}

export function oneOfMessage(values: readonly string[]): string {
  return `must be one of ${values.join(', ')}`;
}

/** The options of an `@IsIn(values, …)` written by hand, so its message says the same as ValidateEnum's. */
export function oneOf(values: readonly string[]): ValidationOptions {
  return { message: oneOfMessage(values) };
}

/** A string: its length, and the pattern it matches. `each`: a list of strings. */
export function ValidateString(
  rules: FieldRules & ListRules & { minLength?: Bound; maxLength?: Bound; pattern?: Pattern } = {},
): PropertyDecorator {
  const each = rules.each === true;
  return validated(each ? () => [String] : () => String, each ? { type: [String] } : {}, rules, [
    IsString(options(each)),
    ...bound(MinLength, rules.minLength, each),
    ...bound(MaxLength, rules.maxLength, each),
    ...(rules.pattern ? [Matches(rules.pattern.regex, options(each, rules.pattern.message))] : []),
    ...listChecks(rules),
  ]);
}

/** A string checked only against `pattern`, whose message then also answers a value of another type. */
export function ValidatePattern(pattern: Pattern, rules: FieldRules = {}): PropertyDecorator {
  return validated(() => String, {}, rules, [Matches(pattern.regex, { message: pattern.message })]);
}

/** A Kubernetes-style name (see IsDnsLabel), of at most `max` characters. */
export function ValidateDnsLabel(rules: FieldRules & ListRules & { max?: number } = {}): PropertyDecorator {
  const each = rules.each === true;
  return validated(each ? () => [String] : () => String, each ? { type: [String] } : {}, rules, [
    IsDnsLabel(rules.max, { each }),
    ...listChecks(rules),
  ]);
}

/** An integer (GraphQL Int) within `min` and `max`. */
export function ValidateInt(rules: FieldRules & { min?: Bound; max?: Bound } = {}): PropertyDecorator {
  return validated(() => Int, {}, rules, [
    IsInt(),
    ...bound(Min, rules.min, false),
    ...bound(Max, rules.max, false),
  ]);
}

export function ValidateBoolean(rules: FieldRules = {}): PropertyDecorator {
  return validated(() => Boolean, {}, rules, [IsBoolean()]);
}

/** An email address, of at most `maxLength` characters. */
export function ValidateEmail(rules: FieldRules & { maxLength?: Bound } = {}): PropertyDecorator {
  return validated(() => String, {}, rules, [
    IsEmail({}, { message: 'must be an email address' }),
    ...bound(MaxLength, rules.maxLength, false),
  ]);
}

/** A new password, held to the password policy (IsPassword); an OpenAPI `password`. */
export function ValidatePassword(rules: FieldRules = {}): PropertyDecorator {
  return validated(() => String, { format: 'password' }, rules, [IsPassword()]);
}

/** A date-time (GraphQL DateTime), as an ISO 8601 string on the wire. */
export function ValidateDate(rules: FieldRules = {}): PropertyDecorator {
  return validated(() => Date, { type: Date }, rules, [
    Type(() => Date),
    IsDate({ message: 'must be an ISO 8601 date-time' }),
  ]);
}

/**
 * One of `values` (a GraphQL String, an OpenAPI enum), with a message that lists them (or `message`).
 * `each`: a list of them. `openApiEnum: false`: a plain string in OpenAPI, where it has been one.
 * With `isArray`, the list's checks (a list, its size, repeats) are listed before the items' check,
 * as the hand-written stacks outside the StatefulSet form had them; without, after it, as the form
 * has them. The order is the order class-validator reports a field's problems in (see validated).
 */
export function ValidateEnum(
  set: readonly string[] | ClosedSet,
  rules: FieldRules & ListRules & { openApiEnum?: boolean; message?: string } = {},
): PropertyDecorator {
  const closed = isClosedSet(set) ? set : undefined;
  const values = closed ? closed.values : (set as readonly string[]);
  const each = rules.each === true;
  const openApi: ApiPropertyOptions = {
    ...(rules.openApiEnum !== false ? { enum: values } : {}),
    ...(closed && rules.openApiEnum !== false ? { enumName: closed.name } : {}),
    ...(each ? { isArray: true } : {}),
  };
  const item = IsIn(values, options(each, rules.message ?? oneOfMessage(values)));
  const list = listChecks(rules);
  const type = closed ? closed.graphql : String;
  return validated(
    each ? () => [type] : () => type,
    openApi,
    rules,
    rules.isArray === true ? [...list, item] : [item, ...list],
  );
}

function isClosedSet(set: readonly string[] | ClosedSet): set is ClosedSet {
  return !Array.isArray(set);
}

/**
 * An object of class `type`, validated in depth (class-validator's ValidateNested with
 * class-transformer's Type). `each`: a list of them.
 */
export function ValidateNested(type: Class<object>, rules: FieldRules & ListRules = {}): PropertyDecorator {
  const each = rules.each === true;
  return validated(each ? () => [type] : () => type, { type: each ? [type] : type }, rules, [
    ValidateNestedObjects(each ? { each } : undefined),
    Type(() => type),
    ...listChecks(rules),
  ]);
}

/**
 * A field of a GraphQL list's `filter` argument: always optional, GraphQL only (REST takes the same
 * filters as query parameters, with Query*).
 */
export function FilterString(
  rules: Pick<FieldRules, 'description'> & { maxLength?: Bound } = {},
): PropertyDecorator {
  return ValidateString({ ...rules, optional: true, openApi: false });
}

export function FilterEnum(
  values: readonly string[] | ClosedSet,
  rules: Pick<FieldRules, 'description'> = {},
): PropertyDecorator {
  return ValidateEnum(values, { ...rules, optional: true, openApi: false });
}

/**
 * A GraphQL list's `sort` argument: a field of `fields` (`defaultField` unless given) and a direction
 * (ascending unless given). GraphQL only: REST sorts with query parameters.
 * `@InputType() class VolumeClaimSort extends SortInput(VolumeClaimSortField, VolumeClaimSortField.NAME) {}`
 */
export function SortInput<F extends string>(
  fields: Record<string, F>,
  defaultField: F,
): Class<{ field: F; direction: SortDirection }> {
  @InputType({ isAbstract: true })
  abstract class Sort {
    @Field(() => fields, { defaultValue: defaultField }) @IsEnum(fields) field!: F;
    @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
    @IsEnum(SortDirection)
    direction!: SortDirection;
  }
  return Sort as Class<Sort>;
}

/**
 * A REST query parameter: always optional, OpenAPI and class-validator only (GraphQL takes
 * arguments), and read from text. Unlike FieldRules', `description` here is OpenAPI's: a parameter
 * has no other place to say it.
 */
export interface QueryRules {
  description?: string;
  default?: unknown;
}

export function QueryString(rules: QueryRules & { maxLength?: number } = {}): PropertyDecorator {
  return queryParameter({}, rules, [IsString(), ...bound(MaxLength, rules.maxLength, false)]);
}

/** An integer, converted from the query string's text. */
export function QueryInt(rules: QueryRules & { min?: number; max?: number } = {}): PropertyDecorator {
  return queryParameter({}, rules, [
    Type(() => Number),
    IsInt(),
    ...bound(Min, rules.min, false),
    ...bound(Max, rules.max, false),
  ]);
}

/** A boolean, given as "true" or "false". */
export function QueryBoolean(rules: QueryRules = {}): PropertyDecorator {
  return queryParameter({}, rules, [bool(), IsBoolean()]);
}

export function QueryEnum(set: readonly string[] | ClosedSet, rules: QueryRules = {}): PropertyDecorator {
  const values = isClosedSet(set) ? set.values : set;
  const openApi = isClosedSet(set) ? { enum: values, enumName: set.name } : { enum: values };
  return queryParameter(openApi, rules, [IsIn(values, oneOf(values))]);
}

/** Listed and applied as `validated` does, so the checks report in the order written. */
function queryParameter(
  openApi: ApiPropertyOptions,
  rules: QueryRules,
  checks: PropertyDecorator[],
): PropertyDecorator {
  const property: ApiPropertyOptions = {
    ...openApi,
    ...(rules.default !== undefined ? { default: rules.default } : {}),
    ...(rules.description !== undefined ? { description: rules.description } : {}),
  };
  return applyDecorators(...[ApiPropertyOptional(property), IsOptional(), ...checks].reverse());
}

/**
 * The decorators of one field, listed as the stack they replace would be written and applied last
 * to first as that stack would be: class-validator then reports a field's problems in that order.
 */
function validated(
  graphqlType: ReturnTypeFunc,
  openApi: ApiPropertyOptions,
  rules: FieldRules,
  checks: PropertyDecorator[],
): PropertyDecorator {
  const optional = rules.optional === true;
  const graphqlDefault = rules.graphqlDefault ?? rules.default;
  const nullable = rules.graphqlNullable ?? (optional && graphqlDefault === undefined);
  const field: FieldOptions = {
    ...(nullable ? { nullable: true } : {}),
    ...(graphqlDefault !== undefined ? { defaultValue: graphqlDefault } : {}),
    ...(rules.description !== undefined ? { description: rules.description } : {}),
  };
  const property: ApiPropertyOptions = {
    ...openApi,
    ...(rules.format !== undefined ? { format: rules.format } : {}),
    ...(rules.example !== undefined ? { example: rules.example } : {}),
    ...(rules.default !== undefined ? { default: rules.default } : {}),
  };
  const documented =
    rules.openApi === false ? [] : [optional ? ApiPropertyOptional(property) : ApiProperty(property)];
  const stack = [Field(graphqlType, field), ...documented, ...(optional ? [IsOptional()] : []), ...checks];
  return applyDecorators(...stack.reverse());
}

function options(each: boolean, message?: string): ValidationOptions | undefined {
  if (!each && message === undefined) return undefined;
  return { ...(each ? { each } : {}), ...(message !== undefined ? { message } : {}) };
}

function bound(
  check: (value: number, options?: ValidationOptions) => PropertyDecorator,
  value: Bound | undefined,
  each: boolean,
): PropertyDecorator[] {
  if (value === undefined) return [];
  return typeof value === 'number'
    ? [check(value, options(each))]
    : [check(value.value, options(each, value.message))];
}

/** The checks of a list as a whole, in the order the hand-written stacks had them. */
function listChecks(rules: ListRules): PropertyDecorator[] {
  return [
    ...(rules.isArray === true ? [IsArray()] : []),
    ...bound(ArrayMinSize, rules.minItems, false),
    ...bound(ArrayMaxSize, rules.maxItems, false),
    ...(rules.unique !== undefined ? [ArrayUnique({ message: rules.unique })] : []),
  ];
}

/** The labels an update of a ConfigMap or Secret may give: when given, they replace the old ones. */
export function ValidateLabelsUpdate(): PropertyDecorator {
  return ValidateNested(KeyValue, {
    optional: true,
    each: true,
    isArray: true,
    maxItems: 100,
    description: 'Replaces the labels when given',
  });
}
