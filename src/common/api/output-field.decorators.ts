import { applyDecorators, type Type as Class } from '@nestjs/common';
import { Field, type FieldOptions, ID, Int, type ReturnTypeFunc } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import type { ClosedSet } from './closed-set';

/**
 * One decorator per field of a read model (an `@ObjectType` that REST answers too), instead of an
 * `@Field` and an `@ApiProperty` that must agree: a nullable field is nullable in GraphQL and
 * optional and nullable in OpenAPI, a list is a list in both. (Inputs: ../validation/field.decorators.)
 *
 * - description: the GraphQL description only, as the models have always had it (their OpenAPI
 *   schemas carry none, and moving a model onto these decorators must not add any).
 * - example: OpenAPI's only.
 */
export interface OutputRules {
  description?: string;
  example?: unknown;
}

/** A string; `enum`: one of these values (still a GraphQL String, an OpenAPI enum). */
export function StringField(rules: OutputRules & { enum?: readonly string[] } = {}): PropertyDecorator {
  return output(() => String, false, rules.enum ? { enum: rules.enum } : {}, rules);
}

/**
 * One of a closed set: a GraphQL enum (registered with registerEnumType) and an OpenAPI enum of the
 * same name, so that generated clients of both type it as that set, not as a string.
 */
export function EnumField(set: ClosedSet, rules: OutputRules = {}): PropertyDecorator {
  return output(() => set.graphql, false, { enum: set.values, enumName: set.name }, rules);
}

/** A list of one closed set's values (GraphQL `[Set!]!`, an OpenAPI array of that enum). */
export function EnumListField(set: ClosedSet, rules: OutputRules = {}): PropertyDecorator {
  return output(() => [set.graphql], false, { enum: set.values, enumName: set.name, isArray: true }, rules);
}

/** A GraphQL ID (a string in OpenAPI): what client caches key objects by (Apollo's normalized cache). */
export function IdField(rules: OutputRules = {}): PropertyDecorator {
  return output(() => ID, false, { type: String }, rules);
}

export function NullableStringField(rules: OutputRules = {}): PropertyDecorator {
  return output(() => String, true, { type: String }, rules);
}

/** A GraphQL Int (an OpenAPI number, as the property's type says). */
export function IntField(rules: OutputRules = {}): PropertyDecorator {
  return output(() => Int, false, {}, rules);
}

export function NullableIntField(rules: OutputRules = {}): PropertyDecorator {
  return output(() => Int, true, { type: Number }, rules);
}

export function BooleanField(rules: OutputRules = {}): PropertyDecorator {
  return output(() => Boolean, false, {}, rules);
}

/** A GraphQL DateTime, an OpenAPI date-time string. */
export function DateField(rules: OutputRules = {}): PropertyDecorator {
  return output(() => Date, false, {}, rules);
}

export function NullableDateField(rules: OutputRules = {}): PropertyDecorator {
  return output(() => Date, true, { type: Date }, rules);
}

/** An object of class `type` (another read model). */
export function ObjectField(type: Class<object>, rules: OutputRules = {}): PropertyDecorator {
  return output(() => type, false, { type }, rules);
}

export function NullableObjectField(type: Class<object>, rules: OutputRules = {}): PropertyDecorator {
  return output(() => type, true, { type }, rules);
}

/**
 * A list of `type` (a read model, or String). `enum` (with String): each item one of these values,
 * an OpenAPI enum array.
 */
export function ListField(
  type: Class<object>,
  rules: OutputRules & { enum?: readonly string[] } = {},
): PropertyDecorator {
  const openApi: ApiPropertyOptions = rules.enum ? { enum: rules.enum, isArray: true } : { type: [type] };
  return output(() => [type], false, openApi, rules);
}

/**
 * The two decorators of one field. The OpenAPI options keep the order the hand-written ones had
 * (type, then example, then nullable): swagger writes a property's keys in the order it is given them.
 */
function output(
  graphqlType: ReturnTypeFunc,
  nullable: boolean,
  openApi: ApiPropertyOptions,
  rules: OutputRules,
): PropertyDecorator {
  const field: FieldOptions = {
    ...(nullable ? { nullable: true } : {}),
    ...(rules.description !== undefined ? { description: rules.description } : {}),
  };
  const property: ApiPropertyOptions = {
    ...openApi,
    ...(rules.example !== undefined ? { example: rules.example } : {}),
    ...(nullable ? { nullable: true } : {}),
  };
  return applyDecorators(
    Field(graphqlType, field),
    nullable ? ApiPropertyOptional(property) : ApiProperty(property),
  );
}
