import type { FieldError } from '../errors/domain-error';

/**
 * The shape of the parts of an untrusted document that Berth itself reads: the API server validates
 * the whole object, but only after Berth has looked at it, and Berth must not trip over a `spec` that
 * is a string or `containers` that is not a list. Fields not described are left to the API server.
 */
export type Shape =
  | { type: 'string' | 'integer' | 'boolean' | 'map'; required?: boolean }
  | { type: 'object'; required?: boolean; fields?: Record<string, Shape> }
  | { type: 'list'; required?: boolean; items?: Shape };

const TYPE_NAMES: Record<Shape['type'], string> = {
  string: 'a string',
  integer: 'an integer',
  boolean: 'true or false',
  map: 'a map of strings',
  object: 'an object',
  list: 'a list',
};

/** The first place where `value` does not have `shape`, or null. */
export function shapeProblem(value: unknown, shape: Shape, path: string): FieldError | null {
  if (value === undefined || value === null) return shape.required ? { path, message: 'is required' } : null;
  if (!fits(value, shape)) return { path, message: `must be ${TYPE_NAMES[shape.type]}` };
  if (shape.type === 'object' && shape.fields) {
    for (const [key, field] of Object.entries(shape.fields)) {
      const problem = shapeProblem((value as Record<string, unknown>)[key], field, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  if (shape.type === 'list' && shape.items) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const problem = shapeProblem(items[i], { ...shape.items, required: true }, `${path}[${i}]`);
      if (problem) return problem;
    }
  }
  return null;
}

function fits(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
    case 'map':
      return (
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value as object).every((v) => typeof v === 'string')
      );
  }
}
