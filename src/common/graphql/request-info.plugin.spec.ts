import { refusedMutationChanges } from './request-info.plugin';

describe('the changes of a GraphQL request refused before it ran', () => {
  it('names each mutation field, with the project, name and dry run as written or in variables', () => {
    const body = {
      query: `mutation Two($p: String!) {
        a: scaleStatefulSet(project: $p, name: "web", replicas: 3, dryRun: true) { dryRun }
        createConfigMap(project: $p, input: { name: "cfg", data: [] }) { name }
      }`,
      variables: { p: 'demo' },
    };
    expect(refusedMutationChanges(body, 'TOO_MANY_REQUESTS')).toEqual([
      expect.objectContaining({
        operation: 'mutation scaleStatefulSet',
        project: 'demo',
        name: 'web',
        dryRun: true,
        code: 'TOO_MANY_REQUESTS',
      }),
      expect.objectContaining({
        operation: 'mutation createConfigMap',
        project: 'demo',
        name: 'cfg',
        dryRun: false,
        code: 'TOO_MANY_REQUESTS',
      }),
    ]);
  });

  it('picks the operation by name, and is no change for a query or what does not parse', () => {
    const query = 'query Q { me { username } } mutation M { deletePod(project: "p", name: "x") { name } }';
    expect(refusedMutationChanges({ query, operationName: 'M' }, 'X').map((c) => c.operation)).toEqual([
      'mutation deletePod',
    ]);
    expect(refusedMutationChanges({ query, operationName: 'Q' }, 'X')).toEqual([]);
    expect(refusedMutationChanges({ query: 'mutation {' }, 'X')).toEqual([]);
    expect(refusedMutationChanges({ query: `mutation { ${'a '.repeat(20_000)} }` }, 'X')).toEqual([]);
    expect(refusedMutationChanges(undefined, 'X')).toEqual([]);
    expect(refusedMutationChanges({ query: 42 }, 'X')).toEqual([]);
  });
});
