import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DomainError, FieldError } from '../errors/domain-error';
import { plainDataProblem } from './plain-data';

const PRIMITIVES: ReadonlySet<unknown> = new Set([String, Boolean, Number, Array, Object]);

/**
 * Validates every decorated input class (REST bodies and queries, GraphQL args) with class-validator
 * and turns failures into one BAD_USER_INPUT error whose fields name each bad path
 * (`containers[0].image`). Unknown properties are refused rather
 * than silently dropped, so a typo in a field name is reported, not ignored.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform<unknown> {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (!metatype || PRIMITIVES.has(metatype) || metadata.type === 'custom') return value;
    // A named argument left out (an optional GraphQL argument): the schema already said whether it may be.
    if ((value === undefined || value === null) && metadata.data !== undefined) return value;
    // A whole request body left out is validated as empty, so each required field is named.
    return validateInput(metatype as new () => object, value ?? {});
  }
}

/**
 * Validates a plain object against an input class; for handlers that pick the input class themselves
 * (a body that may be JSON or YAML). Paths are relative to the input object on both transports
 * (`containers[0].image`), so a client maps them onto its form the same way whichever API it uses.
 */
export async function validateInput<T extends object>(metatype: new () => T, value: unknown): Promise<T> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw DomainError.badField('body', 'must be a JSON object');
  // Before class-transformer and class-validator walk it (recursively, trusting its keys).
  const problem = plainDataProblem(value, '', { strictLists: true });
  if (problem) throw DomainError.badInput([{ ...problem, path: problem.path || 'body' }]);
  const instance = plainToInstance(metatype, value);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw DomainError.badInput(flatten(errors, ''));
  return instance;
}

export function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(prefix, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      message: stripProperty(message, error.property),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

function joinPath(prefix: string, property: string | undefined): string {
  // class-validator reports an object it cannot validate at all without a property.
  if (property === undefined) return prefix || 'body';
  if (/^\d+$/.test(property)) return `${prefix}[${property}]`;
  return prefix ? `${prefix}.${property}` : property;
}

/** class-validator writes "name must be shorter than…"; the path already names the field. */
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
