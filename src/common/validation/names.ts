import { applyDecorators, Param, PipeTransform } from '@nestjs/common';
import { Args, type ArgsOptions } from '@nestjs/graphql';
import { ApiParam } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, ValidationOptions, registerDecorator } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { passwordProblem } from './password-policy';

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const DNS1123_LABEL_MESSAGE =
  'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit';
export const DNS1123_SUBDOMAIN_MESSAGE =
  'must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", each part starting and ending with a letter or digit';

/** The Kubernetes naming rule an object's name follows. */
export type NameRule = 'dns-label' | 'dns-subdomain';

/**
 * The rule of each kind of name a caller may send in a path or an argument. Checked before any
 * Kubernetes call: an unchecked `.` or `..` would address the collection or its parent instead.
 */
export const NAME_RULES = {
  project: 'dns-label',
  workspace: 'dns-label',
  user: 'dns-label',
  container: 'dns-label',
  apiToken: 'dns-label',
  statefulSet: 'dns-subdomain',
  pod: 'dns-subdomain',
  volume: 'dns-subdomain',
  configMap: 'dns-subdomain',
  secret: 'dns-subdomain',
  /** The object an event is about (any kind: the loosest rule of a namespaced object's name). */
  object: 'dns-subdomain',
} as const satisfies Record<string, NameRule>;

export type NameKind = keyof typeof NAME_RULES;

/** Why `value` is not a valid name under `rule`, or null when it is. */
export function nameProblem(value: unknown, rule: NameRule): string | null {
  if (typeof value !== 'string' || value === '') return 'is required';
  if (rule === 'dns-label') {
    if (value.length > 63) return 'must be at most 63 characters';
    return DNS1123_LABEL.test(value) ? null : DNS1123_LABEL_MESSAGE;
  }
  if (value.length > 253) return 'must be at most 253 characters';
  return DNS1123_SUBDOMAIN.test(value) ? null : DNS1123_SUBDOMAIN_MESSAGE;
}

/** Throws BAD_USER_INPUT naming `path` unless `value` is a valid name of `kind`. */
export function checkName(value: unknown, kind: NameKind, path: string): string {
  const problem = nameProblem(value, NAME_RULES[kind]);
  if (problem) throw DomainError.badField(path, problem);
  return value as string;
}

/** Validates one path parameter or argument as a name of its kind. */
export class NamePipe implements PipeTransform<unknown, string | undefined> {
  constructor(
    private readonly path: string,
    private readonly kind: NameKind,
    private readonly optional = false,
  ) {}

  transform(value: unknown): string | undefined {
    if (this.optional && (value === undefined || value === null)) return undefined;
    return checkName(value, this.kind, this.path);
  }
}

/** A name a handler takes from its path (REST) or arguments (GraphQL). */
export interface DeclaredName {
  param: string;
  kind: NameKind;
  optional: boolean;
}

export const DECLARED_NAMES = 'berth:declared-names';

/**
 * Records the name on the handler as well, so the guard checks every name a request carries before
 * it authenticates or resolves anything: a bad name never costs an API server call.
 */
function declare(name: DeclaredName): ParameterDecorator {
  return (target, propertyKey) => {
    if (propertyKey === undefined) return;
    const handler = (target as Record<string | symbol, unknown>)[propertyKey] as object;
    const names = (Reflect.getMetadata(DECLARED_NAMES, handler) as DeclaredName[] | undefined) ?? [];
    Reflect.defineMetadata(DECLARED_NAMES, [...names, name], handler);
  };
}

/** The names a handler declared with NameParam / NameArg. */
export function declaredNames(handler: object): readonly DeclaredName[] {
  return (Reflect.getMetadata(DECLARED_NAMES, handler) as DeclaredName[] | undefined) ?? [];
}

function both(...decorators: ParameterDecorator[]): ParameterDecorator {
  return (target, propertyKey, index) => decorators.forEach((d) => d(target, propertyKey, index));
}

/** A REST path parameter that names an object: `@NameParam('name', 'statefulSet')`. */
export const NameParam = (param: string, kind: NameKind): ParameterDecorator =>
  both(
    declare({ param, kind, optional: false }),
    Param(param, new NamePipe(param, kind)),
    documented(param, kind),
  );

/** The path parameter in the OpenAPI document, with its Kubernetes rule as the schema. */
function documented(param: string, kind: NameKind): ParameterDecorator {
  const label = NAME_RULES[kind] === 'dns-label';
  const schema = label
    ? { type: 'string' as const, maxLength: 63, pattern: DNS1123_LABEL.source }
    : { type: 'string' as const, maxLength: 253, pattern: DNS1123_SUBDOMAIN.source };
  return (target, propertyKey) => {
    if (propertyKey === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey);
    if (descriptor) ApiParam({ name: param, schema })(target, propertyKey, descriptor);
  };
}

/** A GraphQL argument that names an object: `@NameArg('name', 'statefulSet')`. */
export const NameArg = (arg: string, kind: NameKind, options: ArgsOptions = {}): ParameterDecorator => {
  const optional = options.nullable === true;
  return both(
    declare({ param: arg, kind, optional }),
    Args(arg, { type: () => String, ...options }, new NamePipe(arg, kind, optional)),
  );
};

/** A property (of a query or body) that names an object of `kind`, checked by its Kubernetes rule. */
export function IsObjectName(kind: NameKind, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isObjectName',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => nameProblem(value, NAME_RULES[kind]) === null,
        defaultMessage: (args) => nameProblem(args?.value, NAME_RULES[kind]) ?? 'is invalid',
      },
    });
}

/** A Kubernetes-style name: a DNS-1123 label of at most `max` characters. */
export function IsDnsLabel(max = 63, options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(
    IsString({ each }),
    MaxLength(max, { each, message: `must be at most ${max} characters` }),
    Matches(DNS1123_LABEL, { each, message: DNS1123_LABEL_MESSAGE }),
  );
}

export function IsPassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? (passwordProblem(args.value) ?? 'is invalid')
            : 'must be a string',
      },
    });
}
