import type { FieldError } from '../errors/domain-error';

/** Nesting no Berth input needs; deeper data is refused before anything walks it recursively. */
export const MAX_INPUT_DEPTH = 32;
/** Values (objects, arrays and scalars) in one input. */
export const MAX_INPUT_NODES = 50_000;
/** Keys that mean something to JavaScript objects; never data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface PlainDataOptions {
  /** Refuse `null` and nested lists as list items (no JSON input of Berth has either). */
  strictLists?: boolean;
}

/**
 * Problems with the shape of untrusted data, whatever it is meant to be: too deep or too big, keys
 * such as `constructor`, strings that are not valid Unicode. Iterative, so hostile nesting cannot
 * exhaust the stack; stops at the first problem (it is enough to refuse the input).
 */
export function plainDataProblem(
  value: unknown,
  root: string,
  options: PlainDataOptions = {},
): FieldError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (++nodes > MAX_INPUT_NODES)
      return { path: root, message: `must hold at most ${MAX_INPUT_NODES} values` };
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return { path, message: 'must be valid Unicode text' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      return { path, message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    if (Array.isArray(current)) {
      current.forEach((item: unknown, i) => {
        stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 });
      });
      if (options.strictLists) {
        const bad = current.findIndex((item: unknown) => item === null || Array.isArray(item));
        if (bad >= 0) return { path: `${path}[${bad}]`, message: 'must not be null or a list' };
      }
      continue;
    }
    for (const key of Object.keys(current)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { path: at, message: 'is not an allowed field name' };
      if (LONE_SURROGATE.test(key)) return { path: at, message: 'must be valid Unicode text' };
      stack.push({ value: (current as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return null;
}
