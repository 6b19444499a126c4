import { registerEnumType } from '@nestjs/graphql';

/**
 * A closed set of values both transports share: a GraphQL enum and an OpenAPI enum of one name, so
 * generated clients type the field as that set. The values are their own GraphQL names (Kubernetes'
 * spellings, `ReadWriteOnce`, `RollingUpdate`), so the wire is the same on both transports.
 */
export interface ClosedSet<V extends string = string> {
  readonly name: string;
  readonly values: readonly V[];
  /** The enum object registered with GraphQL (each value its own key). */
  readonly graphql: Record<string, V>;
}

export function closedSet<const V extends string>(
  name: string,
  values: readonly V[],
  description?: string,
): ClosedSet<V> {
  const graphql = Object.fromEntries(values.map((v) => [v, v])) as Record<string, V>;
  registerEnumType(graphql, { name, description: description ?? values.join(', ') });
  return { name, values, graphql };
}
