import { ApiResult, dropNulls, fromGraphQL, fromRest } from './api-result';
import type { TestApp } from './test-app';

/** The volume and storage-class operations over either transport, answering `{ok, code?, fields?, body}`. */
export interface VolumeApi {
  readonly transport: 'graphql' | 'rest';
  storageClasses(): Promise<ApiResult<StorageClassBody[]>>;
  create(input: object, dryRun?: boolean): Promise<ApiResult<VolumeChange>>;
  list(query?: VolumeListQuery): Promise<ApiResult<VolumePage>>;
  get(name: string): Promise<ApiResult<VolumeDetail>>;
  expand(name: string, size: string, dryRun?: boolean): Promise<ApiResult<VolumeChange>>;
  delete(name: string, options?: { force?: boolean; dryRun?: boolean }): Promise<ApiResult<VolumeChange>>;
}

export interface StorageClassBody {
  name: string;
  provisioner: string;
  default: boolean;
  allowsExpansion: boolean;
  reclaimPolicy?: string;
  bindingMode?: string;
  createdAt?: string;
}

export interface VolumeListQuery {
  name?: string;
  status?: string;
  storageClass?: string;
  labelSelector?: string;
  sort?: 'NAME' | 'CREATED_AT' | 'CAPACITY';
  descending?: boolean;
  first?: number;
  after?: string;
}

export interface VolumeBody {
  name: string;
  project: string;
  status: { phase: string; reason?: string; terminating: boolean };
  requestedSize: string;
  capacity?: string;
  storageClass?: string;
  accessModes: string[];
  volumeMode: string;
  volumeName?: string;
  mountedBy: { name: string; phase: string }[];
  origin?: { statefulSet: string; template: string; ordinal: number };
  labels: { key: string; value: string }[];
  creator?: string;
  createdAt: string;
}

export interface VolumeDetail extends VolumeBody {
  events: { type: string; reason: string; message: string }[];
  yaml: string;
}

export interface VolumePage {
  totalCount: number;
  names: string[];
  nodes: VolumeBody[];
  hasNextPage: boolean;
  endCursor?: string;
}

export interface VolumeChange {
  dryRun: boolean;
  volume?: VolumeBody;
  objects: { kind: string; name: string; yaml: string }[];
  message?: string;
}

const VOLUME = `name project status { phase reason terminating } requestedSize capacity storageClass accessModes
  volumeMode volumeName mountedBy { name phase } origin { statefulSet template ordinal } labels { key value }
  creator createdAt`;
const CHANGE = `dryRun message objects { kind name yaml } volume { ${VOLUME} }`;

interface Connection {
  totalCount: number;
  edges: { node: VolumeBody }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string };
}

/** REST's page of the same list. */
interface ListPage {
  items: VolumeBody[];
  continue?: string | null;
  totalItems: number;
}

const fromList = (l: ListPage): VolumePage => ({
  totalCount: l.totalItems,
  names: l.items.map((v) => v.name),
  nodes: l.items,
  // fromRest drops nulls, as GraphQL answers are compared: no `continue` is the last page.
  hasNextPage: typeof l.continue === 'string',
  endCursor: l.continue ?? undefined,
});

const toPage = (c: Connection): VolumePage => ({
  totalCount: c.totalCount,
  names: c.edges.map((e) => e.node.name),
  nodes: c.edges.map((e) => e.node),
  hasNextPage: c.pageInfo.hasNextPage,
  endCursor: c.pageInfo.endCursor,
});

export function volumeApi(
  t: TestApp,
  transport: 'graphql' | 'rest',
  project: string,
  token: string,
): VolumeApi {
  return transport === 'graphql' ? graphqlVolumes(t, project, token) : restVolumes(t, project, token);
}

