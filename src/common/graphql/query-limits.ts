import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  type GraphQLField,
  type GraphQLOutputType,
  type ValidationContext,
  type ValidationRule,
  valueFromAST,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ErrorCode } from '../errors/error-code';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging';
import type { GraphQLLimits } from './graphql-limits';

/** What a list field is assumed to hold when its size is not an argument (pods, events, revisions). */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Field extensions that tune the estimate: `cost` is roughly the API server calls the field's own
 * resolver makes (default 1 for fields with a resolver, 0 for plain data); `listSize` is how many
 * items a list-valued resolver field is assumed to return.
 */
export interface CostExtensions {
  cost?: number;
  listSize?: number;
}

/** Apollo's plugin type as @nestjs/apollo sees it (its ESM typings differ from @apollo/server's CJS ones). */
export type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** Every refusal starts so: Apollo re-codes validation errors, and formatGraphQLError codes them back. */
export const TOO_COMPLEX_PREFIX = 'Query too complex: ';

function tooComplex(reason: string): GraphQLError {
  const message = `${TOO_COMPLEX_PREFIX}${reason}`;
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}

/**
 * Depth, aliases and directives, from graphql-armor, reported with our own code instead of thrown
 * (armor would throw a bare "Syntax Error"). Part of validation: nothing has run yet.
 */
export function limitRules(limits: GraphQLLimits): ValidationRule[] {
  const reject = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(tooComplex(error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
  return [
    maxAliasesRule({ n: limits.maxAliases, ...reject }),
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...reject }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reject }),
  ];
}

/**
 * Root fields and estimated cost, checked once the variables are known and before any resolver runs.
 * Written here rather than taken from graphql-armor's cost limit, which does not weigh a list by the
 * page size its `first` argument asks for.
 */
export function costLimitPlugin(limits: GraphQLLimits): ApolloPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return Promise.resolve();
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions)
            if (definition.kind === Kind.FRAGMENT_DEFINITION)
              fragments.set(definition.name.value, definition);
          const estimate = estimateCost(schema, operation, fragments, request.variables ?? {});
          if (estimate === null) return Promise.resolve();
          if (estimate.rootFields > limits.maxRootFields)
            throw tooComplex(
              `Root fields limit of ${limits.maxRootFields} exceeded, found ${estimate.rootFields}.`,
            );
          if (estimate.cost > limits.maxCost)
            throw tooComplex(
              `Query cost limit of ${limits.maxCost} exceeded, estimated ${estimate.cost} (lists count by their page size).`,
            );
          return Promise.resolve();
        },
      });
    },
  };
}

/** The operation's root field count and estimated cost; null when its variables do not coerce (it will not run). */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  rawVariables: Record<string, unknown>,
): { rootFields: number; cost: number } | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;

  const countRoots = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((n, selection) => {
      if (selection.kind === Kind.FIELD) return n + (selection.name.value.startsWith('__') ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return n + countRoots(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return n;
      return n + countRoots(fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }, 0);

  const costOf = (
    set: SelectionSetNode,
    parent: GraphQLObjectType,
    multiplier: number,
    seen: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (isObjectType(type))
          total += costOf(fragment.selectionSet, type, multiplier, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isObjectType(type)) total += costOf(selection.selectionSet, type, multiplier, seen);
        continue;
      }
      const field = parent.getFields()[selection.name.value] as GraphQLField<unknown, unknown> | undefined;
      if (!field) continue; // __typename and introspection
      const extensions = field.extensions as CostExtensions;
      const own = extensions.cost ?? (hasResolver(field) || parent === root ? 1 : 0);
      total += own * multiplier;
      const named = getNamedType(field.type);
      if (!selection.selectionSet || !isObjectType(named)) continue;
      total += costOf(selection.selectionSet, named, multiplier * itemsOf(field, selection, variables), seen);
    }
    return total;
  };

  if (!isObjectType(root)) return null;
  return {
    rootFields: countRoots(operation.selectionSet, new Set()),
    cost: costOf(operation.selectionSet, root, 1, new Set()),
  };
}

/**
 * How many items a field's selection is evaluated for: its page size (`first` or `last`, the smaller
 * when both are given, DEFAULT_PAGE_SIZE when neither), or its assumed list size.
 */
function itemsOf(
  field: GraphQLField<unknown, unknown>,
  node: { arguments?: readonly { name: { value: string }; value: Parameters<typeof valueFromAST>[0] }[] },
  variables: Record<string, unknown>,
): number {
  const sizes = ['first', 'last'].flatMap((name) => {
    const argument = field.args.find((a) => a.name === name);
    if (!argument) return [];
    const given = node.arguments?.find((a) => a.name.value === name);
    const value: unknown = given
      ? valueFromAST(given.value, argument.type, variables)
      : argument.defaultValue;
    return typeof value === 'number' ? [Math.min(Math.max(value, 1), MAX_PAGE_SIZE)] : [];
  });
  if (field.args.some((a) => a.name === 'first' || a.name === 'last'))
    return sizes.length ? Math.min(...sizes) : DEFAULT_PAGE_SIZE;
  if (!isList(field.type)) return 1;
  return (field.extensions as CostExtensions).listSize ?? (hasResolver(field) ? DEFAULT_LIST_SIZE : 1);
}

/**
 * Apollo's cache-control plugin (on by default) wraps every field's resolver to watch it, which would
 * hide which fields have resolvers of their own; Berth answers are never cached anyway.
 */
export function noCacheControl(): ApolloPlugin {
  return ApolloServerPluginCacheControlDisabled() as ApolloPlugin;
}

/**
 * Whether the field has a resolver of its own (a root field or an @ResolveField) rather than reading
 * its parent's property. @nestjs/graphql gives plain fields a resolver named `rootFieldResolver`;
 * query-limits.spec.ts checks that this still tells them apart.
 */
export function hasResolver(field: GraphQLField<unknown, unknown>): boolean {
  return field.resolve !== undefined && field.resolve.name !== 'rootFieldResolver';
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
