import type { GraphQLResponse } from './test-app';

/**
 * One answer of either transport, so a test runs unchanged on GraphQL and REST: `code` is GraphQL's
 * extensions.code or the REST body's code; `raw` is the answer as sent (for leak checks).
 */
export interface ApiResult<T = unknown> {
  ok: boolean;
  code?: string;
  fields?: { path: string; message: string }[];
  message?: string;
  body: T;
  raw: string;
}

/** GraphQL leaves out nothing: null fields are dropped so the form compares as sent. */
export function dropNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropNulls) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, dropNulls(v)]),
    ) as T;
  }
  return value;
}

export function fromGraphQL<T>(res: GraphQLResponse<Record<string, T>>, field: string): ApiResult<T> {
  const raw = JSON.stringify(res);
  const error = res.errors?.[0];
  if (error)
    return {
      ok: false,
      code: error.extensions.code,
      fields: error.extensions.fields,
      message: error.message,
      body: undefined as T,
      raw,
    };
  return { ok: true, body: dropNulls(res.data![field]), raw };
}

export function fromRest<T>(
  res: { status: number; body: unknown; text: string },
  clean: (body: T) => T = (body) => body,
): ApiResult<T> {
  if (res.status >= 200 && res.status < 300) return { ok: true, body: clean(res.body as T), raw: res.text };
  const body = res.body as { code?: string; fields?: { path: string; message: string }[]; message?: string };
  return {
    ok: false,
    code: body.code,
    fields: body.fields,
    message: body.message,
    body: undefined as T,
    raw: res.text,
  };
}