function graphqlVolumes(t: TestApp, project: string, token: string): VolumeApi {
  const call = async <T>(field: string, query: string, variables: Record<string, unknown> = {}) =>
    fromGraphQL<T>(await t.graphql<Record<string, T>>(query, { p: project, ...variables }, token), field);
  return {
    transport: 'graphql',
    storageClasses: async () => {
      const res = await call<{ nodes: StorageClassBody[] }>(
        'storageClasses',
        '{ storageClasses(first: 500) { nodes { name provisioner default allowsExpansion reclaimPolicy bindingMode createdAt } } }',
      );
      return { ...res, body: res.body?.nodes };
    },
    create: (input, dryRun = false) =>
      call(
        'createVolume',
        `mutation($p: String!, $i: CreateVolumeInput!, $d: Boolean!) { createVolume(project: $p, input: $i, dryRun: $d) { ${CHANGE} } }`,
        { i: input, d: dryRun },
      ),
    list: async (q = {}) => {
      const res = await call<Connection>(
        'volumes',
        `query($p: String!, $f: VolumeClaimFilter, $s: VolumeClaimSort, $first: Int, $after: String) {
           volumes(project: $p, filter: $f, sort: $s, first: $first, after: $after) {
             totalCount edges { cursor node { ${VOLUME} } } pageInfo { hasNextPage endCursor } } }`,
        {
          f: { name: q.name, status: q.status, storageClass: q.storageClass, labelSelector: q.labelSelector },
          s: q.sort ? { field: q.sort, direction: q.descending ? 'DESC' : 'ASC' } : undefined,
          first: q.first,
          after: q.after,
        },
      );
      return { ...res, body: res.ok ? toPage(res.body) : (undefined as unknown as VolumePage) };
    },
    get: (name) =>
      call(
        'volume',
        `query($p: String!, $n: String!) { volume(project: $p, name: $n) { ${VOLUME} events { type reason message } yaml } }`,
        { n: name },
      ),
    expand: (name, size, dryRun = false) =>
      call(
        'expandVolume',
        `mutation($p: String!, $n: String!, $s: String!, $d: Boolean!) { expandVolume(project: $p, name: $n, size: $s, dryRun: $d) { ${CHANGE} } }`,
        { n: name, s: size, d: dryRun },
      ),
    delete: (name, options = {}) =>
      call(
        'deleteVolume',
        `mutation($p: String!, $n: String!, $f: Boolean!, $d: Boolean!) { deleteVolume(project: $p, name: $n, force: $f, dryRun: $d) { ${CHANGE} } }`,
        { n: name, f: options.force ?? false, d: options.dryRun ?? false },
      ),
  };
}

function restVolumes(t: TestApp, project: string, token: string): VolumeApi {
  const base = `/api/v1/projects/${project}/volumes`;
  const result = <T>(res: { status: number; body: unknown; text: string }) => fromRest<T>(res, dropNulls);
  const agent = () => t.as(token);
  const qs = (params: Record<string, string | number | boolean | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) search.set(key, String(value));
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  const sortBy = { NAME: 'name', CREATED_AT: 'createdAt', CAPACITY: 'capacity' } as const;
  return {
    transport: 'rest',
    storageClasses: async () => {
      const res = result<{ items: StorageClassBody[] }>(
        await agent().get('/api/v1/storageclasses?limit=500'),
      );
      return { ...res, body: res.body?.items };
    },
    create: async (input, dryRun = false) =>
      result(
        await agent()
          .post(`${base}${qs({ dryRun: dryRun || undefined })}`)
          .send(input),
      ),
    list: async (q = {}) => {
      const res = result<ListPage>(
        await agent().get(
          `${base}${qs({
            name: q.name,
            status: q.status,
            storageClass: q.storageClass,
            labelSelector: q.labelSelector,
            sortBy: q.sort ? sortBy[q.sort] : undefined,
            ascending: q.descending ? false : undefined,
            limit: q.first,
            continue: q.after,
          })}`,
        ),
      );
      return { ...res, body: res.ok ? fromList(res.body) : (undefined as unknown as VolumePage) };
    },
    get: async (name) => result(await agent().get(`${base}/${name}`)),
    expand: async (name, size, dryRun = false) =>
      result(
        await agent()
          .post(`${base}/${name}/expand${qs({ dryRun: dryRun || undefined })}`)
          .send({ size }),
      ),
    delete: async (name, options = {}) =>
      result(await agent().delete(`${base}/${name}${qs({ force: options.force, dryRun: options.dryRun })}`)),
  };
}
