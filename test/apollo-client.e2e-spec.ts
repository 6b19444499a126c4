import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { statefulSetApi } from './support/statefulset-api';
import { TestApp, testConfig } from './support/test-app';
import { type WorkloadProject, workloadProject } from './support/workload-fixture';

const form = (name: string, replicas: number) => ({
  name,
  replicas,
  containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
});

interface Node {
  __typename: 'StatefulSet';
  id: string;
  name: string;
  status: { __typename: 'StatefulSetStatus'; desired: number };
}
interface Page {
  statefulSets: {
    __typename: 'StatefulSetConnection';
    totalCount: number;
    edges: { __typename: 'StatefulSetEdge'; cursor: string; node: Node }[];
  };
}
interface Changes {
  statefulSetsChanged: {
    synced: boolean;
    changes: { type: string; id: string; statefulSet: Node | null }[];
  };
}

const PAGE = gql`
  query Page($p: String!) {
    statefulSets(project: $p, first: 50) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          status {
            desired
          }
        }
      }
    }
  }
`;
const CHANGES = gql`
  subscription Changes($p: String!) {
    statefulSetsChanged(project: $p) {
      synced
      changes {
        type
        id
        statefulSet {
          id
          name
          status {
            desired
          }
        }
      }
    }
  }
`;

/**
 * Apollo Client, as a console would use it: a list page from a query, kept current by a
 * subscription. Its normalized cache keys StatefulSets by their `id`, so a MODIFIED item updates the
 * page by itself; an ADDED one is put on the page by the subscription's handler.
 */
describe('Apollo Client on Berth', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let client: ApolloClient;
  let closeSocket: () => Promise<void>;

  beforeAll(async () => {
    const base = testConfig();
    t = await TestApp.start({ ...base, live: { ...base.live, debounceMs: 50 } });
    w = await workloadProject(t, await t.token());
    expect((await statefulSetApi(t, 'rest', w.project, w.regular.token).create(form('ap-a', 0))).ok).toBe(
      true,
    );
    const port = await t.listen();
    const ws = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${w.regular.token}` },
    });
    closeSocket = async () => {
      await ws.dispose();
    };
    const http = new HttpLink({
      uri: `http://127.0.0.1:${port}/graphql`,
      headers: { authorization: `Bearer ${w.regular.token}` },
    });
    const link = ApolloLink.split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return (
          definition.kind === Kind.OPERATION_DEFINITION &&
          definition.operation === OperationTypeNode.SUBSCRIPTION
        );
      },
      new GraphQLWsLink(ws),
      http,
    );
    client = new ApolloClient({ link, cache: new InMemoryCache() });
  });

  afterAll(async () => {
    client.stop();
    await closeSocket();
    await w.f.cleanUp();
    await t.close();
  });

  it('keeps a list page current from statefulSetsChanged', async () => {
    const variables = { p: w.project };
    const pages: Page[] = [];
    const watched = client.watchQuery<Page>({ query: PAGE, variables }).subscribe(({ data }) => {
      if (data?.statefulSets) pages.push(data as Page);
    });
    const waitForPage = (holds: (page: Page) => boolean, what: string) =>
      new Promise<Page>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out: ${what}; last ${JSON.stringify(pages.at(-1))}`)),
          30_000,
        );
        const check = setInterval(() => {
          const page = pages.find(holds);
          if (!page) return;
          clearTimeout(timer);
          clearInterval(check);
          resolve(page);
        }, 20);
      });
    await waitForPage((p) => p.statefulSets.totalCount === 1, 'the first page');

    let synced = false;
    const live = client.subscribe<Changes>({ query: CHANGES, variables }).subscribe(({ data }) => {
      if (!data) return;
      if (data.statefulSetsChanged.synced) synced = true;
      // MODIFIED needs nothing here: the cache merged the item by its id. ADDED goes on the page.
      const added = data.statefulSetsChanged.changes.filter((c) => c.type === 'ADDED' && c.statefulSet);
      client.cache.updateQuery<Page>({ query: PAGE, variables }, (page) => {
        if (!page) return page;
        const known = new Set(page.statefulSets.edges.map((e) => e.node.id));
        const edges = [
          ...page.statefulSets.edges,
          ...added
            .filter((c) => !known.has(c.id))
            .map((c) => ({
              __typename: 'StatefulSetEdge' as const,
              cursor: c.id,
              node: c.statefulSet as Node,
            })),
        ];
        return { statefulSets: { ...page.statefulSets, totalCount: edges.length, edges } };
      });
    });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => synced && (clearInterval(check), resolve()), 20);
    });

    const api = statefulSetApi(t, 'rest', w.project, w.regular.token);
    expect((await api.scale('ap-a', 2)).ok).toBe(true);
    const scaled = await waitForPage(
      (p) => p.statefulSets.edges.some((e) => e.node.name === 'ap-a' && e.node.status.desired === 2),
      'the scale on the page',
    );
    expect(scaled.statefulSets.totalCount).toBe(1);

    expect((await api.create(form('ap-b', 0))).ok).toBe(true);
    const grown = await waitForPage(
      (p) => p.statefulSets.edges.some((e) => e.node.name === 'ap-b'),
      'ap-b on the page',
    );
    expect(grown.statefulSets.edges.map((e) => e.node.id)).toEqual([
      `${w.project}/ap-a`,
      `${w.project}/ap-b`,
    ]);
    // One entity per StatefulSet in the normalized cache, keyed by the id Berth gives.
    const entities = client.cache.extract() as Record<string, { name?: string }>;
    expect(entities[`StatefulSet:${w.project}/ap-a`]?.name).toBe('ap-a');
    live.unsubscribe();
    watched.unsubscribe();
  });
});
