import { NAMESPACES, ROLE_BINDINGS, SECRETS, SERVICES, STATEFUL_SETS, type Resource } from '../src/kube';
import { ACCOUNTS, WORKSPACE_MEMBERS, WORKSPACES } from '../src/iam/resources';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildSchema, getNamedType, GraphQLObjectType, isScalarType } from 'graphql';
import type { KubeObject } from '../src/kube';
import { anyYaml, fromGraphQLType, fromJsonSchema, NASTY_STRINGS } from './support/fuzz-arbitraries';
import { rawRequest } from './support/raw-http';
import { restApi } from './support/statefulset-api';
import { FIXTURE_PASSWORD } from './support/tenancy-fixture';
import { ADMIN, apiServerUrl, TestApp, testConfig } from './support/test-app';
import { WorkloadProject, workloadProject } from './support/workload-fixture';
import { closedPort } from './support/registry';
/** CI runs this many cases from a fixed seed; `npm run fuzz` runs more from a new one (both print the seed). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED =
  process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261201);

/** Operations that would take the fixture itself away (its project, workspace, users, their passwords). */
const SPARED_REST = new Set([
  'put /api/v1/users/{username}/password',
  'patch /api/v1/users/{username}',
  'put /api/v1/projects/{project}/members/{username}',
  'put /api/v1/workspaces/{workspace}/members/{username}',
]);
const SPARED_GRAPHQL = new Set([
  'deleteProject',
  'deleteWorkspace',
  'deleteUser',
  'changePassword',
  'updateUser',
  'removeProjectMember',
  'changeProjectMemberRole',
  'removeWorkspaceMember',
  'changeWorkspaceMemberRole',
]);

/** Percent-encodes every byte but the unreserved ones; unlike encodeURIComponent, never throws (lone surrogates). */
function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

interface Target {
  name: string;
  send(caller: string, input: Record<string, unknown>): Promise<{ status: number; text: string }>;
  input: fc.Arbitrary<Record<string, unknown>>;
}

/**
 * Property-based fuzzing of every mutation and every REST body, on both transports, as a hostile
 * tenant and as a platform admin: whatever comes in, no answer is a 5xx or INTERNAL, none carries a
 * stack trace, a file path, the API server's address or a credential, and nothing is left half made.
 */
