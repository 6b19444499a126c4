import {
  buildSchema,
  getNamedType,
  getNullableType,
  type GraphQLField,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { OPENAPI_FILE, SCHEMA_FILE } from './artifacts';

/**
 * What client generators see, read from the committed documents (artifacts.spec.ts keeps them equal
 * to the code): every list is a page of one shape per transport, and closed sets are enums.
 */
const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const openApi = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
interface Schema {
  type?: string;
  enum?: string[];
  properties?: Record<
    string,
    Schema & { $ref?: string; allOf?: { $ref: string }[]; items?: Schema & { $ref?: string } }
  >;
  required?: string[];
}
interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string; type?: string } }> }>;
}

const objectTypes = Object.values(schema.getTypeMap()).filter(
  (t) => isObjectType(t) && !t.name.startsWith('__'),
) as import('graphql').GraphQLObjectType[];

/**
 * Lists that are part of one object, not collections of their own: a container's ports, a form's
 * volumes, an object's recent events (at most 50), the cluster's nodes, an image's tags.
 */
const isCollection = (parent: string, field: GraphQLField<unknown, unknown>) =>
  parent === 'Query' || field.args.length > 0;

describe('the API as client generators see it', () => {
  it('GraphQL: every list that is a collection (a root field, or one with arguments) is a Relay connection', () => {
    const lists = objectTypes.flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => isListType(getNullableType(field.type)) && isCollection(type.name, field))
        .filter((field) => isObjectType(getNamedType(field.type)))
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(lists).toEqual([]);
  });

  it('GraphQL: every connection has totalCount, edges, nodes and pageInfo both ways, and is asked for with first/after/last/before', () => {
    const connections = objectTypes.filter((t) => t.name.endsWith('Connection'));
    expect(connections.length).toBeGreaterThanOrEqual(13);
    for (const connection of connections) {
      expect([connection.name, Object.keys(connection.getFields()).sort()]).toEqual([
        connection.name,
        ['edges', 'nodes', 'pageInfo', 'totalCount'],
      ]);
      const edge = getNamedType(connection.getFields().edges.type).name;
      expect([edge, Object.keys((schema.getType(edge) as typeof connection).getFields()).sort()]).toEqual([
        edge,
        ['cursor', 'node'],
      ]);
    }
    const pageInfo = schema.getType('PageInfo') as (typeof connections)[number];
    expect(Object.keys(pageInfo.getFields()).sort()).toEqual([
      'endCursor',
      'hasNextPage',
      'hasPreviousPage',
      'startCursor',
    ]);
    const paged = objectTypes.flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => getNamedType(field.type).name.endsWith('Connection'))
        .map((field) => [
          `${type.name}.${field.name}`,
          field.args.map((a) => a.name).filter((a) => PAGE.includes(a)),
        ]),
    );
    expect(paged.length).toBeGreaterThanOrEqual(15);
    for (const [field, args] of paged) expect([field, args]).toEqual([field, PAGE]);
  });

  it('REST: every collection answers {items, continue, totalItems} and takes limit and continue', () => {
    const gets = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      operations.get ? [[path, operations.get] as const] : [],
    );
    const arrays = gets.filter(
      ([, op]) => op.responses['200']?.content?.['application/json']?.schema.type === 'array',
    );
    expect(arrays.map(([path]) => path)).toEqual([]);
    const lists = gets.filter(([, op]) =>
      (op.responses['200']?.content?.['application/json']?.schema.$ref ?? '').endsWith('List'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(15);
    for (const [path, op] of lists) {
      const name = op.responses['200'].content!['application/json'].schema.$ref!.split('/').pop()!;
      const list = openApi.components.schemas[name];
      expect([path, Object.keys(list.properties ?? {}).sort(), [...(list.required ?? [])].sort()]).toEqual([
        path,
        ['continue', 'items', 'totalItems'],
        ['continue', 'items', 'totalItems'].filter((p) => p !== 'continue'),
      ]);
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect([path, query]).toEqual([path, expect.arrayContaining(['limit', 'continue'])]);
    }
  });

  it.each([
    ['Member', 'role', 'MemberRole'],
    ['User', 'platformRole', 'PlatformRole'],
    ['User', 'state', 'AccountState'],
    ['ApiToken', 'scope', 'ApiTokenScope'],
    ['ProjectSecurity', 'podSecurity', 'PodSecurityLevel'],
    ['StatefulSetStatus', 'phase', 'StatefulSetPhase'],
    ['Pod', 'phase', 'PodPhase'],
    ['ContainerStatusView', 'state', 'ContainerState'],
    ['Port', 'protocol', 'Protocol'],
    ['VolumeClaim', 'accessModes', 'AccessMode'],
    ['Container', 'imagePullPolicy', 'PullPolicy'],
    ['UpdateStrategy', 'type', 'UpdateStrategyType'],
    ['EventView', 'type', 'EventType'],
    ['AuditRecord', 'outcome', 'AuditOutcome'],
  ])('%s.%s is the enum %s in GraphQL and in OpenAPI', (type, field, set) => {
    const graphqlType = getNamedType(
      (schema.getType(type) as (typeof objectTypes)[number]).getFields()[field].type,
    );
    expect([graphqlType.name, isEnumType(graphqlType)]).toEqual([set, true]);
    const restName = Object.keys(openApi.components.schemas).find((name) =>
      [type, `${type}View`, `${type}Form`].includes(name),
    );
    const property = openApi.components.schemas[restName ?? type]?.properties?.[field];
    const ref = property?.allOf?.[0].$ref ?? property?.items?.$ref ?? property?.$ref;
    expect([type, field, ref]).toEqual([type, field, `#/components/schemas/${set}`]);
    expect(openApi.components.schemas[set].enum?.length).toBeGreaterThan(1);
  });

  it('GraphQL inputs take the same enums', () => {
    const inputs = Object.values(schema.getTypeMap()).filter(isInputObjectType);
    const strings = inputs.flatMap((input) =>
      Object.values(input.getFields())
        .filter((f) =>
          ['role', 'platformRole', 'state', 'scope', 'podSecurity', 'protocol', 'type'].includes(f.name),
        )
        .filter((f) => !isEnumType(getNamedType(f.type)))
        .map((f) => `${input.name}.${f.name}`),
    );
    expect(strings).toEqual([]);
  });
});

const PAGE = ['after', 'before', 'first', 'last'];
