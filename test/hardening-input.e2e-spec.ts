import { KubeObject, Resource } from '../src/kube';
import { SERVICES, STATEFUL_SETS } from '../src/kube';
import { stringify } from 'yaml';
import type { KubeClient } from '../src/kube';
import { rawRequest } from './support/raw-http';
import { StatefulSetApi, statefulSetApi } from './support/statefulset-api';
import { TestApp } from './support/test-app';
import { WorkloadProject, workloadProject } from './support/workload-fixture';

const sts = (name: string, spec: unknown) =>
  stringify({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name }, spec });
const template = (name: string, podSpec: unknown) => ({
  selector: { matchLabels: { app: name } },
  template: { metadata: { labels: { app: name } }, spec: podSpec },
});

/** YAML that used to answer 500 (or mislead): each is BAD_USER_INPUT naming the field. */
const BAD_YAML: [string, (name: string) => string, string][] = [
  ['spec is {}', (n) => sts(n, {}), 'yaml[0].spec.selector'],
  ['spec is a string', (n) => sts(n, 'web'), 'yaml[0].spec'],
  ['spec is a list', (n) => sts(n, [1, 2]), 'yaml[0].spec'],
  [
    'no spec',
    (n) => stringify({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: n } }),
    'yaml[0].spec',
  ],
  ['no template', (n) => sts(n, { selector: { matchLabels: { app: n } } }), 'yaml[0].spec.template'],
  [
    'no selector',
    (n) =>
      sts(n, {
        template: { metadata: { labels: { app: n } }, spec: { containers: [{ name: 'a', image: 'b' }] } },
      }),
    'yaml[0].spec.selector',
  ],
  [
    'containers that is not a list',
    (n) => sts(n, template(n, { containers: 'nginx' })),
    'yaml[0].spec.template.spec.containers',
  ],
  [
    'containers that is a map',
    (n) => sts(n, template(n, { containers: { web: 1 } })),
    'yaml[0].spec.template.spec.containers',
  ],
  [
    'ports that is not a list',
    (n) => sts(n, template(n, { containers: [{ name: 'a', image: 'b', ports: 80 }] })),
    'yaml[0].spec.template.spec.containers[0].ports',
  ],
  [
    'a port that is not an object',
    (n) => sts(n, template(n, { containers: [{ name: 'a', image: 'b', ports: [80] }] })),
    'yaml[0].spec.template.spec.containers[0].ports[0]',
  ],
  [
    'a container that is null',
    (n) => sts(n, template(n, { containers: [null] })),
    'yaml[0].spec.template.spec.containers[0]',
  ],
  [
    'a Service whose spec is a string',
    (n) =>
      `${sts(n, { serviceName: n, ...template(n, { containers: [{ name: 'a', image: 'b' }] }) })}---\n${stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: n }, spec: 'x' })}`,
    'yaml[1].spec',
  ],
  [
    'an alias bomb',
    () => {
      const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 10; i++)
        lines.push(
          `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(96 + i)}`)
            .join(',')}]`,
        );
      return `${lines.join('\n')}\n`;
    },
    'yaml',
  ],
  [
    'a key that means something to JavaScript',
    (n) => sts(n, { ...template(n, { containers: [{ name: 'a', image: 'b' }] }), constructor: { x: 1 } }),
    'yaml[0].spec.constructor',
  ],
];

describe.each(['graphql', 'rest'] as const)('no 500 from any input, over %s', (transport) => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  let api: StatefulSetApi;

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    w = await workloadProject(t, await t.token());
    api = statefulSetApi(t, transport, w.project, w.regular.token);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  const nothingWritten = async () => {
    const names = async (resource: Resource<KubeObject>) =>
      (await kube.list(resource, { namespace: w.project })).items.map((o) => o.metadata?.name ?? '');
    expect((await names(STATEFUL_SETS)).filter((n) => !n.startsWith('keep-'))).toEqual([]);
    expect((await names(SERVICES)).filter((n) => !n.startsWith('keep-'))).toEqual([]);
  };

  it.each(BAD_YAML)(
    'YAML with %s: BAD_USER_INPUT naming the field, nothing written',
    async (_, yaml, field) => {
      const res = await api.createYaml(yaml(`bad-${transport}`));
      expect([res.code, res.fields?.map((f) => f.path)]).toEqual(['BAD_USER_INPUT', [field]]);
      await nothingWritten();
    },
  );

  it('YAML without spec.serviceName gets the headless Service a console user expects (named like it)', async () => {
    const name = `keep-${transport}`;
    const res = await api.createYaml(
      sts(
        name,
        template(name, {
          containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }],
        }),
      ),
    );
    expect(res.ok).toBe(true);
    const created = await kube.get(STATEFUL_SETS.ref(w.project, name));
    expect(created.spec?.serviceName).toBe(name);
    const service = await kube.get(SERVICES.ref(w.project, name));
    expect(service.spec?.clusterIP).toBe('None');
    expect(service.spec?.selector).toEqual({ app: name });
    expect(service.spec?.ports?.map((p) => p.port)).toEqual([80]);
  });
});

describe('no 500 from any body', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.token();
    w = await workloadProject(t, admin);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  const post = (path: string, body: string, token = w.regular.token, type = 'application/json') =>
    rawRequest(t.server, 'POST', path, { 'content-type': type, authorization: `Bearer ${token}` }, body);
  const statefulSets = `/api/v1/projects/${'$P'}/statefulsets`;
  const container = '{"name":"web","image":"nginx"}';

  it('REST bodies that used to crash the service answer 400 BAD_USER_INPUT naming the field', async () => {
    const cases: [string, string, string, string?][] = [
      [statefulSets, `{"name":"a","containers":[${container}],"constructor":{"a":1}}`, 'constructor'],
      [
        statefulSets,
        `{"name":"a","containers":[{"name":"web","image":"nginx","constructor":{"x":1}}]}`,
        'containers[0].constructor',
      ],
      [statefulSets, `{"name":"a","containers":[[]]}`, 'containers[0]'],
      [statefulSets, `{"name":"a","containers":[null]}`, 'containers[0]'],
      [
        statefulSets,
        `{"name":"a","containers":[{"name":"web","image":"nginx","ports":[[]]}]}`,
        'containers[0].ports[0]',
      ],
      [statefulSets, `{"name":"a","containers":[${container}],"labels":[[]]}`, 'labels[0]'],
      [statefulSets, `{"name":{"toString":"x"},"containers":[${container}]}`, 'name'],
      [statefulSets, `{"name":"a","containers":[${container}],"__proto__":{"polluted":true}}`, '__proto__'],
      [statefulSets, `{"name":"a","containers":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, 'body'],
      [statefulSets, `{"name":"${'a'.repeat(2_000_000)}"}`, 'body'],
      [
        '/api/v1/users',
        '{"username":"x1","email":"a\\ud800@example.com","password":"Abcdefg1x"}',
        'email',
        'admin',
      ],
      ['/api/v1/workspaces', '{"name":"ws-x","description":"\\udc00"}', 'description', 'admin'],
    ];
    for (const [path, body, field, who] of cases) {
      const res = await post(path.replace('$P', w.project), body, who === 'admin' ? admin : w.regular.token);
      const json = res.json as { code?: string; fields?: { path: string }[] } | undefined;
      const what = `${path} ${body.slice(0, 50)}`;
      expect([what, res.status, json?.code]).toEqual([what, 400, 'BAD_USER_INPUT']);
      if (field !== 'body')
        expect([what, [...new Set(json?.fields?.map((f) => f.path))]]).toEqual([what, [field]]);
    }
    // Nothing was written.
    const list = await t.as(w.regular.token).get(`/api/v1/projects/${w.project}/statefulsets`);
    expect((list.body as { items: unknown[] }).items).toEqual([]);
    const users = (await t.as(admin).get('/api/v1/users?limit=500')).body as {
      items: { username: string }[];
    };
    expect(users.items.length).toBeGreaterThan(0);
    expect(users.items.map((u) => u.username)).not.toContain('x1');
  });

  it('GraphQL variables that used to crash the service answer BAD_USER_INPUT naming the field', async () => {
    const mutation = 'mutation($i: CreateUserInput!) { createUser(input: $i) { username } }';
    const body = `{"query":${JSON.stringify(mutation)},"variables":{"i":{"username":"x2","email":"a\\ud800@example.com","password":"Abcdefg1x"}}}`;
    const res = await post('/graphql', body, admin);
    const json = res.json as { errors?: { extensions: { code: string; fields?: { path: string }[] } }[] };
    expect(json.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'email', message: 'must be valid Unicode text' }],
    });

    const deep = `{"query":"{ me { username } }","variables":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    const refused = await post('/graphql', deep, admin);
    expect([refused.status, (refused.json as { code?: string }).code]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('the OAuth endpoints answer OAuth errors, never a 500, for odd bodies', async () => {
    const bodies: [string, string][] = [
      ['application/json', '{"grant_type":"password","username":{"toString":"x"},"password":"y"}'],
      ['application/json', '{"grant_type":["password"],"username":"a","password":"b"}'],
      ['application/json', '{"grant_type":"refresh_token","refresh_token":{"a":1}}'],
      ['application/json', '[[]]'],
      ['application/json', 'null'],
      ['application/x-www-form-urlencoded', 'grant_type=password&username=a&username=b&password=c'],
      ['application/x-www-form-urlencoded', `grant_type=password&username=${'%ED%A0%80'}&password=c`],
    ];
    for (const [type, body] of bodies) {
      for (const path of ['/oauth/token', '/oauth/revoke']) {
        const res = await rawRequest(t.server, 'POST', path, { 'content-type': type }, body);
        const what = `${path} ${body}`;
        expect([what, res.status < 500, typeof (res.json as { error?: string } | undefined)?.error]).toEqual([
          what,
          true,
          'string',
        ]);
      }
    }
  });
});
