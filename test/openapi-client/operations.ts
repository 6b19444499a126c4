import type { Client } from 'openapi-fetch';
import type { paths } from './berth-api';

/** The names one run of every operation uses (made fresh per run). */
export interface Names {
  /** The signed-in caller (API tokens are made by their owner). */
  owner: string;
  user: string;
  workspace: string;
  project: string;
  statefulSet: string;
  volume: string;
  configMap: string;
  secret: string;
  token: string;
}

/** What every call answers: openapi-fetch's result, of which the test reads only the raw response. */
export interface Answer {
  response: Response;
}

/** An operation, the status it answers in this run, the call, and what to wait for before it (not counted). */
export type Operation = readonly [
  key: string,
  status: number | readonly number[],
  call: () => Promise<Answer>,
  ready?: () => Promise<void>,
];

const PASSWORD = 'Client-Passw0rd-1';

/** Waits, bounded, until `probe` holds (this file is type-checked on its own: no test helpers). */
async function until(probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** resourceVersions earlier answers carried, for the updates that need them. */
interface Versions {
  statefulSet?: string;
  configMap?: string;
  secret?: string;
}

/**
 * Every REST operation of the committed document, called through a client generated from it, in an
 * order where each finds what earlier ones made. Written against the generated types only: a path,
 * parameter or body the document does not declare does not compile.
 */
export function operations(api: Client<paths>, n: Names, session: { refreshToken: string }): Operation[] {
  const project = { project: n.project };
  const set = { project: n.project, name: n.statefulSet };
  const versions: Versions = {};
  const form = {
    name: n.statefulSet,
    replicas: 1,
    containers: [{ name: 'main', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
  };
  return [
    ['GET /healthz', 200, () => api.GET('/healthz')],
    ['GET /readyz', 200, () => api.GET('/readyz')],
    [
      'POST /oauth/token',
      200,
      () =>
        api.POST('/oauth/token', {
          body: { grant_type: 'refresh_token', refresh_token: session.refreshToken },
          headers: { 'content-type': 'application/json' },
        }),
    ],
    ['GET /api/v1/me', 200, () => api.GET('/api/v1/me')],
    ['GET /api/v1/cluster', 200, () => api.GET('/api/v1/cluster')],
    ['GET /api/v1/storageclasses', 200, () => api.GET('/api/v1/storageclasses')],
    // Users and their tokens.
    [
      'POST /api/v1/users',
      201,
      () =>
        api.POST('/api/v1/users', {
          body: { username: n.user, email: `${n.user}@example.com`, password: PASSWORD },
        }),
    ],
    ['GET /api/v1/users', 200, () => api.GET('/api/v1/users')],
    [
      'GET /api/v1/users/{username}',
      200,
      () => api.GET('/api/v1/users/{username}', { params: { path: { username: n.user } } }),
    ],
    [
      'PATCH /api/v1/users/{username}',
      200,
      () =>
        api.PATCH('/api/v1/users/{username}', {
          params: { path: { username: n.user } },
          body: { displayName: 'Client' },
        }),
    ],
    [
      'PUT /api/v1/users/{username}/password',
      200,
      () =>
        api.PUT('/api/v1/users/{username}/password', {
          params: { path: { username: n.user } },
          body: { newPassword: `${PASSWORD}-2` },
        }),
    ],
    [
      'POST /api/v1/users/{username}/tokens',
      201,
      () =>
        api.POST('/api/v1/users/{username}/tokens', {
          params: { path: { username: n.owner } },
          body: { name: n.token },
        }),
    ],
    [
      'GET /api/v1/users/{username}/tokens',
      200,
      () => api.GET('/api/v1/users/{username}/tokens', { params: { path: { username: n.owner } } }),
    ],
    [
      'DELETE /api/v1/users/{username}/tokens/{name}',
      200,
      () =>
        api.DELETE('/api/v1/users/{username}/tokens/{name}', {
          params: { path: { username: n.owner, name: n.token } },
        }),
    ],
    [
      'POST /api/v1/kubeconfig',
      201,
      () => api.POST('/api/v1/kubeconfig', { body: { name: `${n.token}-kubeconfig` } }),
    ],
    // A workspace, its members and a project in it.
    ['POST /api/v1/workspaces', 201, () => api.POST('/api/v1/workspaces', { body: { name: n.workspace } })],
    ['GET /api/v1/workspaces', 200, () => api.GET('/api/v1/workspaces')],
    [
      'GET /api/v1/workspaces/{workspace}',
      200,
      () => api.GET('/api/v1/workspaces/{workspace}', { params: { path: { workspace: n.workspace } } }),
    ],
    [
      'PATCH /api/v1/workspaces/{workspace}',
      200,
      () =>
        api.PATCH('/api/v1/workspaces/{workspace}', {
          params: { path: { workspace: n.workspace } },
          body: { description: 'made by the generated client' },
        }),
    ],
    [
      'POST /api/v1/workspaces/{workspace}/members',
      201,
      () =>
        api.POST('/api/v1/workspaces/{workspace}/members', {
          params: { path: { workspace: n.workspace } },
          body: { username: n.user, role: 'workspace-viewer' },
        }),
    ],
    [
      'GET /api/v1/workspaces/{workspace}/members',
      200,
      () =>
        api.GET('/api/v1/workspaces/{workspace}/members', { params: { path: { workspace: n.workspace } } }),
    ],
    [
      'PUT /api/v1/workspaces/{workspace}/members/{username}',
      200,
      () =>
        api.PUT('/api/v1/workspaces/{workspace}/members/{username}', {
          params: { path: { workspace: n.workspace, username: n.user } },
          body: { role: 'workspace-regular' },
        }),
    ],
    [
      'POST /api/v1/workspaces/{workspace}/projects',
      201,
      () =>
        api.POST('/api/v1/workspaces/{workspace}/projects', {
          params: { path: { workspace: n.workspace } },
          body: { name: n.project },
        }),
    ],
    [
      'GET /api/v1/workspaces/{workspace}/projects',
      200,
      () =>
        api.GET('/api/v1/workspaces/{workspace}/projects', { params: { path: { workspace: n.workspace } } }),
    ],
    ['GET /api/v1/projects', 200, () => api.GET('/api/v1/projects')],
    [
      'GET /api/v1/projects/{project}',
      200,
      () => api.GET('/api/v1/projects/{project}', { params: { path: project } }),
    ],
    [
      'PATCH /api/v1/projects/{project}',
      200,
      () =>
        api.PATCH('/api/v1/projects/{project}', {
          params: { path: project },
          body: { displayName: 'Client' },
        }),
    ],
    [
      'PUT /api/v1/projects/{project}/security',
      200,
      () =>
        api.PUT('/api/v1/projects/{project}/security', {
          params: { path: project },
          body: { podSecurity: 'baseline' },
        }),
    ],
    [
      'POST /api/v1/projects/{project}/members',
      201,
      () =>
        api.POST('/api/v1/projects/{project}/members', {
          params: { path: project },
          body: { username: n.user, role: 'project-viewer' },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/members',
      200,
      () => api.GET('/api/v1/projects/{project}/members', { params: { path: project } }),
    ],
    [
      'PUT /api/v1/projects/{project}/members/{username}',
      200,
      () =>
        api.PUT('/api/v1/projects/{project}/members/{username}', {
          params: { path: { ...project, username: n.user } },
          body: { role: 'project-regular' },
        }),
    ],
    [
      'DELETE /api/v1/projects/{project}/members/{username}',
      200,
      () =>
        api.DELETE('/api/v1/projects/{project}/members/{username}', {
          params: { path: { ...project, username: n.user } },
        }),
    ],
    [
      'DELETE /api/v1/workspaces/{workspace}/members/{username}',
      200,
      () =>
        api.DELETE('/api/v1/workspaces/{workspace}/members/{username}', {
          params: { path: { workspace: n.workspace, username: n.user } },
        }),
    ],
    ...workloads(api, n, project, set, form, versions),
    ...configuration(api, n, project, versions),
    // Tear down in reverse.
    [
      'DELETE /api/v1/projects/{project}',
      200,
      () => api.DELETE('/api/v1/projects/{project}', { params: { path: project } }),
    ],
    [
      'DELETE /api/v1/workspaces/{workspace}',
      200,
      () => api.DELETE('/api/v1/workspaces/{workspace}', { params: { path: { workspace: n.workspace } } }),
    ],
    [
      'DELETE /api/v1/users/{username}',
      200,
      () => api.DELETE('/api/v1/users/{username}', { params: { path: { username: n.user } } }),
    ],
    [
      'POST /oauth/revoke',
      200,
      () =>
        api.POST('/oauth/revoke', {
          body: { token: session.refreshToken },
          headers: { 'content-type': 'application/json' },
        }),
    ],
  ];
}

type ProjectPath = { project: string };
type SetPath = ProjectPath & { name: string };
type Form =
  paths['/api/v1/projects/{project}/statefulsets']['post']['requestBody']['content']['application/json'];

function workloads(
  api: Client<paths>,
  n: Names,
  project: ProjectPath,
  set: SetPath,
  form: Form,
  versions: Versions,
): Operation[] {
  const pod = { ...project, pod: `${n.statefulSet}-0` };
  const volume = { ...project, name: n.volume };
  return [
    [
      'GET /api/v1/projects/{project}/images/inspect',
      503,
      () =>
        api.GET('/api/v1/projects/{project}/images/inspect', {
          params: { path: project, query: { image: '127.0.0.1:9/none:latest' } },
        }),
    ],
    [
      'POST /api/v1/projects/{project}/statefulsets',
      201,
      () => api.POST('/api/v1/projects/{project}/statefulsets', { params: { path: project }, body: form }),
    ],
    [
      'GET /api/v1/projects/{project}/statefulsets',
      200,
      () =>
        api.GET('/api/v1/projects/{project}/statefulsets', {
          params: { path: project, query: { limit: 10, sortBy: 'name' } },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/statefulsets/{name}',
      200,
      async () => {
        const answer = await api.GET('/api/v1/projects/{project}/statefulsets/{name}', {
          params: { path: set },
        });
        versions.statefulSet = answer.data?.resourceVersion;
        return answer;
      },
    ],
    [
      // 409 when the StatefulSet controller wrote its status between the read and this update.
      'PUT /api/v1/projects/{project}/statefulsets/{name}',
      [200, 409],
      () =>
        api.PUT('/api/v1/projects/{project}/statefulsets/{name}', {
          params: { path: set, query: { dryRun: true, resourceVersion: versions.statefulSet } },
          body: form,
        }),
    ],
    [
      'POST /api/v1/projects/{project}/statefulsets/{name}/scale',
      200,
      () =>
        api.POST('/api/v1/projects/{project}/statefulsets/{name}/scale', {
          params: { path: set },
          body: { replicas: 2 },
        }),
    ],
    [
      'POST /api/v1/projects/{project}/statefulsets/{name}/redeploy',
      200,
      () => api.POST('/api/v1/projects/{project}/statefulsets/{name}/redeploy', { params: { path: set } }),
    ],
    [
      'PUT /api/v1/projects/{project}/statefulsets/{name}/service',
      200,
      () =>
        api.PUT('/api/v1/projects/{project}/statefulsets/{name}/service', {
          params: { path: set },
          body: { ports: [{ name: 'http', port: 80, targetPort: 80 }] },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/statefulsets/{name}/revisions',
      200,
      () => api.GET('/api/v1/projects/{project}/statefulsets/{name}/revisions', { params: { path: set } }),
    ],
    [
      'GET /api/v1/projects/{project}/statefulsets/{name}/revisions/diff',
      200,
      () =>
        api.GET('/api/v1/projects/{project}/statefulsets/{name}/revisions/diff', {
          params: { path: set, query: { from: 1, to: 2 } },
        }),
      // The controller records the redeploy's revision 2 a moment after the redeploy answered.
      async () => {
        for (let tries = 0; tries < 300; tries++) {
          const { data } = await api.GET('/api/v1/projects/{project}/statefulsets/{name}/revisions', {
            params: { path: set },
          });
          if ((data?.items.length ?? 0) >= 2) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error('revision 2 did not appear within 30 s');
      },
    ],
    [
      'POST /api/v1/projects/{project}/statefulsets/{name}/rollback',
      200,
      () =>
        api.POST('/api/v1/projects/{project}/statefulsets/{name}/rollback', {
          params: { path: set, query: { dryRun: true } },
          body: { revision: 1 },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/statefulsets/{name}/pods',
      200,
      () => api.GET('/api/v1/projects/{project}/statefulsets/{name}/pods', { params: { path: set } }),
    ],
    [
      'GET /api/v1/projects/{project}/pods/{pod}',
      200,
      () => api.GET('/api/v1/projects/{project}/pods/{pod}', { params: { path: pod } }),
      // The redeploy above replaces the pod: wait until the StatefulSet lists it again.
      async () => {
        for (let tries = 0; tries < 300; tries++) {
          const { data } = await api.GET('/api/v1/projects/{project}/statefulsets/{name}/pods', {
            params: { path: set },
          });
          if (data?.items.some((p) => p.name === pod.pod)) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error(`${pod.pod} did not come back within 30 s`);
      },
    ],
    [
      'GET /api/v1/projects/{project}/pods/{pod}/logs',
      200,
      () =>
        api.GET('/api/v1/projects/{project}/pods/{pod}/logs', {
          params: { path: pod, query: { tailLines: 10 } },
          parseAs: 'text',
        }),
      // The redeploy earlier replaces the pods; read the log of one that has settled.
      async () => {
        for (let tries = 0; tries < 300; tries++) {
          const { data } = await api.GET('/api/v1/projects/{project}/statefulsets/{name}', {
            params: { path: set },
          });
          if (data?.status.phase === 'Running') return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error('the StatefulSet did not settle within 30 s');
      },
    ],
    // The change streams, asked to resume after a cursor long forgotten: 410 EXPIRED, at once
    // (a stream that is not refused runs until the client goes; test/subscriptions covers that).
    [
      'GET /api/v1/projects/{project}/watch/statefulsets',
      410,
      () =>
        api.GET('/api/v1/projects/{project}/watch/statefulsets', {
          params: { path: project, query: { after: '1' } },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/watch/statefulsets/{name}',
      410,
      () =>
        api.GET('/api/v1/projects/{project}/watch/statefulsets/{name}', {
          params: { path: set, query: { after: '1' } },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/watch/pods/{pod}',
      410,
      () =>
        api.GET('/api/v1/projects/{project}/watch/pods/{pod}', {
          params: { path: pod, query: { after: '1' } },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/watch/events',
      410,
      () =>
        api.GET('/api/v1/projects/{project}/watch/events', {
          params: { path: project, query: { after: '1' } },
        }),
    ],
    [
      'DELETE /api/v1/projects/{project}/pods/{pod}',
      200,
      () =>
        api.DELETE('/api/v1/projects/{project}/pods/{pod}', {
          params: { path: pod, query: { dryRun: true } },
        }),
    ],
    [
      'DELETE /api/v1/projects/{project}/statefulsets/{name}',
      200,
      () => api.DELETE('/api/v1/projects/{project}/statefulsets/{name}', { params: { path: set } }),
    ],
    [
      'POST /api/v1/projects/{project}/volumes',
      201,
      () =>
        api.POST('/api/v1/projects/{project}/volumes', {
          params: { path: project },
          body: { name: n.volume, accessModes: ['ReadWriteOnce'], size: '1Gi' },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/volumes',
      200,
      () =>
        api.GET('/api/v1/projects/{project}/volumes', { params: { path: project, query: { limit: 10 } } }),
    ],
    [
      'GET /api/v1/projects/{project}/volumes/{name}',
      200,
      () => api.GET('/api/v1/projects/{project}/volumes/{name}', { params: { path: volume } }),
    ],
    [
      'POST /api/v1/projects/{project}/volumes/{name}/expand',
      200,
      () =>
        api.POST('/api/v1/projects/{project}/volumes/{name}/expand', {
          params: { path: volume, query: { dryRun: true } },
          body: { size: '2Gi' },
        }),
      // A claim can grow only once bound; the provisioner binds it on its own time.
      async () => {
        await until(async () => {
          const { data } = await api.GET('/api/v1/projects/{project}/volumes/{name}', {
            params: { path: volume },
          });
          return data?.status.phase === 'Bound';
        });
      },
    ],
    [
      'DELETE /api/v1/projects/{project}/volumes/{name}',
      200,
      () => api.DELETE('/api/v1/projects/{project}/volumes/{name}', { params: { path: volume } }),
    ],
  ];
}

function configuration(api: Client<paths>, n: Names, project: ProjectPath, versions: Versions): Operation[] {
  const map = { ...project, name: n.configMap };
  const secret = { ...project, name: n.secret };
  return [
    [
      'POST /api/v1/projects/{project}/configmaps',
      201,
      async () => {
        const answer = await api.POST('/api/v1/projects/{project}/configmaps', {
          params: { path: project },
          body: { name: n.configMap, data: [{ key: 'a', value: '1' }] },
        });
        versions.configMap = answer.data?.resourceVersion;
        return answer;
      },
    ],
    [
      'GET /api/v1/projects/{project}/audit-records',
      200,
      () =>
        api.GET('/api/v1/projects/{project}/audit-records', {
          params: { path: project, query: { limit: 5 } },
        }),
    ],
    [
      'GET /api/v1/projects/{project}/configmaps',
      200,
      () => api.GET('/api/v1/projects/{project}/configmaps', { params: { path: project } }),
    ],
    [
      'GET /api/v1/projects/{project}/configmaps/{name}',
      200,
      () => api.GET('/api/v1/projects/{project}/configmaps/{name}', { params: { path: map } }),
    ],
    [
      'PUT /api/v1/projects/{project}/configmaps/{name}',
      200,
      () =>
        api.PUT('/api/v1/projects/{project}/configmaps/{name}', {
          params: { path: map, query: { resourceVersion: versions.configMap ?? '', dryRun: true } },
          body: { data: [{ key: 'a', value: '2' }] },
        }),
    ],
    [
      'DELETE /api/v1/projects/{project}/configmaps/{name}',
      200,
      () => api.DELETE('/api/v1/projects/{project}/configmaps/{name}', { params: { path: map } }),
    ],
    [
      'POST /api/v1/projects/{project}/secrets',
      201,
      async () => {
        const answer = await api.POST('/api/v1/projects/{project}/secrets', {
          params: { path: project },
          body: { name: n.secret, kind: 'OPAQUE', data: [{ key: 'a', value: '1' }] },
        });
        versions.secret = answer.data?.resourceVersion;
        return answer;
      },
    ],
    [
      'GET /api/v1/projects/{project}/secrets',
      200,
      () => api.GET('/api/v1/projects/{project}/secrets', { params: { path: project } }),
    ],
    [
      'GET /api/v1/projects/{project}/secrets/{name}',
      200,
      () => api.GET('/api/v1/projects/{project}/secrets/{name}', { params: { path: secret } }),
    ],
    [
      'GET /api/v1/projects/{project}/secrets/{name}/values',
      200,
      () => api.GET('/api/v1/projects/{project}/secrets/{name}/values', { params: { path: secret } }),
    ],
    [
      'PUT /api/v1/projects/{project}/secrets/{name}',
      200,
      () =>
        api.PUT('/api/v1/projects/{project}/secrets/{name}', {
          params: { path: secret, query: { resourceVersion: versions.secret ?? '', dryRun: true } },
          body: { data: [{ key: 'a', value: '2' }] },
        }),
    ],
    [
      'DELETE /api/v1/projects/{project}/secrets/{name}',
      200,
      () => api.DELETE('/api/v1/projects/{project}/secrets/{name}', { params: { path: secret } }),
    ],
  ];
}
