import { recordSecret } from './run-log';
import { ApiResult, fromGraphQL, fromRest } from './api-result';
import type { TestApp } from './test-app';

export interface KV {
  key: string;
  value: string;
}
export interface Use {
  kind: string;
  name: string;
}
export interface ConfigMapBody {
  name: string;
  data: KV[];
  labels: KV[];
  creator: string | null;
  resourceVersion: string;
  usedBy: Use[];
}
export interface SecretBody {
  name: string;
  kind: string;
  type: string;
  keys: string[];
  creator: string | null;
  resourceVersion: string;
  usedBy: Use[];
}

export interface ConfigApi {
  createConfigMap(input: object): Promise<ApiResult<ConfigMapBody>>;
  configMaps(name?: string): Promise<ApiResult<ConfigMapBody[]>>;
  configMap(name: string): Promise<ApiResult<ConfigMapBody>>;
  updateConfigMap(name: string, input: object, resourceVersion: string): Promise<ApiResult<ConfigMapBody>>;
  deleteConfigMap(name: string, force?: boolean): Promise<ApiResult<ConfigMapBody>>;
  createSecret(input: object): Promise<ApiResult<SecretBody>>;
  secrets(name?: string): Promise<ApiResult<SecretBody[]>>;
  secret(name: string): Promise<ApiResult<SecretBody>>;
  secretValues(name: string): Promise<ApiResult<{ name: string; data: KV[] }>>;
  updateSecret(name: string, input: object, resourceVersion: string): Promise<ApiResult<SecretBody>>;
  deleteSecret(name: string, force?: boolean): Promise<ApiResult<SecretBody>>;
}

const CM = 'name data { key value } labels { key value } creator resourceVersion usedBy { kind name }';
const SECRET = 'name kind type keys creator resourceVersion usedBy { kind name }';

const nodesOf = <T>(res: ApiResult<{ nodes: T[] }>): ApiResult<T[]> => ({ ...res, body: res.body?.nodes });
const itemsOf = <T>(res: ApiResult<{ items: T[] }>): ApiResult<T[]> => ({ ...res, body: res.body?.items });

export function configApi(
  t: TestApp,
  transport: 'graphql' | 'rest',
  project: string,
  token: string,
): ConfigApi {
  const api = transport === 'graphql' ? graphql(t, project, token) : rest(t, project, token);
  // The values written into Secrets are among what the run's log must never hold.
  const noted = (input: object) => {
    for (const entry of (input as { data?: KV[] }).data ?? []) recordSecret('Secret value', entry.value);
  };
  return {
    ...api,
    createSecret: (input) => {
      noted(input);
      return api.createSecret(input);
    },
    updateSecret: (name, input, v) => {
      noted(input);
      return api.updateSecret(name, input, v);
    },
  };
}

function graphql(t: TestApp, project: string, token: string): ConfigApi {
  const call = async <T>(field: string, query: string, variables: Record<string, unknown> = {}) =>
    fromGraphQL<T>(await t.graphql<Record<string, T>>(query, { p: project, ...variables }, token), field);
  return {
    createConfigMap: (input) =>
      call(
        'createConfigMap',
        `mutation($p: String!, $i: CreateConfigMapInput!) { createConfigMap(project: $p, input: $i) { ${CM} } }`,
        { i: input },
      ),
    // The whole list (a page of the most there can be), as REST's helper has it too.
    configMaps: async (name) =>
      nodesOf(
        await call<{ nodes: ConfigMapBody[] }>(
          'configMaps',
          `query($p: String!, $n: String) { configMaps(project: $p, name: $n, first: 500) { nodes { ${CM} } } }`,
          { n: name },
        ),
      ),
    configMap: (name) =>
      call('configMap', `query($p: String!, $n: String!) { configMap(project: $p, name: $n) { ${CM} } }`, {
        n: name,
      }),
    updateConfigMap: (name, input, v) =>
      call(
        'updateConfigMap',
        `mutation($p: String!, $n: String!, $i: ConfigMapDataInput!, $v: String!) { updateConfigMap(project: $p, name: $n, input: $i, resourceVersion: $v) { ${CM} } }`,
        { n: name, i: input, v },
      ),
    deleteConfigMap: (name, force = false) =>
      call(
        'deleteConfigMap',
        `mutation($p: String!, $n: String!, $f: Boolean!) { deleteConfigMap(project: $p, name: $n, force: $f) { ${CM} } }`,
        { n: name, f: force },
      ),
    createSecret: (input) =>
      call(
        'createSecret',
        `mutation($p: String!, $i: CreateSecretInput!) { createSecret(project: $p, input: $i) { ${SECRET} } }`,
        { i: input },
      ),
    secrets: async (name) =>
      nodesOf(
        await call<{ nodes: SecretBody[] }>(
          'secrets',
          `query($p: String!, $n: String) { secrets(project: $p, name: $n, first: 500) { nodes { ${SECRET} } } }`,
          { n: name },
        ),
      ),
    secret: (name) =>
      call('secret', `query($p: String!, $n: String!) { secret(project: $p, name: $n) { ${SECRET} } }`, {
        n: name,
      }),
    secretValues: (name) =>
      call(
        'secretValues',
        'query($p: String!, $n: String!) { secretValues(project: $p, name: $n) { name data { key value } } }',
        { n: name },
      ),
    updateSecret: (name, input, v) =>
      call(
        'updateSecret',
        `mutation($p: String!, $n: String!, $i: SecretDataInput!, $v: String!) { updateSecret(project: $p, name: $n, input: $i, resourceVersion: $v) { ${SECRET} } }`,
        { n: name, i: input, v },
      ),
    deleteSecret: (name, force = false) =>
      call(
        'deleteSecret',
        `mutation($p: String!, $n: String!, $f: Boolean!) { deleteSecret(project: $p, name: $n, force: $f) { ${SECRET} } }`,
        { n: name, f: force },
      ),
  };
}

function rest(t: TestApp, project: string, token: string): ConfigApi {
  const base = `/api/v1/projects/${project}`;
  const result = <T>(res: { status: number; body: unknown; text: string }) => fromRest<T>(res);
  const agent = () => t.as(token);
  const q = (name?: string) => `?limit=500${name ? `&name=${encodeURIComponent(name)}` : ''}`;
  return {
    createConfigMap: async (input) => result(await agent().post(`${base}/configmaps`).send(input)),
    configMaps: async (name) =>
      itemsOf(result<{ items: ConfigMapBody[] }>(await agent().get(`${base}/configmaps${q(name)}`))),
    configMap: async (name) => result(await agent().get(`${base}/configmaps/${name}`)),
    updateConfigMap: async (name, input, v) =>
      result(await agent().put(`${base}/configmaps/${name}?resourceVersion=${v}`).send(input)),
    deleteConfigMap: async (name, force = false) =>
      result(await agent().delete(`${base}/configmaps/${name}?force=${force}`)),
    createSecret: async (input) => result(await agent().post(`${base}/secrets`).send(input)),
    secrets: async (name) =>
      itemsOf(result<{ items: SecretBody[] }>(await agent().get(`${base}/secrets${q(name)}`))),
    secret: async (name) => result(await agent().get(`${base}/secrets/${name}`)),
    secretValues: async (name) => result(await agent().get(`${base}/secrets/${name}/values`)),
    updateSecret: async (name, input, v) =>
      result(await agent().put(`${base}/secrets/${name}?resourceVersion=${v}`).send(input)),
    deleteSecret: async (name, force = false) =>
      result(await agent().delete(`${base}/secrets/${name}?force=${force}`)),
  };
}
