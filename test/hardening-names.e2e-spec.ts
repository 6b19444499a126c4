import {
  CONFIG_MAPS,
  KubeObject,
  PERSISTENT_VOLUME_CLAIMS,
  Resource,
  SECRETS,
  STATEFUL_SETS,
} from '../src/kube';
import { NAMESPACES } from '../src/kube';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { KubeClient, KubeRequestRecord } from '../src/kube';
import { configApi } from './support/config-api';
import { rawRequest } from './support/raw-http';
import { restApi } from './support/statefulset-api';
import { TestApp } from './support/test-app';
import { projectMember, WorkloadProject, workloadProject } from './support/workload-fixture';

/** `.`, `..` and their encodings would address a collection or its parent; `%2F` a deeper path. */
const BAD_NAMES = ['.', '..', '%2E', '%2E%2E', '%2e%2E', '..%2F..', '%2E%2E%2F%2E%2E'];
/** The same, as GraphQL argument values. */
const BAD_ARGUMENTS = ['.', '..', '../..', 'a/b', 'A', '-x', ''];
/** Arguments that name an object (filters called `name` are substrings, not names). */
const NAME_ARGUMENTS = new Set(['project', 'workspace', 'name', 'username', 'pod', 'container', 'secret']);

/**
 * Every name in a path or argument is checked against its Kubernetes rule before anything else, on
 * both transports: BAD_USER_INPUT naming the parameter, with not one call to the API server.
 */