describe('fuzz: every mutation and REST body', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let admin: string;
  let fuzzAdmin: string;
  let signingKey: string;

  beforeAll(async () => {
    // Short image names resolve to a closed port on 127.0.0.1: nothing is ever sent elsewhere.
    const registry = `127.0.0.1:${await closedPort()}`;
    t = await TestApp.start(
      testConfig({ defaultRegistry: registry, registries: { [registry]: { insecure: true } } }),
    );
    admin = await t.token();
    w = await workloadProject(t, admin);
    // A platform admin of its own, so what the fuzz made is told apart from other suites' objects by its creator.
    const { username } = await w.f.user('platform-admin');
    fuzzAdmin = username;
    admin = await w.f.signIn(username);
    const sts = await restApi(t, w.project, w.regular.token).create({
      name: 'fz-web',
      replicas: 1,
      containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }],
    });
    if (!sts.ok) throw new Error(sts.raw);
    const api = t.as(w.regular.token);
    const base = `/api/v1/projects/${w.project}`;
    await api
      .post(`${base}/volumes`)
      .send({ name: 'fz-vol', accessModes: ['ReadWriteOnce'], size: '1Gi' })
      .expect(201);
    await api
      .post(`${base}/configmaps`)
      .send({ name: 'fz-cm', data: [{ key: 'a', value: 'b' }] })
      .expect(201);
    await api
      .post(`${base}/secrets`)
      .send({ name: 'fz-sec', kind: 'OPAQUE', data: [{ key: 'a', value: 'b' }] })
      .expect(201);
    // However valid a generated form, the project runs at most a few pods.
    await t.kube.create({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'fuzz', namespace: w.project },
      spec: { hard: { pods: '10', persistentvolumeclaims: '20' } },
    } as KubeObject);
    const key = await t.kube.get(SECRETS.ref('berth-system', 'berth-token-signing-key'));
    signingKey = key.data?.key ?? '';
  });

  afterAll(async () => {
    // Closed even when the clean-up fails, so a failed run still ends (no open handles).
    try {
      await w.f.cleanUp();
    } finally {
      await t.close();
    }
  });

  /** Objects of `kind` that the fuzz's own callers made. */
  const madeByFuzz = async <T extends KubeObject>(resource: Resource<T>, labelSelector?: string) =>
    (await t.kube.list(resource, { labelSelector })).items.filter((o) =>
      [fuzzAdmin, w.regular.username].includes(o.metadata?.annotations?.['berth.io/creator'] ?? ''),
    );

  /** Values for names: mostly the fixture's own, so operations reach real objects; often nasty. */
  const pool = (param: string): fc.Arbitrary<string> => {
    const own: Record<string, string[]> = {
      project: [w.project],
      workspace: [w.workspace],
      username: [w.regular.username],
      pod: ['fz-web-0'],
      name: ['fz-web', 'fz-vol', 'fz-cm', 'fz-sec', 'tok'],
      container: ['web'],
      secret: ['fz-sec'],
    };
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(own[param] ?? ['x'])) },
      { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    );
  };

  const restTargets = (): Target[] => {
    const doc = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'openapi.json'), 'utf8')) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>
      >;
      components: { schemas: Record<string, object> };
    };
    const targets: Target[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.requestBody || SPARED_REST.has(`${method} ${template}`)) continue;
        const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const content = operation.requestBody.content;
        const json = content['application/json'] ?? Object.values(content)[0];
        const yaml = 'application/yaml' in content;
        const form = 'application/x-www-form-urlencoded' in content;
        targets.push({
          name: `${method.toUpperCase()} ${template}`,
          input: fc.record({
            params: fc.record(Object.fromEntries(params.map((p) => [p, pool(p)]))),
            body: fromJsonSchema(json.schema, doc.components.schemas),
            yaml: yaml ? fc.option(anyYaml, { nil: undefined, freq: 2 }) : fc.constant(undefined),
            form: fc.boolean(),
            query: fc.dictionary(
              fc.constantFrom('dryRun', 'resourceVersion', 'force', 'deleteService', 'deleteVolumes'),
              fc.oneof(fc.constantFrom('true', 'false', '1', ''), fc.constantFrom(...NASTY_STRINGS)),
            ),
          }),
          send: (caller, input) => {
            const values = input.params as Record<string, string>;
            let path = template.replace(/\{(\w+)\}/g, (_, p: string) => encodeSegment(values[p]));
            const query = new URLSearchParams(input.query as Record<string, string>).toString();
            if (query) path += `?${query}`;
            const headers: Record<string, string> = { authorization: `Bearer ${caller}` };
            let body: string;
            if (typeof input.yaml === 'string') {
              headers['content-type'] = 'application/yaml';
              body = input.yaml;
            } else if (form && input.form && input.body && typeof input.body === 'object') {
              headers['content-type'] = 'application/x-www-form-urlencoded';
              body = new URLSearchParams(
                Object.entries(input.body).map(([k, v]): [string, string] => [
                  k,
                  typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
                ]),
              ).toString();
            } else {
              headers['content-type'] = 'application/json';
              body = JSON.stringify(input.body) ?? 'null';
            }
            return rawRequest(t.server, method.toUpperCase(), path, headers, body);
          },
        });
      }
    }
    return targets;
  };

  const graphqlTargets = (): Target[] => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
    const mutation = schema.getMutationType()!;
    return Object.values(mutation.getFields())
      .filter((field) => !SPARED_GRAPHQL.has(field.name))
      .map((field) => {
        const named = getNamedType(field.type);
        const scalar =
          named instanceof GraphQLObjectType
            ? Object.values(named.getFields()).find(
                (f) => isScalarType(getNamedType(f.type)) && !f.args.length,
              )?.name
            : undefined;
        const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query = `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${scalar ? `{ ${scalar} }` : ''} }`;
        const names = new Set(['project', 'workspace', 'name', 'username', 'pod', 'container', 'secret']);
        return {
          name: `mutation ${field.name}`,
          input: fc.record(
            Object.fromEntries(
              field.args.map((a) => [a.name, names.has(a.name) ? pool(a.name) : fromGraphQLType(a.type)]),
            ),
          ),
          send: (caller: string, variables: Record<string, unknown>) =>
            rawRequest(
              t.server,
              'POST',
              '/graphql',
              { 'content-type': 'application/json', authorization: `Bearer ${caller}` },
              JSON.stringify({ query, variables }),
            ),
        };
      });
  };

  /** Anything an answer must never carry. */
  const leaks = (): [string, RegExp | string][] => [
    ['a stack trace', /\bat (?:[\w.<>]+ )?\(?\/[^\s)]+:\d+:\d+\)?/],
    ['a file path', process.cwd()],
    ['node_modules', 'node_modules'],
    ['the API server address', new URL(apiServerUrl()).host],
    ['the admin password', ADMIN.password],
    ['a fixture password', FIXTURE_PASSWORD],
    ['the signing key', signingKey],
  ];

  it(
    `${RUNS} cases (seed ${SEED}): no 5xx or INTERNAL, nothing leaked, nothing half made`,
    async () => {
      const targets = [...restTargets(), ...graphqlTargets()];
      const byName = new Map(targets.map((x) => [x.name, x]));
      // Services a deleteStatefulSet was asked to keep (deleteService: false) may outlive their StatefulSet.
      const kept = new Set<string>();
      const callers = { regular: w.regular.token, admin };
      const started = Date.now();
      process.stdout.write(`fuzz: ${RUNS} cases from seed ${SEED} (FUZZ_SEED=${SEED} reruns them)\n`);
      let cases = 0;
      const problems = leaks();
      await fc.assert(
        fc.asyncProperty(
          // Names, not the targets themselves, so a counterexample prints as what was sent.
          fc
            .constantFrom(...targets.map((x) => x.name))
            .chain((name) =>
              fc.tuple(
                fc.constant(name),
                fc.constantFrom<keyof typeof callers>('regular', 'admin'),
                byName.get(name)!.input,
              ),
            ),
          async ([name, caller, input]) => {
            const target = byName.get(name)!;
            cases++;
            if (
              name === 'mutation deleteStatefulSet' &&
              input.deleteService === false &&
              input.dryRun !== true
            )
              kept.add(String(input.name));
            const res = await target.send(callers[caller], input);
            const what = `${target.name} as ${caller}: ${res.status} ${res.text.slice(0, 300)}`;
            expect([what, res.status < 500]).toEqual([what, true]);
            expect([what, res.text.includes('"INTERNAL"')]).toEqual([what, false]);
            for (const [name, pattern] of problems) {
              const found =
                typeof pattern === 'string'
                  ? pattern !== '' && res.text.includes(pattern)
                  : pattern.test(res.text);
              expect([what, name, found]).toEqual([what, name, false]);
            }
          },
        ),
        // A case that gets no answer within 20 s fails as such (a hang is a bug too).
        { numRuns: RUNS, seed: SEED, endOnFailure: true, timeout: 20_000 },
      );
      process.stdout.write(
        `fuzz: ${cases} cases over ${targets.length} operations in ${Date.now() - started} ms (seed ${SEED})\n`,
      );

      // Nothing half made, in every project the fuzz touched or made: each StatefulSet has its
      // Service and each Service its StatefulSet; each project its bindings; each workspace its admin.
      const projects = await madeByFuzz(NAMESPACES, 'tenancy.berth.io/workspace');
      const workspaces = await madeByFuzz(WORKSPACES);
      const users = await madeByFuzz(ACCOUNTS);
      // They go when the fixture does (projects first, then workspaces, then users).
      for (const p of projects) w.f.adopt('project', p.metadata?.name ?? '');
      for (const x of workspaces) w.f.adopt('workspace', x.metadata.name);
      for (const u of users) w.f.adopt('user', u.metadata?.name ?? '');
      for (const namespace of [w.project, ...projects.map((p) => p.metadata?.name ?? '')]) {
        const items = async <T extends KubeObject>(resource: Resource<T>) =>
          (await t.kube.list(resource, { namespace })).items;
        const statefulSets = await items(STATEFUL_SETS);
        const services = await items(SERVICES);
        const serviceNames = new Set(services.map((x) => x.metadata?.name));
        expect([
          namespace,
          statefulSets.filter((x) => !serviceNames.has(x.spec?.serviceName)).map((x) => x.metadata?.name),
        ]).toEqual([namespace, []]);
        const served = new Set(statefulSets.map((x) => x.spec?.serviceName));
        expect([
          namespace,
          services
            .filter((x) => !served.has(x.metadata?.name) && !kept.has(x.metadata?.name ?? ''))
            .map((x) => x.metadata?.name),
        ]).toEqual([namespace, []]);
      }
      for (const project of projects) {
        const name = project.metadata?.name ?? '';
        const creator = project.metadata?.annotations?.['berth.io/creator'] ?? '';
        const bindings = (await t.kube.list(ROLE_BINDINGS, { namespace: name })).items.map(
          (b) => b.metadata?.name,
        );
        expect([name, bindings.sort()]).toEqual([
          name,
          ['berth-project-admin-' + creator, 'berth-workspace-admins', 'berth-workspace-viewers'].sort(),
        ]);
      }
      for (const workspace of workspaces) {
        const members = (
          await t.kube.list(WORKSPACE_MEMBERS, {
            labelSelector: `tenancy.berth.io/workspace=${workspace.metadata.name}`,
          })
        ).items;
        expect([
          workspace.metadata.name,
          members.some(
            (m) => m.spec.user === workspace.spec.manager && String(m.spec.role) === 'workspace-admin',
          ),
        ]).toEqual([workspace.metadata.name, true]);
      }
    },
    60_000 + RUNS * 60,
  );
});
