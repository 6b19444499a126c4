import type { IncomingMessage } from 'node:http';
import {
  getArgumentValues,
  getOperationAST,
  Kind,
  OperationTypeNode,
  parse,
  valueFromASTUntyped,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { graphqlChange, type ChangeNote } from '../audit/changes';
import { requestInfoOf } from '../logging/request-context';
import type { ApolloPlugin } from './query-limits';

/** `mutation scale { scaleStatefulSet }`: the operation's type, name and root fields, never its arguments. */
export function describeOperation(operation: OperationDefinitionNode): string {
  const fields = operation.selectionSet.selections
    .map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'))
    .slice(0, 10)
    .join(' ');
  return [operation.operation, operation.name?.value, `{ ${fields} }`].filter(Boolean).join(' ');
}

/** Tells the request's access line (and audit) which GraphQL operation it was, and its error code. */
export function requestInfoPlugin(): ApolloPlugin {
  return {
    requestDidStart: ({ contextValue }) => {
      const info = requestInfoOf((contextValue as { req: IncomingMessage }).req);
      if (info) info.transport = 'graphql';
      return Promise.resolve({
        didResolveOperation: ({ operation }) => {
          if (info && operation) {
            info.operation = describeOperation(operation);
            const first = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
            info.route = `${operation.operation} ${first?.kind === Kind.FIELD ? first.name.value : '…'}`;
          }
          return Promise.resolve();
        },
        willSendResponse: ({ response, operation, schema, request }) => {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          if (info && typeof code === 'string') info.code = code;
          if (info && operation?.operation === OperationTypeNode.MUTATION)
            info.changes = mutationChanges(operation, schema, request.variables ?? {}, errors ?? []);
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Each root field of a mutation as one change: its arguments (variables resolved) name the object
 * and project, and its own error, if any, its outcome. An error of no field (the whole operation
 * refused, e.g. by the cost limit) is every field's.
 */
export function mutationChanges(
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
  variables: Record<string, unknown>,
  errors: readonly GraphQLFormattedError[],
): ChangeNote[] {
  const fields = schema.getMutationType()?.getFields() ?? {};
  const whole = errors.find((e) => !e.path?.length)?.extensions?.code;
  return operation.selectionSet.selections.flatMap((node) => {
    if (node.kind !== Kind.FIELD) return [];
    const definition = fields[node.name.value];
    if (!definition) return [];
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(definition, node, variables);
    } catch {
      // Arguments that do not coerce: the field was refused before it ran, its error says why.
    }
    const key = node.alias?.value ?? node.name.value;
    // Only the field's own error: one below it (in its answer) came after the change was made.
    const own = errors.find((e) => e.path?.length === 1 && e.path[0] === key)?.extensions?.code ?? whole;
    return [
      {
        ...graphqlChange(node.name.value, args),
        request: args,
        code: typeof own === 'string' ? own : undefined,
      },
    ];
  });
}

/**
 * The mutation fields of a GraphQL request refused before it reached the GraphQL server (the request
 * budget), as changes refused with `code`: read from the body as sent, without the schema (nothing
 * has validated it), so arguments are taken as written. Anything that does not parse is no change.
 */
export function refusedMutationChanges(body: unknown, code: string): ChangeNote[] {
  const { query, operationName, variables } = (body ?? {}) as {
    query?: unknown;
    operationName?: unknown;
    variables?: unknown;
  };
  if (typeof query !== 'string') return [];
  let operation: OperationDefinitionNode | null | undefined;
  try {
    // Bounded as the server's own parse is: a refused request must not cost more than an answered one.
    operation = getOperationAST(
      parse(query, { maxTokens: 10_000 }),
      typeof operationName === 'string' ? operationName : undefined,
    );
  } catch {
    return [];
  }
  if (operation?.operation !== OperationTypeNode.MUTATION) return [];
  const values =
    variables !== null && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
  return operation.selectionSet.selections.slice(0, 20).flatMap((node) => {
    if (node.kind !== Kind.FIELD) return [];
    const args = Object.fromEntries(
      (node.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, values)]),
    );
    return [{ ...graphqlChange(node.name.value, args), code }];
  });
}
