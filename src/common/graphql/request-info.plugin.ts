import type { IncomingMessage } from 'node:http';
import { Kind, type OperationDefinitionNode } from 'graphql';
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
        willSendResponse: ({ response }) => {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          if (info && typeof code === 'string') info.code = code;
          return Promise.resolve();
        },
      });
    },
  };
}
