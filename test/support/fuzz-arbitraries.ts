import fc from 'fast-check';
import {
  getNullableType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { stringify } from 'yaml';

/** Strings a hostile tenant tries: path tricks, JavaScript's own keys, broken Unicode, injections, huge. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '.',
  '..',
  '%2E%2E',
  '../../etc/passwd',
  '..%2F..',
  'a/b',
  'constructor',
  '__proto__',
  'toString',
  'prototype',
  '\ud800',
  '\udfff',
  'a\u0000b',
  '\u202eevil',
  '😀',
  'A',
  '-x',
  'x-',
  'kube-system',
  'berth-system',
  'default',
  'system:masters',
  '${jndi:ldap://127.0.0.1/x}',
  '<script>alert(1)</script>',
  "'; DROP TABLE x; --",
  '1e400',
  'NaN',
  '-1',
  '0',
  'true',
  'null',
  'a'.repeat(64),
  'a'.repeat(254),
  'x'.repeat(5000),
  '*',
  'a,b',
  'a=b',
  '!a',
  'app in (x)',
];

const nasty = fc.constantFrom(...NASTY_STRINGS);
const anyString = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Numbers at the edges: negative, huge, fractional, not finite once serialized. */
const edgyNumber = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer(),
  fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 53), 65535, 65536, 1001, 1e308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, shallow enough to be sent, with nasty strings among the scalars. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyString,
    edgyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(anyString, fc.constantFrom('constructor', '__proto__', 'name')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

type JsonSchema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

/**
 * A value shaped by a JSON schema (the OpenAPI document's), then bent: fields left out, of the
 * wrong type, replaced by nasty values, extra keys. Mostly wrong, sometimes right.
 */
export function fromJsonSchema(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = schema.$ref ? components[schema.$ref.split('/').pop()!] : (schema.allOf?.[0] ?? schema);
  const wrong = fc.oneof({ weight: 1, arbitrary: anyJson });
  let right: fc.Arbitrary<unknown>;
  if (!resolved || depth > 5) right = anyJson;
  else if (resolved.enum) right = fc.oneof(fc.constantFrom(...resolved.enum), anyString);
  else if (resolved.type === 'string') right = anyString;
  else if (resolved.type === 'integer' || resolved.type === 'number') right = edgyNumber;
  else if (resolved.type === 'boolean') right = fc.oneof(fc.boolean(), fc.constantFrom('true', 'yes', 1));
  else if (resolved.type === 'array')
    right = fc.array(fromJsonSchema(resolved.items ?? {}, components, depth + 1), { maxLength: 4 });
  else if (resolved.properties) {
    const fields = Object.fromEntries(
      Object.entries(resolved.properties).map(([key, value]) => [
        key,
        fc.option(fromJsonSchema(value, components, depth + 1), { nil: undefined, freq: 3 }),
      ]),
    );
    const extra = fc.dictionary(fc.constantFrom('constructor', '__proto__', 'extra', 'status'), anyJson, {
      minKeys: 1,
      maxKeys: 1,
    });
    right = fc
      .tuple(fc.record(fields), fc.option(extra, { nil: undefined, freq: 9 }))
      .map(([known, more]) => ({ ...dropUndefined(known), ...more }));
  } else right = anyJson;
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** Variables for a GraphQL argument: mostly of the right shape, sometimes coercion-breaking. */
export function fromGraphQLType(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  const wrong = anyJson;
  let right: fc.Arbitrary<unknown>;
  if (depth > 5) right = fc.constant(null);
  else if (isListType(nullable))
    right = fc.array(fromGraphQLType(nullable.ofType, depth + 1), { maxLength: 4 });
  else if (isEnumType(nullable))
    right = fc.constantFrom(...nullable.getValues().map((v) => v.value as unknown));
  else if (isScalarType(nullable)) {
    if (nullable.name === 'Int') right = fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.integer());
    else if (nullable.name === 'Float') right = edgyNumber;
    else if (nullable.name === 'Boolean') right = fc.boolean();
    else if (nullable.name === 'DateTime')
      right = fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        anyString,
      );
    else right = anyString;
  } else if (isInputObjectType(nullable)) {
    const fields = Object.fromEntries(
      Object.values(nullable.getFields()).map((f) => [
        f.name,
        isNonNullType(f.type)
          ? fromGraphQLType(f.type, depth + 1)
          : fc.option(fromGraphQLType(f.type, depth + 1), { nil: undefined, freq: 2 }),
      ]),
    );
    right = fc.record(fields).map(dropUndefined);
  } else right = anyJson;
  return fc.oneof({ weight: 8, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** YAML for the Edit Mode: a StatefulSet of random shape, a random document, or YAML that is barely YAML. */
export const anyYaml: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      apiVersion: fc.constantFrom('apps/v1', 'v1', 'apps/v1beta1'),
      kind: fc.constantFrom('StatefulSet', 'Service', 'Pod', 'ClusterRole'),
      metadata: fc.record({ name: anyString, namespace: fc.option(anyString, { nil: undefined }) }),
      spec: anyJson,
    })
    .map((doc) => stringify(doc)),
  anyJson.map((doc) => stringify(doc)),
  fc.constantFrom(
    'a: &a [1,2]\nb: *a\n',
    'a: *missing\n',
    '---\n---\n---\n',
    '{',
    '- - - -',
    'kind: StatefulSet\napiVersion: apps/v1\nmetadata: {name: x}\nspec: {template: {spec: {containers: [null]}}}\n',
    '!!binary AAAA',
    '? [a, b]\n: c\n',
  ),
);

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
