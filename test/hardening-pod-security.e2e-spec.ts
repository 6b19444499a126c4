import { NAMESPACES, SERVICES, STATEFUL_SETS } from '../src/kube';
import { stringify } from 'yaml';
import type { KubeClient, V1Namespace, V1Pod, V1PodSpec } from '../src/kube';
import { podSecurityProblems } from '../src/kube/pod-security';
import { statefulSetApi } from './support/statefulset-api';
import { TestApp, testConfig } from './support/test-app';
import { projectMember, WorkloadProject, workloadProject } from './support/workload-fixture';

const CONTAINER = { name: 'web', image: 'nginx' };
const RESTRICTED_CONTAINER = {
  ...CONTAINER,
  securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
};

/** Pod specs for the cross-check with the API server's own Pod Security Admission. */
const SAMPLES: [string, Partial<V1PodSpec>][] = [
  ['a plain pod', {}],
  ['privileged', { containers: [{ ...CONTAINER, securityContext: { privileged: true } }] }],
  [
    'SYS_ADMIN',
    { containers: [{ ...CONTAINER, securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }] },
  ],
  [
    'NET_BIND_SERVICE',
    { containers: [{ ...CONTAINER, securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] },
  ],
  ['hostPath /', { volumes: [{ name: 'root', hostPath: { path: '/' } }] }],
  ['hostNetwork', { hostNetwork: true }],
  ['hostPID', { hostPID: true }],
  ['hostIPC', { hostIPC: true }],
  ['a host port', { containers: [{ ...CONTAINER, ports: [{ containerPort: 80, hostPort: 8080 }] }] }],
  ['seccomp Unconfined', { securityContext: { seccompProfile: { type: 'Unconfined' } } }],
  ['SELinux spc_t', { securityContext: { seLinuxOptions: { type: 'spc_t' } } }],
  ['an unsafe sysctl', { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } }],
  ['a safe sysctl', { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] } }],
  [
    'procMount Unmasked in a user namespace',
    { hostUsers: false, containers: [{ ...CONTAINER, securityContext: { procMount: 'Unmasked' } }] },
  ],
  [
    'root in a user namespace',
    {
      hostUsers: false,
      securityContext: { seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 0 },
      containers: [
        {
          ...CONTAINER,
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
    },
  ],
  [
    'restricted-ready',
    { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [RESTRICTED_CONTAINER] },
  ],
  [
    'root under restricted',
    {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 0 },
      containers: [RESTRICTED_CONTAINER],
    },
  ],
  [
    'an NFS volume',
    {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [RESTRICTED_CONTAINER],
      volumes: [{ name: 'n', nfs: { server: '127.0.0.1', path: '/' } }],
    },
  ],
];

/**
 * Pod security per project: namespaces carry Pod Security Admission labels, Berth refuses what the
 * project's level forbids before writing anything (naming the field, form and YAML alike), the API
 * server refuses it a second time, and only a platform admin changes a project's level or Services.
 */
