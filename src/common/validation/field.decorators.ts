import { applyDecorators, type Type as Class } from '@nestjs/common';
import { Field, type FieldOptions, Int, type ReturnTypeFunc } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
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
import { IsDnsLabel } from './names';

/**
 * One decorator per field of a class that is at once a GraphQL type (input and object), an OpenAPI
 * schema and a class-validator input, instead of a stack of `@Field`, `@ApiProperty` and checks that
 * must agree with each other: the field is said once (its type, whether it is optional, its bounds).
 *
 * - optional: nullable in GraphQL (unless it has a default), not required in OpenAPI, `@IsOptional`.
 * - description: the GraphQL description only; `example` is OpenAPI's. (The form's OpenAPI schemas
 *   never carried descriptions, and moving a model onto these decorators must not change them.)
 * - default: declared to both transports; graphqlDefault: to GraphQL only, where OpenAPI has none.
 */
export interface FieldRules {
  optional?: boolean;
  description?: string;
  example?: unknown;
  default?: unknown;
  graphqlDefault?: unknown;
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

/** A list of items: `each` checks every item; the sizes bound the list. */
export interface ListRules {
  each?: boolean;
  minItems?: Bound;
  maxItems?: Bound;
}

export function oneOfMessage(values: readonly string[]): string {
  return `must be one of ${values.join(', ')}`;
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
    ...sizes(rules),
  ]);
}

/** A string checked only against `pattern`, whose message then also answers a value of another type. */
export function ValidatePattern(pattern: Pattern, rules: FieldRules = {}): PropertyDecorator {
  return validated(() => String, {}, rules, [Matches(pattern.regex, { message: pattern.message })]);
}

/** A Kubernetes-style name (see IsDnsLabel), of at most `max` characters. */
export function ValidateDnsLabel(
  rules: FieldRules & { max?: number; each?: boolean } = {},
): PropertyDecorator {
  const each = rules.each === true;
  return validated(each ? () => [String] : () => String, each ? { type: [String] } : {}, rules, [
    IsDnsLabel(rules.max, { each }),
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

/**
 * One of `values` (a GraphQL String, an OpenAPI enum), with a message that lists them.
 * `each`: a list of them. `openApiEnum: false`: a plain string in OpenAPI, where it has been one.
 */
export function ValidateEnum(
  values: readonly string[],
  rules: FieldRules & ListRules & { openApiEnum?: boolean } = {},
): PropertyDecorator {
  const each = rules.each === true;
  const openApi: ApiPropertyOptions = {
    ...(rules.openApiEnum !== false ? { enum: values } : {}),
    ...(each ? { isArray: true } : {}),
  };
  return validated(each ? () => [String] : () => String, openApi, rules, [
    IsIn(values, options(each, oneOfMessage(values))),
    ...sizes(rules),
  ]);
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
    ...sizes(rules),
  ]);
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
  const field: FieldOptions = {
    ...(optional && graphqlDefault === undefined ? { nullable: true } : {}),
    ...(graphqlDefault !== undefined ? { defaultValue: graphqlDefault } : {}),
    ...(rules.description !== undefined ? { description: rules.description } : {}),
  };
  const property: ApiPropertyOptions = {
    ...openApi,
    ...(rules.example !== undefined ? { example: rules.example } : {}),
    ...(rules.default !== undefined ? { default: rules.default } : {}),
  };
  const stack = [
    Field(graphqlType, field),
    optional ? ApiPropertyOptional(property) : ApiProperty(property),
    ...(optional ? [IsOptional()] : []),
    ...checks,
  ];
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

function sizes(rules: ListRules): PropertyDecorator[] {
  return [...bound(ArrayMinSize, rules.minItems, false), ...bound(ArrayMaxSize, rules.maxItems, false)];
}
