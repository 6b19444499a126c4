import { registerEnumType } from '@nestjs/graphql';

/**
 * A closed set of values both transports share: a GraphQL enum and an OpenAPI enum of one name, so
 * generated clients type the field as that set. By default the values are their own GraphQL names
 * (Kubernetes' spellings, `ReadWriteOnce`, `RollingUpdate`), so the wire is the same on both
 * transports. Values GraphQL cannot spell (`project-admin`: a name has no hyphen) take the
 * conventional upper-case name in GraphQL (`PROJECT_ADMIN`) and keep their value on REST; resolvers
 * see the value either way (the enum maps it).
 */
export interface ClosedSet<V extends string = string> {
  readonly name: string;
  readonly values: readonly V[];
  /** The enum object registered with GraphQL: GraphQL name → value. */
  readonly graphql: Record<string, V>;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `project-admin` → `PROJECT_ADMIN`. */
export const upperSnake = (value: string): string => value.replace(/-/g, '_').toUpperCase();

export function closedSet<const V extends string>(
  name: string,
  values: readonly V[],
  description?: string,
  graphqlName: (value: V) => string = (value) => value,
): ClosedSet<V> {
  const graphql = Object.fromEntries(
    values.map((value) => {
      const key = graphqlName(value);
      // A value GraphQL cannot name would fail at schema build, far from here; say which now.
      if (!GRAPHQL_NAME.test(key)) throw new Error(`${name}: ${key} is not a GraphQL enum value name`);
      return [key, value];
    }),
  ) as Record<string, V>;
  registerEnumType(graphql, { name, description: description ?? values.join(', ') });
  return { name, values, graphql };
}
