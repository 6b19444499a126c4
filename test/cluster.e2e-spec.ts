import { NODES } from '../src/kube';
import { TestApp } from './support/test-app';

const CLUSTER_QUERY =
  '{ cluster { version nodes { name ready cpu memory } storageClasses { name provisioner default } } }';

interface ClusterData {
  cluster: {
    version: string;
    nodes: { name: string; ready: boolean; cpu: string; memory: string }[];
    storageClasses: { name: string; provisioner: string; default: boolean }[];
  };
}

describe('the cluster slice', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await TestApp.start();
    token = await t.token();
  });
  afterAll(() => t.close());

  it('GraphQL `cluster` reports the API server version, the ready nodes and the default StorageClass', async () => {
    const res = await t.graphql<ClusterData>(CLUSTER_QUERY, {}, token);
    expect(res.errors).toBeUndefined();
    const cluster = res.data!.cluster;

    expect(cluster.version).toBe((await t.kube.version()).gitVersion);
    expect(cluster.version).toMatch(/^v1\.3[67]\.\d+$/);

    // Exactly what the API server holds, not a canned list.
    const nodes = (await t.kube.list(NODES)).items;
    expect(cluster.nodes.map((n) => n.name)).toEqual(nodes.map((n) => n.metadata?.name).sort());
    expect(cluster.nodes.filter((n) => n.ready).length).toBeGreaterThanOrEqual(3);
    for (const node of cluster.nodes) {
      const real = nodes.find((n) => n.metadata?.name === node.name)!;
      expect(node.cpu).toBe(real.status?.allocatable?.cpu);
      expect(node.memory).toBe(real.status?.allocatable?.memory);
    }

    expect(cluster.storageClasses.filter((sc) => sc.default)).toEqual([
      { name: 'kwok-volume', provisioner: 'kwok.x-k8s.io/volume', default: true },
    ]);
  });

  it('needs a signed-in user on both transports', async () => {
    const gql = await t.graphql(CLUSTER_QUERY);
    expect(gql.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const rest = await t.http().get('/api/v1/cluster');
    expect(rest.status).toBe(401);
  });

  it('REST GET /api/v1/cluster answers the same data', async () => {
    const [rest, gql] = await Promise.all([
      t.as(token).get('/api/v1/cluster').expect(200),
      t.graphql<ClusterData>(CLUSTER_QUERY, {}, token),
    ]);
    const body = rest.body as ClusterData['cluster'];
    expect(body.version).toBe(gql.data!.cluster.version);
    expect(body.nodes).toEqual(gql.data!.cluster.nodes);
    expect(
      body.storageClasses.map(({ name, provisioner, default: d }) => ({ name, provisioner, default: d })),
    ).toEqual(gql.data!.cluster.storageClasses);
  });
});