describe('names are validated before any call', () => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  let viewer: { username: string; token: string };
  let calls: KubeRequestRecord[] = [];
  let stop = () => undefined as unknown;

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    w = await workloadProject(t, await t.token());
    viewer = await projectMember(t, w, 'project-viewer');
    const sts = await restApi(t, w.project, w.regular.token).create({
      name: 'web',
      replicas: 0,
      containers: [{ name: 'web', image: 'nginx' }],
    });
    if (!sts.ok) throw new Error(sts.raw);
    const config = configApi(t, 'rest', w.project, w.regular.token);
    if (!(await config.createConfigMap({ name: 'cm', data: [{ key: 'a', value: 'b' }] })).ok)
      throw new Error('configmap');
    if (!(await config.createSecret({ name: 'sec', kind: 'OPAQUE', data: [{ key: 'a', value: 'b' }] })).ok)
      throw new Error('secret');
    const volume = await t
      .as(w.regular.token)
      .post(`/api/v1/projects/${w.project}/volumes`)
      .send({ name: 'vol', accessModes: ['ReadWriteOnce'], size: '1Gi' });
    if (volume.status !== 201) throw new Error(volume.text);
    stop = kube.observe((call) => calls.push(call));
  });

  afterAll(async () => {
    stop();
    await w.f.cleanUp();
    await t.close();
  });

  /** Every object of the project is still there, and the namespace too. */
  const expectNothingTouched = async () => {
    const ns = await kube.get(NAMESPACES.ref(w.project));
    expect(ns.metadata?.deletionTimestamp).toBeUndefined();
    const names = async (resource: Resource<KubeObject>) =>
      (await kube.list(resource, { namespace: w.project })).items.map((o) => o.metadata?.name);
    expect(await names(STATEFUL_SETS)).toContain('web');
    expect(await names(PERSISTENT_VOLUME_CLAIMS)).toContain('vol');
    expect(await names(CONFIG_MAPS)).toContain('cm');
    expect(await names(SECRETS)).toContain('sec');
  };

  it('REST: every path parameter of every route (from the OpenAPI document)', async () => {
    const doc = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const valid: Record<string, string> = {
      project: w.project,
      workspace: w.workspace,
      username: viewer.username,
      pod: 'web-0',
    };
    const objectAfter: Record<string, string> = {
      statefulsets: 'web',
      volumes: 'vol',
      configmaps: 'cm',
      secrets: 'sec',
      tokens: 'tok',
    };
    let checked = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      const placeholders = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const method of Object.keys(operations)) {
        for (const target of placeholders) {
          for (const bad of BAD_NAMES) {
            const path = template.replace(/(\w+)\/\{(\w+)\}/g, (_, before: string, param: string) => {
              const value = param === target ? bad : param === 'name' ? objectAfter[before] : valid[param];
              return `${before}/${value}`;
            });
            calls = [];
            const res = await rawRequest(
              t.server,
              method.toUpperCase(),
              path,
              { authorization: `Bearer ${viewer.token}`, 'content-type': 'application/json' },
              method === 'get' || method === 'delete' ? undefined : '{}',
            );
            const what = `${method.toUpperCase()} ${path}`;
            expect([what, res.status, (res.json as { code?: string }).code]).toEqual([
              what,
              400,
              'BAD_USER_INPUT',
            ]);
            expect([what, (res.json as { fields?: { path: string }[] }).fields?.[0]?.path]).toEqual([
              what,
              target,
            ]);
            expect([what, calls.map((c) => `${c.method} ${c.url}`)]).toEqual([what, []]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    await expectNothingTouched();
  });

  it('REST: names in query strings (a container, an image-registry Secret) never reach the API server', async () => {
    for (const [path, param] of [
      [`/api/v1/projects/${w.project}/pods/web-0/logs?container=`, 'container'],
      [`/api/v1/projects/${w.project}/images/inspect?image=nginx&secret=`, 'secret'],
    ]) {
      for (const bad of BAD_NAMES) {
        calls = [];
        const res = await rawRequest(t.server, 'GET', path + bad, {
          authorization: `Bearer ${viewer.token}`,
        });
        expect([
          path + bad,
          res.status,
          (res.json as { fields?: { path: string }[] }).fields?.[0]?.path,
        ]).toEqual([path + bad, 400, param]);
        // Only the caller's own sign-in and project were looked up; nothing named by the bad value.
        expect(
          calls.filter((c) => !/accounts|namespaces\/[^/]+$|rolebindings|workspacemembers/.test(c.url)),
        ).toEqual([]);
      }
    }
  });

  it('GraphQL: every name argument of every query and mutation (from the schema)', async () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
    const valid: Record<string, string> = {
      project: w.project,
      workspace: w.workspace,
      username: viewer.username,
      pod: 'web-0',
      container: 'web',
      secret: 'sec',
      name: 'web',
    };
    let checked = 0;
    for (const root of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
      for (const field of Object.values(root.getFields())) {
        const names = field.args.filter(
          (a) => NAME_ARGUMENTS.has(a.name) && !/part of the name/i.test(a.description ?? ''),
        );
        for (const target of names) {
          for (const bad of BAD_ARGUMENTS) {
            const variables: Record<string, unknown> = {};
            for (const arg of field.args) {
              if (arg === target) variables[arg.name] = bad;
              else if (names.includes(arg)) variables[arg.name] = valid[arg.name];
              else if (isNonNullType(arg.type)) variables[arg.name] = sample(arg.type);
            }
            const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
            const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
            const selection = selectionFor(getNamedType(field.type));
            const operation = root === schema.getMutationType() ? 'mutation' : 'query';
            calls = [];
            const res = await t.graphql(
              `${operation}(${declared}) { ${field.name}(${passed}) ${selection} }`,
              variables,
              viewer.token,
            );
            const what = `${field.name}(${target.name}: ${JSON.stringify(bad)})`;
            expect([what, res.errors?.[0]?.extensions.code]).toEqual([what, 'BAD_USER_INPUT']);
            expect([what, res.errors?.[0]?.extensions.fields?.[0]?.path]).toEqual([what, target.name]);
            expect([what, calls.map((c) => `${c.method} ${c.url}`)]).toEqual([what, []]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    await expectNothingTouched();
  });

  it('sign-in with a name no account can have is an ordinary refusal, never a 500', async () => {
    for (const username of ['.', '..', '%2E', 'a/b', 'A'.repeat(300), '\u0000']) {
      const res = await t
        .http()
        .post('/oauth/token')
        .type('form')
        .send({ grant_type: 'password', username, password: 'Wrong-Passw0rd' });
      expect([username, res.status, (res.body as { error?: string }).error]).toEqual([
        username,
        400,
        'invalid_grant',
      ]);
    }
  });
});

/** The smallest value of a GraphQL input type that passes GraphQL's own validation. */
function sample(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isScalarType(inner)) {
    if (inner.name === 'Int' || inner.name === 'Float') return 1;
    if (inner.name === 'Boolean') return false;
    if (inner.name === 'DateTime') return new Date(Date.now() + 86_400_000).toISOString();
    return 'a';
  }
  if (isInputObjectType(inner)) return sampleObject(inner);
  return null;
}

function sampleObject(type: GraphQLInputObjectType): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields()))
    if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sample(field.type);
  return value;
}

/** A selection of one scalar field, enough for a valid operation. */
function selectionFor(type: ReturnType<typeof getNamedType>): string {
  if (!(type instanceof GraphQLObjectType)) return '';
  const scalar = Object.values(type.getFields()).find(
    (f) => isScalarType(getNamedType(f.type)) && f.args.length === 0,
  );
  if (scalar) return `{ ${scalar.name} }`;
  const nested = Object.values(type.getFields())[0];
  return `{ ${nested.name} ${selectionFor(getNamedType(nested.type))} }`;
}
