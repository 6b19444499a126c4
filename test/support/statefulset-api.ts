import { ApiResult, fromGraphQL, fromRest } from './api-result';
import type { TestApp } from './test-app';

export { type ApiResult, dropNulls } from './api-result';

/** The StatefulSet operations over either transport, so one test runs unchanged on GraphQL and REST. */
export interface StatefulSetApi {
  readonly transport: 'graphql' | 'rest';
  create(input: object, dryRun?: boolean): Promise<ApiResult<Change>>;
  createYaml(yaml: string, dryRun?: boolean): Promise<ApiResult<Change>>;
  get(name: string): Promise<ApiResult<Detail>>;
  update(name: string, input: object, resourceVersion: string, dryRun?: boolean): Promise<ApiResult<Change>>;
  replaceYaml(
    name: string,
    yaml: string,
    resourceVersion?: string,
    dryRun?: boolean,
  ): Promise<ApiResult<Change>>;
  scale(name: string, replicas: number, dryRun?: boolean): Promise<ApiResult<Change>>;
  redeploy(name: string, dryRun?: boolean): Promise<ApiResult<Change>>;
  rollback(name: string, revision: number, dryRun?: boolean): Promise<ApiResult<Change>>;
  updateService(
    name: string,
    ports: { name: string; port: number; targetPort: number; protocol?: string }[],
    dryRun?: boolean,
  ): Promise<ApiResult<Change>>;
  revisions(name: string): Promise<ApiResult<Revision[]>>;
  deletePod(pod: string): Promise<ApiResult<unknown>>;
  diff(
    name: string,
    from: number,
    to: number,
  ): Promise<
    ApiResult<{ changes: { path: string; from: string | null; to: string | null }[]; unified: string }>
  >;
  delete(
    name: string,
    options?: { deleteService?: boolean; deleteVolumes?: boolean; dryRun?: boolean },
  ): Promise<ApiResult<Change>>;
}

export interface Change {
  dryRun: boolean;
  message: string | null;
  objects: { kind: string; name: string; yaml: string }[];
  statefulSet: { name: string; resourceVersion: string } | null;
}

export interface Revision {
  revision: number;
  name: string;
  current: boolean;
  update: boolean;
  images: string[];
  template: string;
  createdAt: string;
}

export interface Detail {
  name: string;
  resourceVersion: string;
  images: string[];
  form: Record<string, unknown> & { name: string };
  status: {
    desired: number;
    current: number;
    ready: number;
    updated: number;
    currentRevision: string | null;
    updateRevision: string | null;
    phase: string;
    reason: string | null;
  };
  pods: {
    name: string;
    phase: string;
    ready: boolean;
    restarts: number;
    containers: {
      name: string;
      image: string;
      state: string;
      reason?: string | null;
      restartCount: number;
    }[];
  }[];
  revisions: { revision: number; current: boolean; update: boolean; images: string[] }[];
  yaml: string;
}

const CHANGE = 'dryRun message objects { kind name yaml } statefulSet { name resourceVersion }';
const FORM_FIELDS = `name alias description replicas serviceName imagePullSecrets syncHostTimezone podManagementPolicy deploymentMode minReadySeconds revisionHistoryLimit
  containers { ...C } initContainers { ...C }
  updateStrategy { type partition maxUnavailable }
  volumeClaimTemplates { name storageClassName accessModes size }
  volumes { name type claimName medium sizeLimit path sourceName items { key path } readOnly }
  pvcRetentionPolicy { whenDeleted whenScaled }
  nodeSelector { key value } labels { key value } annotations { key value }`;
const CONTAINER = `fragment C on Container { name image imagePullPolicy command args
  env { name value configMapKeyRef { name key } secretKeyRef { name key } }
  ports { name protocol containerPort servicePort }
  resources { requests { cpu memory } limits { cpu memory } }
  livenessProbe { ...P } readinessProbe { ...P } startupProbe { ...P }
  securityContext { runAsUser runAsGroup runAsNonRoot privileged allowPrivilegeEscalation readOnlyRootFilesystem capabilitiesAdd capabilitiesDrop }
  volumeMounts { name mountPath readOnly subPath } }
fragment P on Probe { type path port scheme command initialDelaySeconds periodSeconds timeoutSeconds successThreshold failureThreshold }`;

