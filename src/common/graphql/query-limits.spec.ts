import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  FragmentDefinitionNode,
  GraphQLObjectType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parse,
} from 'graphql';
import { buildAppWithoutCluster } from '../../artifacts/artifacts';
import { estimateCost, hasResolver } from './query-limits';

describe('GraphQL cost estimate (on the real schema)', () => {
  let app: INestApplication;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    app = await buildAppWithoutCluster();
    schema = app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => app.close());

  const estimate = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION,
    ) as OperationDefinitionNode;
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return estimateCost(schema, operation, fragments, variables);
  };

  it('tells fields with a resolver of their own from plain data', () => {
    const statefulSet = schema.getType('StatefulSet') as GraphQLObjectType;
    const fields = statefulSet.getFields();
    expect(['pods', 'yaml', 'events', 'revisions', 'service'].filter((f) => !hasResolver(fields[f]))).toEqual(
      [],
    );
    expect(['name', 'project', 'images', 'status', 'form'].filter((f) => hasResolver(fields[f]))).toEqual([]);
  });

  it('a root field costs 1 (or what it declares); plain data costs nothing', () => {
    expect(estimate('{ me { username email } }')).toEqual({ rootFields: 1, cost: 1 });
    expect(estimate('{ a: me { username } b: me { username } __typename }')).toEqual({
      rootFields: 2,
      cost: 2,
    });
  });

  it('a page counts each item by its page size: `first`, from a literal or a variable, or the default 20', () => {
    const page = (first: string) =>
      `query($p: String!, $n: Int) { statefulSets(project: $p, ${first}) { edges { node { name pods { name } yaml } } } }`;
    // 3 for the list, then per item: pods 3, yaml 1.
    expect(estimate(page('first: 50'), { p: 'x' })?.cost).toBe(3 + 50 * 4);
    expect(estimate(page('first: $n'), { p: 'x', n: 5 })?.cost).toBe(3 + 5 * 4);
    expect(estimate(page('after: null'), { p: 'x' })?.cost).toBe(3 + 20 * 4);
    expect(estimate(page('first: 100000'), { p: 'x' })?.cost).toBe(3 + 500 * 4);
  });

  it('a nested connection counts its page (first, last, the smaller of both, else 20); fragments count where they are spread', () => {
    const query = (pods: string) => `query($p: String!) { ...Page }
      fragment Page on Query { statefulSets(project: $p, first: 10) { edges { node { ... on StatefulSet { ${pods} { nodes { events { reason } } } } } } } }`;
    // 3 + 10 StatefulSets × (pods 3 + n pods × events 1)
    expect(estimate(query('pods'), { p: 'x' })).toEqual({ rootFields: 1, cost: 3 + 10 * (3 + 20) });
    expect(estimate(query('pods(last: 2)'), { p: 'x' })?.cost).toBe(3 + 10 * (3 + 2));
    expect(estimate(query('pods(first: 4, last: 3)'), { p: 'x' })?.cost).toBe(3 + 10 * (3 + 3));
  });

  it('root fields through fragments and inline fragments are counted', () => {
    const query = `{ a: me { username } ... on Query { b: me { username } } ...F } fragment F on Query { c: me { username } }`;
    expect(estimate(query)?.rootFields).toBe(3);
  });

  it('variables that do not coerce: no estimate (the operation will not run)', () => {
    expect(
      estimate('query($n: Int!) { statefulSets(project: "x", first: $n) { totalCount } }', { n: 'many' }),
    ).toBeNull();
  });
});