describe('pod security per project', () => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    admin = await t.token();
    w = await workloadProject(t, admin);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  const namespace = (name: string) => kube.get(NAMESPACES.ref(name));
  const setSecurity = async (
    project: string,
    input: object,
    transport: 'graphql' | 'rest' = 'rest',
    token = admin,
  ) => {
    if (transport === 'rest') return t.as(token).put(`/api/v1/projects/${project}/security`).send(input);
    return t.graphql<{ updateProjectSecurity: { security: unknown } }>(
      'mutation($p: String!, $i: ProjectSecurityInput!) { updateProjectSecurity(project: $p, input: $i) { security { podSecurity allowedServiceTypes } } }',
      { p: project, i: input },
      token,
    );
  };
  const nothingNamed = async (name: string) => {
    expect(await kube.find(STATEFUL_SETS.ref(w.project, name))).toBeNull();
    expect(await kube.find(SERVICES.ref(w.project, name))).toBeNull();
  };

  it('a new project enforces baseline, and warns and audits at restricted', async () => {
    expect((await namespace(w.project)).metadata?.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
    const project = (await t.as(w.regular.token).get(`/api/v1/projects/${w.project}`)).body as {
      security: unknown;
    };
    expect(project.security).toEqual({ podSecurity: 'baseline', allowedServiceTypes: [] });
  });

  it('Berth’s verdict matches the API server’s own Pod Security Admission, level by level', async () => {
    const probe = await w.f.project(w.workspace);
    const verdicts: [string, string, boolean, boolean][] = [];
    for (const level of ['baseline', 'restricted'] as const) {
      expect((await setSecurity(probe, { podSecurity: level })).status).toBe(200);
      for (const [what, spec] of SAMPLES) {
        const pod: V1Pod = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { generateName: 'probe-', namespace: probe },
          spec: { containers: [CONTAINER], ...spec },
        };
        const berth = podSecurityProblems({ spec: pod.spec }, level).length === 0;
        const server = await kube.create(pod, { dryRun: true }).then(
          () => true,
          (error: unknown) => {
            if ((error as { code?: string }).code === 'FORBIDDEN') return false;
            throw error;
          },
        );
        verdicts.push([level, what, berth, server]);
      }
    }
    expect(verdicts.filter(([, , berth, server]) => berth !== server)).toEqual([]);
  });

  describe.each(['graphql', 'rest'] as const)('over %s', (transport) => {
    const form = (
      name: string,
      extra: Record<string, unknown> = {},
      container: Record<string, unknown> = {},
    ) => ({
      name,
      replicas: 1,
      containers: [{ name: 'web', image: 'nginx', ...container }],
      ...extra,
    });
    const yaml = (name: string, podSpec: Record<string, unknown>, service?: Record<string, unknown>) =>
      [
        stringify({
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: { name },
          spec: {
            serviceName: name,
            selector: { matchLabels: { app: name } },
            template: { metadata: { labels: { app: name } }, spec: { containers: [CONTAINER], ...podSpec } },
          },
        }),
        ...(service
          ? [
              stringify({
                apiVersion: 'v1',
                kind: 'Service',
                metadata: { name },
                spec: { selector: { app: name }, ports: [{ port: 80 }], ...service },
              }),
            ]
          : []),
      ].join('---\n');

    it('the form: a privileged container, SYS_ADMIN, a hostPath volume, the host timezone; each named, nothing written', async () => {
      const api = statefulSetApi(t, transport, w.project, w.regular.token);
      const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
        [{}, { securityContext: { privileged: true } }, 'containers[0].securityContext.privileged'],
        [
          {},
          { securityContext: { capabilitiesAdd: ['SYS_ADMIN'] } },
          'containers[0].securityContext.capabilitiesAdd[0]',
        ],
        [{ volumes: [{ name: 'root', type: 'hostPath', path: '/' }] }, {}, 'volumes[0].type'],
        [{ syncHostTimezone: true }, {}, 'syncHostTimezone'],
      ];
      for (const [extra, container, field] of cases) {
        const name = `psa-form-${transport}`;
        const res = await api.create(form(name, extra, container));
        expect([field, res.code, res.fields?.map((f) => f.path)]).toEqual([field, 'BAD_USER_INPUT', [field]]);
        expect(res.fields?.[0].message).toMatch(/baseline pod security/);
        await nothingNamed(name);
      }
    });

    it('YAML: host namespaces, hostPath /, a pinned node, a LoadBalancer with externalIPs; each named, nothing written', async () => {
      const api = statefulSetApi(t, transport, w.project, w.regular.token);
      const name = `psa-yaml-${transport}`;
      const cases: [string, string[]][] = [
        [
          yaml(name, { hostNetwork: true, hostPID: true, hostIPC: true }),
          [
            'yaml[0].spec.template.spec.hostNetwork',
            'yaml[0].spec.template.spec.hostPID',
            'yaml[0].spec.template.spec.hostIPC',
          ],
        ],
        [
          yaml(name, {
            volumes: [{ name: 'root', hostPath: { path: '/' } }],
            containers: [
              { ...CONTAINER, securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN'] } } },
            ],
          }),
          [
            'yaml[0].spec.template.spec.volumes[0].hostPath',
            'yaml[0].spec.template.spec.containers[0].securityContext.privileged',
            'yaml[0].spec.template.spec.containers[0].securityContext.capabilities.add[0]',
          ],
        ],
        [yaml(name, { nodeName: 'kwok-node-0' }), ['yaml[0].spec.template.spec.nodeName']],
        [
          yaml(name, {}, { type: 'LoadBalancer', externalIPs: ['127.0.0.9'] }),
          ['yaml[1].spec.type', 'yaml[1].spec.externalIPs'],
        ],
      ];
      for (const [document, fields] of cases) {
        const res = await api.createYaml(document);
        expect([res.code, res.fields?.map((f) => f.path).sort()]).toEqual([
          'BAD_USER_INPUT',
          [...fields].sort(),
        ]);
        await nothingNamed(name);
      }
    });
  });

  it('the API server refuses the same a second time, for anyone writing to the namespace', async () => {
    const user = kube.as({ user: `berth:${w.regular.username}` });
    const privileged: V1Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'direct', namespace: w.project },
      spec: { containers: [{ ...CONTAINER, securityContext: { privileged: true } }] },
    };
    await expect(user.create(privileged, { dryRun: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const pinned = { ...privileged, spec: { containers: [CONTAINER], nodeName: 'kwok-node-0' } };
    await expect(user.create(pinned, { dryRun: true })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'direct', namespace: w.project },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
    };
    await expect(user.create(service, { dryRun: true })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const external = { ...service, spec: { ports: [{ port: 80 }], externalIPs: ['127.0.0.9'] } };
    await expect(user.create(external, { dryRun: true })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('only a platform admin sets a project’s level and Service types (both transports); members see it', async () => {
    const projectAdmin = await projectMember(t, w, 'project-admin');
    expect(
      (await setSecurity(w.project, { podSecurity: 'privileged' }, 'rest', projectAdmin.token)).status,
    ).toBe(403);
    const gql = await setSecurity(w.project, { podSecurity: 'privileged' }, 'graphql', projectAdmin.token);
    expect((gql as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const bad = (await setSecurity(w.project, { podSecurity: 'anything' })) as {
      status: number;
      body: unknown;
    };
    expect([bad.status, (bad.body as { fields?: { path: string }[] }).fields?.[0].path]).toEqual([
      400,
      'podSecurity',
    ]);

    const viaGraphQL = await setSecurity(
      w.project,
      { podSecurity: 'privileged', allowedServiceTypes: ['LoadBalancer'] },
      'graphql',
    );
    expect(viaGraphQL).toMatchObject({
      data: {
        updateProjectSecurity: {
          security: { podSecurity: 'privileged', allowedServiceTypes: ['LoadBalancer'] },
        },
      },
    });
    expect((await namespace(w.project)).metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe(
      'privileged',
    );

    // Now the same requests go through, and are really written; externalIPs stay refused.
    const api = statefulSetApi(t, 'rest', w.project, w.regular.token);
    const allowed = await api.createYaml(
      stringify({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'host-net' },
        spec: {
          serviceName: 'host-net',
          selector: { matchLabels: { app: 'host-net' } },
          template: {
            metadata: { labels: { app: 'host-net' } },
            spec: {
              hostNetwork: true,
              containers: [{ ...CONTAINER, securityContext: { privileged: true } }],
            },
          },
        },
      }) +
        '---\n' +
        stringify({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'host-net' },
          spec: { type: 'LoadBalancer', selector: { app: 'host-net' }, ports: [{ port: 80 }] },
        }),
    );
    expect(allowed.ok).toBe(true);
    const external = await api.createYaml(
      stringify({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'ext' },
        spec: {
          serviceName: 'ext',
          selector: { matchLabels: { app: 'ext' } },
          template: { metadata: { labels: { app: 'ext' } }, spec: { containers: [CONTAINER] } },
        },
      }) +
        '---\n' +
        stringify({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'ext' },
          spec: { selector: { app: 'ext' }, ports: [{ port: 80 }], externalIPs: ['127.0.0.9'] },
        }),
    );
    expect([external.code, external.fields?.map((f) => f.path)]).toEqual([
      'BAD_USER_INPUT',
      ['yaml[1].spec.externalIPs'],
    ]);

    const viaRest = (await setSecurity(w.project, { podSecurity: 'baseline', allowedServiceTypes: [] })) as {
      body: unknown;
    };
    expect(viaRest.body).toMatchObject({ security: { podSecurity: 'baseline', allowedServiceTypes: [] } });
  });

  it('a restricted project: the form works with what restricted asks, and names what is missing', async () => {
    const project = await w.f.project(w.workspace);
    await setSecurity(project, { podSecurity: 'restricted' });
    const api = statefulSetApi(t, 'graphql', project, admin);
    const missing = await api.create({ name: 'loose', replicas: 1, containers: [CONTAINER] });
    expect(missing.fields?.map((f) => f.path)).toEqual([
      'containers[0].securityContext.allowPrivilegeEscalation',
      'containers[0].securityContext.runAsNonRoot',
      'containers[0].securityContext.capabilitiesDrop',
    ]);
    const ok = await api.create({
      name: 'tight',
      replicas: 1,
      containers: [
        {
          ...CONTAINER,
          securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilitiesDrop: ['ALL'] },
        },
      ],
    });
    expect(ok.ok).toBe(true);
  });

  it('the default level is configurable; projects made before the labels existed get it at start', async () => {
    const strict = await TestApp.start(testConfig({ podSecurityDefault: 'restricted' }));
    try {
      const token = await strict.token();
      const project = `psa-default-${w.f.suffix}`;
      const created = await strict
        .as(token)
        .post(`/api/v1/workspaces/${w.workspace}/projects`)
        .send({ name: project });
      expect(created.status).toBe(201);
      w.f.adopt('project', project);
      expect((await namespace(project)).metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe(
        'restricted',
      );

      // An older project: a Berth namespace without the labels.
      const older = `psa-older-${w.f.suffix}`;
      await kube.create<V1Namespace>({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: older,
          labels: { 'tenancy.berth.io/workspace': w.workspace, 'app.kubernetes.io/managed-by': 'berth' },
        },
      });
      w.f.adopt('project', older);
      const again = await TestApp.start(testConfig({ podSecurityDefault: 'restricted' }));
      await again.close();
      expect((await namespace(older)).metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe(
        'restricted',
      );
    } finally {
      await strict.close();
    }
  });
});