/** The StatefulSet API over one transport (the tests run unchanged on both). */
export function statefulSetApi(
  t: TestApp,
  transport: 'graphql' | 'rest',
  project: string,
  token: string,
): StatefulSetApi {
  return transport === 'graphql' ? graphqlApi(t, project, token) : restApi(t, project, token);
}

export function graphqlApi(t: TestApp, project: string, token: string): StatefulSetApi {
  const call = async <T>(field: string, query: string, variables: Record<string, unknown>) =>
    fromGraphQL<T>(await t.graphql<Record<string, T>>(query, { p: project, ...variables }, token), field);
  return {
    transport: 'graphql',
    create: (input, dryRun = false) =>
      call(
        'createStatefulSet',
        `mutation($p: String!, $i: StatefulSetInput!, $d: Boolean!) { createStatefulSet(project: $p, input: $i, dryRun: $d) { ${CHANGE} } }`,
        { i: input, d: dryRun },
      ),
    createYaml: (yaml, dryRun = false) =>
      call(
        'applyStatefulSetYaml',
        `mutation($p: String!, $y: String!, $d: Boolean!) { applyStatefulSetYaml(project: $p, yaml: $y, dryRun: $d) { ${CHANGE} } }`,
        { y: yaml, d: dryRun },
      ),
    // Pods and revisions are connections in GraphQL; REST's detail has them as lists, and so does this.
    get: async (name) => {
      const res = await call<
        Omit<Detail, 'pods' | 'revisions'> & {
          pods: { nodes: Detail['pods'] };
          revisions: { nodes: Detail['revisions'] };
        }
      >(
        'statefulSet',
        `query($p: String!, $n: String!) { statefulSet(project: $p, name: $n) { name resourceVersion images yaml
           form { ${FORM_FIELDS} } status { desired current ready updated currentRevision updateRevision phase reason }
           pods { nodes { name phase ready restarts containers { name image state reason restartCount } } }
           revisions { nodes { revision current update images } } } } ${CONTAINER}`,
        { n: name },
      );
      const body = res.body && {
        ...res.body,
        pods: res.body.pods.nodes,
        revisions: res.body.revisions.nodes,
      };
      return { ...res, body };
    },
    update: (name, input, resourceVersion, dryRun = false) =>
      call(
        'updateStatefulSet',
        `mutation($p: String!, $n: String!, $i: StatefulSetInput!, $v: String!, $d: Boolean!) { updateStatefulSet(project: $p, name: $n, input: $i, resourceVersion: $v, dryRun: $d) { ${CHANGE} } }`,
        { n: name, i: input, v: resourceVersion, d: dryRun },
      ),
    replaceYaml: (name, yaml, resourceVersion, dryRun = false) =>
      call(
        'replaceStatefulSetYaml',
        `mutation($p: String!, $n: String!, $y: String!, $v: String, $d: Boolean!) { replaceStatefulSetYaml(project: $p, name: $n, yaml: $y, resourceVersion: $v, dryRun: $d) { ${CHANGE} } }`,
        { n: name, y: yaml, v: resourceVersion, d: dryRun },
      ),
    scale: (name, replicas, dryRun = false) =>
      call(
        'scaleStatefulSet',
        `mutation($p: String!, $n: String!, $r: Int!, $d: Boolean!) { scaleStatefulSet(project: $p, name: $n, replicas: $r, dryRun: $d) { ${CHANGE} } }`,
        { n: name, r: replicas, d: dryRun },
      ),
    redeploy: (name, dryRun = false) =>
      call(
        'redeployStatefulSet',
        `mutation($p: String!, $n: String!, $d: Boolean!) { redeployStatefulSet(project: $p, name: $n, dryRun: $d) { ${CHANGE} } }`,
        { n: name, d: dryRun },
      ),
    rollback: (name, revision, dryRun = false) =>
      call(
        'rollbackStatefulSet',
        `mutation($p: String!, $n: String!, $r: Int!, $d: Boolean!) { rollbackStatefulSet(project: $p, name: $n, revision: $r, dryRun: $d) { ${CHANGE} } }`,
        { n: name, r: revision, d: dryRun },
      ),
    updateService: (name, ports, dryRun = false) =>
      call(
        'updateStatefulSetService',
        `mutation($p: String!, $n: String!, $s: [ServicePortInput!]!, $d: Boolean!) { updateStatefulSetService(project: $p, name: $n, ports: $s, dryRun: $d) { ${CHANGE} } }`,
        { n: name, s: ports, d: dryRun },
      ),
    deletePod: (pod) =>
      call('deletePod', 'mutation($p: String!, $n: String!) { deletePod(project: $p, name: $n) { name } }', {
        n: pod,
      }),
    revisions: async (name) => {
      const res = await call<{ revisions: { nodes: Revision[] } }>(
        'statefulSet',
        'query($p: String!, $n: String!) { statefulSet(project: $p, name: $n) { revisions { nodes { revision name current update images template createdAt } } } }',
        { n: name },
      );
      return { ...res, body: res.body?.revisions.nodes };
    },
    diff: (name, from, to) =>
      call(
        'revisionDiff',
        'query($p: String!, $n: String!, $f: Int!, $t: Int!) { revisionDiff(project: $p, name: $n, from: $f, to: $t) { changes { path from to } unified } }',
        {
          n: name,
          f: from,
          t: to,
        },
      ),
    delete: (name, options = {}) =>
      call(
        'deleteStatefulSet',
        `mutation($p: String!, $n: String!, $s: Boolean!, $v: Boolean!, $d: Boolean!) { deleteStatefulSet(project: $p, name: $n, deleteService: $s, deleteVolumes: $v, dryRun: $d) { ${CHANGE} } }`,
        {
          n: name,
          s: options.deleteService ?? true,
          v: options.deleteVolumes ?? false,
          d: options.dryRun ?? false,
        },
      ),
  };
}

