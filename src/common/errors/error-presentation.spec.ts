import {
  BadRequestException,
  NotFoundException,
  PayloadTooLargeException,
  InternalServerErrorException,
} from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { toErrorBody, toGraphQLError } from './all-exceptions.filter';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { presentError } from './error-presentation';
import { coercionFields, formatGraphQLError } from './format-graphql-error';
import { toDomainError } from './to-domain-error';

describe('presentError', () => {
  it.each([
    [ErrorCode.UNAUTHENTICATED, 'UNAUTHENTICATED', 401],
    [ErrorCode.FORBIDDEN, 'FORBIDDEN', 403],
    [ErrorCode.NOT_FOUND, 'NOT_FOUND', 404],
    [ErrorCode.BAD_USER_INPUT, 'BAD_USER_INPUT', 400],
    [ErrorCode.QUERY_TOO_COMPLEX, 'QUERY_TOO_COMPLEX', 400],
    [ErrorCode.CONFLICT, 'CONFLICT', 409],
    [ErrorCode.TOO_MANY_REQUESTS, 'TOO_MANY_REQUESTS', 429],
    [ErrorCode.UNAVAILABLE, 'UNAVAILABLE', 503],
    [ErrorCode.INTERNAL, 'INTERNAL', 500],
  ])('%s -> GraphQL %s, HTTP %d', (code, graphqlCode, httpStatus) => {
    expect(presentError(code)).toEqual({ graphqlCode, httpStatus });
  });

  it('covers every code', () => {
    for (const code of Object.values(ErrorCode)) expect(() => presentError(code)).not.toThrow();
  });
});

describe('error bodies', () => {
  const invalid = DomainError.badInput([{ path: 'input.name', message: 'must be a DNS-1123 label' }]);

  it('REST: {statusCode, code, message, fields}', () => {
    expect(toErrorBody(invalid)).toEqual({
      statusCode: 400,
      code: 'BAD_USER_INPUT',
      message: 'input.name: must be a DNS-1123 label',
      fields: [{ path: 'input.name', message: 'must be a DNS-1123 label' }],
    });
    expect(toErrorBody(new DomainError(ErrorCode.NOT_FOUND, 'gone'))).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'gone',
    });
  });

  it('GraphQL: extensions.code and extensions.fields', () => {
    expect(toGraphQLError(invalid).extensions).toEqual({ code: 'BAD_USER_INPUT', fields: invalid.fields });
  });
});

describe('toDomainError', () => {
  it.each([
    [new NotFoundException('Cannot GET /x'), ErrorCode.NOT_FOUND, 'Cannot GET /x'],
    [new BadRequestException('Unexpected token'), ErrorCode.BAD_USER_INPUT, 'Unexpected token'],
    [
      new PayloadTooLargeException('request entity too large'),
      ErrorCode.BAD_USER_INPUT,
      'request entity too large',
    ],
    [new InternalServerErrorException('db password is hunter2'), ErrorCode.INTERNAL, 'Internal error'],
    [new Error('boom at /srv/app.js:12'), ErrorCode.INTERNAL, 'Internal error'],
  ])('%p -> %s', (exception, code, message) => {
    expect(toDomainError(exception)).toMatchObject({ code, message });
  });
});

describe('formatGraphQLError', () => {
  it('keeps our codes with their fields, drops everything else in extensions', () => {
    const formatted = formatGraphQLError({
      message: 'bad',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'a', message: 'b' }],
        stacktrace: ['at x'],
        exception: {},
      },
    });
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ path: 'a', message: 'b' }] });
  });

  it('turns parse and validation failures into BAD_USER_INPUT', () => {
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']) {
      expect(formatGraphQLError({ message: 'Syntax Error', extensions: { code } }).extensions).toEqual({
        code: 'BAD_USER_INPUT',
      });
    }
  });

  it('calls graphql-js’s coercion limit (Apollo codes it INTERNAL_SERVER_ERROR) BAD_USER_INPUT, not INTERNAL', () => {
    const limit = 'Too many errors processing variables, error limit reached. Execution aborted.';
    expect(formatGraphQLError({ message: limit }).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const asApollo = { message: limit, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatGraphQLError(asApollo).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(formatGraphQLError({ message: 'something else' }).extensions).toEqual({ code: 'INTERNAL' });
  });

  it('names the field of a variable that does not fit the schema', () => {
    expect(
      coercionFields(
        'Variable "$i" got invalid value 70000 at "i.containers[0].ports[0].containerPort"; Int cannot represent non 32-bit signed integer value: 70000',
      ),
    ).toEqual([
      {
        path: 'containers[0].ports[0].containerPort',
        message: 'Int cannot represent non 32-bit signed integer value: 70000',
      },
    ]);
    expect(
      coercionFields(
        'Variable "$i" got invalid value { replicaz: 3 }; Field "replicaz" is not defined by type "StatefulSetInput".',
      ),
    ).toEqual([{ path: 'replicaz', message: 'Field "replicaz" is not defined by type "StatefulSetInput".' }]);
    expect(
      coercionFields(
        'Variable "$i" got invalid value {} at "i.containers[0]"; Field "image" of required type "String!" was not provided.',
      ),
    ).toEqual([
      { path: 'containers[0].image', message: 'Field "image" of required type "String!" was not provided.' },
    ]);
    expect(coercionFields('Cannot query field "nope" on type "Query".')).toBeUndefined();
  });

  it('hides unexpected errors as INTERNAL', () => {
    const formatted = formatGraphQLError({
      message: 'Cannot read properties of undefined',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatted).toMatchObject({ message: 'Internal error', extensions: { code: 'INTERNAL' } });
  });

  it('maps a DomainError that reached Apollo without passing a filter', () => {
    const raw = new GraphQLError('x', {
      originalError: new DomainError(ErrorCode.NOT_FOUND, 'project "p" not found'),
    });
    const formatted = formatGraphQLError(
      { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      raw,
    );
    expect(formatted).toMatchObject({ message: 'project "p" not found', extensions: { code: 'NOT_FOUND' } });
  });
});
