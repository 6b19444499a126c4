import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Swagger {
  paths: Record<string, Record<string, { responses?: Record<string, { schema?: object }> }>>;
  definitions: Record<string, object>;
}

const swagger = JSON.parse(
  readFileSync(join(__dirname, '..', 'contracts', 'kubesphere-3.4-swagger.json'), 'utf8'),
) as Swagger;
// Swagger 2.0's schemas are JSON Schema with extensions (`x-…`, `format: int32`): keywords Ajv may skip.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
// The document refers to four definitions it does not hold (e.g. monitoring.Point, a [time, value]
// pair its generator could not express): they accept anything.
const dangling = new Set<string>();
JSON.stringify(swagger, (key, value: unknown) => {
  if (key === '$ref' && typeof value === 'string') dangling.add(value.replace('#/definitions/', ''));
  return value;
});
const definitions = { ...swagger.definitions };
for (const name of dangling) definitions[name] ??= {};
ajv.addSchema({ definitions }, 'ks');
const compiled = new Map<string, ValidateFunction>();

/** Turns `#/definitions/x` into a reference into the document Ajv holds as `ks`. */
function rebased(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebased);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? `ks${v}` : rebased(v),
    ]),
  );
}

/** The 200 answer's schema of `method path` in ks-apiserver's document (path as it writes it). */
export function ksResponseSchema(method: string, path: string): object {
  const schema = swagger.paths[path]?.[method.toLowerCase()]?.responses?.['200']?.schema;
  if (!schema) throw new Error(`ks-apiserver's document has no 200 schema for ${method} ${path}`);
  return schema;
}

/**
 * The problems of `body` as the 200 answer of `method path` in ks-apiserver's document, or of a
 * definition named directly (`definition: 'v1.ControllerRevision'`) where the document names the
 * wrong type; [] when it conforms.
 */
export function ksContractProblems(
  body: unknown,
  target: { method: string; path: string } | { definition: string },
): string[] {
  const key = 'definition' in target ? target.definition : `${target.method} ${target.path}`;
  let validate = compiled.get(key);
  if (!validate) {
    const schema =
      'definition' in target
        ? { $ref: `#/definitions/${target.definition}` }
        : ksResponseSchema(target.method, target.path);
    validate = ajv.compile(rebased(schema) as object);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}

/** The path of ks-apiserver's document that `path` is an instance of, if any (the most literal one). */
export function ksPathOf(method: string, path: string): string | undefined {
  const matching = Object.keys(swagger.paths).filter(
    (template) =>
      swagger.paths[template][method.toLowerCase()]?.responses?.['200']?.schema !== undefined &&
      new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
  const parameters = (template: string) => (template.match(/\{/g) ?? []).length;
  return matching.sort((a, b) => parameters(a) - parameters(b))[0];
}
