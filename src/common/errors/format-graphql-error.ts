import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { FieldError } from './domain-error';
import { ErrorCode } from './error-code';
import { presentError } from './error-presentation';
import { toDomainError } from './to-domain-error';
import { toGraphQLError } from './all-exceptions.filter';
import { TOO_COMPLEX_PREFIX } from '../graphql/query-limits';

const OWN_CODES = new Set<string>(Object.values(ErrorCode).map((code) => presentError(code).graphqlCode));

/** Apollo's own codes for requests that never reached a resolver: all are the client's mistake. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * graphql-js stops coercing variables after Apollo's `maxCoercionErrors` (50) and adds this error,
 * which Apollo codes INTERNAL_SERVER_ERROR: the input was the client's, so it is BAD_USER_INPUT like the 50 before it.
 */
const COERCION_LIMIT = /^Too many errors processing variables, error limit reached\./;

/** graphql-js's parser limit (`maxTokens`), reported as a parse error. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more that \d+ tokens/;

/**
 * Apollo's `formatError`: the last gate before a GraphQL error reaches a client. Errors from
 * resolvers already carry one of our codes (AllExceptionsFilter); errors from parsing and validation
 * become BAD_USER_INPUT; anything else is INTERNAL with its message hidden. Only `code`, `fields` and
 * `retryAfterSeconds` survive in `extensions` (no stack traces).
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error?: unknown,
  options: { hideSuggestions?: boolean } = {},
): GraphQLFormattedError {
  // An error thrown by a resolver that Nest's filters did not see (e.g. a field resolver) arrives
  // here still wrapped; map it the same way AllExceptionsFilter would.
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original && !(original instanceof GraphQLError)) {
    const mapped = toGraphQLError(toDomainError(original));
    formatted = { ...formatted, message: mapped.message, extensions: mapped.extensions };
  }

  const extensions = formatted.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  const base = { locations: formatted.locations, path: formatted.path };

  if (code !== undefined && OWN_CODES.has(code)) {
    const kept: Record<string, unknown> = { code };
    // Apollo reports variables that do not fit the schema as BAD_USER_INPUT too, without fields.
    const fields =
      extensions.fields ??
      (code === String(ErrorCode.BAD_USER_INPUT) ? coercionFields(formatted.message) : undefined);
    if (fields !== undefined) kept.fields = fields;
    if (extensions.retryAfterSeconds !== undefined) kept.retryAfterSeconds = extensions.retryAfterSeconds;
    return { ...base, message: formatted.message, extensions: kept };
  }
  if (code !== undefined && REQUEST_ERROR_CODES.has(code)) {
    // Without introspection, "Did you mean …?" would hand out the schema one guess at a time.
    const message = options.hideSuggestions
      ? formatted.message.replace(/ Did you mean .*\?$/s, '')
      : formatted.message;
    if (TOKEN_LIMIT.test(message) || message.startsWith(TOO_COMPLEX_PREFIX))
      return { ...base, message, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
    const fields = coercionFields(message);
    return {
      ...base,
      message,
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(fields ? { fields } : {}) },
    };
  }
  if (!original && COERCION_LIMIT.test(formatted.message))
    return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  return { ...base, message: 'Internal error', extensions: { code: ErrorCode.INTERNAL } };
}

/**
 * graphql-js rejects variables that do not fit the schema before any resolver runs, with messages
 * such as `Variable "$input" got invalid value 7 at "input.ports[0].name"; String cannot represent…`
 * or `…; Field "replicaz" is not defined by type "StatefulSetInput".` The path is read out of them so
 * GraphQL errors name the field like every other BAD_USER_INPUT (relative to the input object).
 */
export function coercionFields(message: string): FieldError[] | undefined {
  const match = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!match) return undefined;
  const [, variable, at, reason] = match;
  let path = at ? at.slice(variable.length).replace(/^\./, '') : '';
  const field = /^Field "([^"]+)" (?:is not defined by type|of required type)/.exec(reason);
  if (field) path = path ? `${path}.${field[1]}` : field[1];
  return [{ path: path || variable, message: reason }];
}