export function restApi(t: TestApp, project: string, token: string): StatefulSetApi {
  const base = `/api/v1/projects/${project}/statefulsets`;
  const result = <T>(res: { status: number; body: unknown; text: string }) => fromRest<T>(res);
  const agent = () => t.as(token);
  return {
    transport: 'rest',
    create: async (input, dryRun = false) =>
      result(
        await agent()
          .post(`${base}${dryRun ? '?dryRun=true' : ''}`)
          .send(input),
      ),
    createYaml: async (yaml, dryRun = false) =>
      result(
        await agent()
          .post(`${base}${dryRun ? '?dryRun=true' : ''}`)
          .set('content-type', 'application/yaml')
          .send(yaml),
      ),
    get: async (name) => result(await agent().get(`${base}/${name}`)),
    update: async (name, input, resourceVersion, dryRun = false) =>
      result(await agent().put(`${base}/${name}`).query({ resourceVersion, dryRun }).send(input)),
    replaceYaml: async (name, yaml, resourceVersion, dryRun = false) =>
      result(
        await agent()
          .put(`${base}/${name}`)
          .query(resourceVersion ? { resourceVersion, dryRun } : { dryRun })
          .set('content-type', 'application/yaml')
          .send(yaml),
      ),
    scale: async (name, replicas, dryRun = false) =>
      result(await agent().post(`${base}/${name}/scale`).query({ dryRun }).send({ replicas })),
    redeploy: async (name, dryRun = false) =>
      result(await agent().post(`${base}/${name}/redeploy`).query({ dryRun })),
    rollback: async (name, revision, dryRun = false) =>
      result(await agent().post(`${base}/${name}/rollback`).query({ dryRun }).send({ revision })),
    updateService: async (name, ports, dryRun = false) =>
      result(await agent().put(`${base}/${name}/service`).query({ dryRun }).send({ ports })),
    revisions: async (name) => {
      const res = result<{ items: Revision[] }>(await agent().get(`${base}/${name}/revisions`));
      return { ...res, body: res.body?.items };
    },
    deletePod: async (pod) => result(await agent().delete(`/api/v1/projects/${project}/pods/${pod}`)),
    diff: async (name, from, to) =>
      result(await agent().get(`${base}/${name}/revisions/diff?from=${from}&to=${to}`)),
    delete: async (name, options = {}) =>
      result(
        await agent()
          .delete(`${base}/${name}`)
          .query({
            deleteService: options.deleteService ?? true,
            deleteVolumes: options.deleteVolumes ?? false,
            dryRun: options.dryRun ?? false,
          }),
      ),
  };
}
