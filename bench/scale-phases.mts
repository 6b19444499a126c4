/**
 * The scale benchmark's last two figures: watch event → subscriber latency, and the initial sync of a
 * fresh Berth at 10,000 StatefulSets and 30,000 pods.
 */
import type { ChildProcess } from 'node:child_process';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PORT, SETTINGS, startBerth, waitReady } from './scale-berth.mts';
import { type ApiServer, ms, percentiles, processUsage } from './scale-support.mts';

const { subscribers: SUBSCRIBERS, syncSets: SYNC_SETS, syncPods: SYNC_PODS, nodes: NODES } = SETTINGS;
const pad = (i: number) => String(i).padStart(5, '0');
const log = (line: string) => console.error(`[bench] ${line}`);

export async function subscriberLatency(
  api: ApiServer,
  token: string,
  project: string,
  names: string[],
): Promise<string> {
  const target = names[0];
  const arrivals = new Map<string, number[]>();
  const clients = Array.from({ length: SUBSCRIBERS }, () =>
    createClient({
      url: `ws://127.0.0.1:${PORT}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    }),
  );
  let synced = 0;
  const query = `subscription { statefulSetsChanged(project: "${project}") { synced initial changes { name statefulSet { description } } } }`;
  for (const client of clients)
    client.subscribe<{
      statefulSetsChanged: {
        synced: boolean;
        initial: boolean;
        changes: { name: string; statefulSet: { description: string | null } | null }[];
      };
    }>(
      { query },
      {
        next: ({ data }) => {
          if (!data) return;
          const m = data.statefulSetsChanged;
          if (m.initial && m.synced) synced += 1;
          const now = performance.now();
          for (const c of m.changes) {
            const round = c.statefulSet?.description;
            if (!m.initial && c.name === target && round)
              arrivals.set(round, [...(arrivals.get(round) ?? []), now]);
          }
        },
        error: (error) => log(`subscriber error: ${JSON.stringify(error)}`),
        complete: () => undefined,
      },
    );
  const syncStart = Date.now();
  while (synced < SUBSCRIBERS && Date.now() - syncStart < 300_000)
    await new Promise((r) => setTimeout(r, 100));
  const latencies: number[] = [];
  const rounds = 20;
  for (let i = 0; i < rounds; i++) {
    const round = `round-${i}`;
    const start = performance.now();
    await api.call(
      'PATCH',
      `/apis/apps/v1/namespaces/${project}/statefulsets/${target}`,
      { metadata: { annotations: { 'berth.io/description': round } } },
      'application/merge-patch+json',
    );
    const deadline = Date.now() + 10_000;
    while ((arrivals.get(round)?.length ?? 0) < SUBSCRIBERS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    for (const at of arrivals.get(round) ?? []) latencies.push(at - start);
    await new Promise((r) => setTimeout(r, 400)); // past the debounce window: each change is a fresh one
  }
  for (const client of clients) await client.dispose();
  const p = percentiles(latencies);
  return `Watch event → subscriber, ${SUBSCRIBERS} graphql-ws subscribers on the project's list of ${names.length} (their first state: ${((Date.now() - syncStart) / 1000).toFixed(0)} s including the rounds), ${rounds} changes, measured from before the PATCH to the API server to the message: p50 ${ms(p.p50)} ms, p99 ${ms(p.p99)} ms (${latencies.length} of ${rounds * SUBSCRIBERS} delivered).`;
}

export async function syncAtScale(
  api: ApiServer,
  kubeconfig: string,
  project: string,
  started: (b: ChildProcess) => void,
): Promise<string> {
  const have =
    (
      JSON.parse(await api.call('GET', `/apis/apps/v1/namespaces/${project}/statefulsets?limit=1`)) as {
        metadata: { remainingItemCount?: number };
      }
    ).metadata.remainingItemCount ?? 0;
  const setsToMake = Math.max(0, SYNC_SETS - have - 1);
  const podsHave =
    (
      JSON.parse(await api.call('GET', `/api/v1/pods?limit=1`)) as {
        metadata: { remainingItemCount?: number };
      }
    ).metadata.remainingItemCount ?? 0;
  const podsToMake = Math.max(0, SYNC_PODS - podsHave - 1);
  const make = Date.now();
  await api.call('POST', '/api/v1/namespaces', { metadata: { name: 'bench-bulk' } });
  await api.all(
    Array.from({ length: setsToMake }, (_, i) => i),
    32,
    (i) =>
      api.call('POST', `/apis/apps/v1/namespaces/bench-bulk/statefulsets`, {
        metadata: { name: `bulk-${pad(i)}` },
        spec: {
          replicas: 0,
          serviceName: `bulk-${pad(i)}`,
          selector: { matchLabels: { app: `bulk-${pad(i)}` } },
          template: {
            metadata: { labels: { app: `bulk-${pad(i)}` } },
            spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
          },
        },
      }),
  );
  await api.all(
    Array.from({ length: podsToMake }, (_, i) => i),
    32,
    (i) =>
      api.call('POST', `/api/v1/namespaces/bench-bulk/pods`, {
        metadata: { name: `pod-${pad(i)}`, labels: { bench: 'bulk' } },
        spec: { nodeName: `kwok-node-${i % NODES}`, containers: [{ name: 'web', image: 'nginx:1.27' }] },
      }),
  );
  const madeIn = (Date.now() - make) / 1000;
  // kwok then reports every new pod Running: the sync is timed on a quiet cluster, not during that.
  const settle = Date.now();
  let [lastLeft, lastMoved] = [-1, Date.now()];
  for (;;) {
    const pending = JSON.parse(
      await api.call(
        'GET',
        `/api/v1/namespaces/bench-bulk/pods?limit=1&fieldSelector=${encodeURIComponent('status.phase!=Running')}`,
      ),
    ) as { items: unknown[]; metadata: { remainingItemCount?: number } };
    const left = pending.items.length + (pending.metadata.remainingItemCount ?? 0);
    // kwok may leave one or two pods unreported: a count that no longer moves for a minute is settled.
    if (left === 0 || Date.now() - settle > 600_000 || (left === lastLeft && Date.now() - lastMoved > 60_000))
      break;
    if (left !== lastLeft) [lastLeft, lastMoved] = [left, Date.now()];
    log(`${left} bulk pods not Running yet`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  await new Promise((r) => setTimeout(r, 5000));
  const start = Date.now();
  const berth = startBerth(kubeconfig);
  started(berth);
  await waitReady(600_000);
  const readySeconds = (Date.now() - start) / 1000;
  const usage = processUsage(berth.pid!);
  return `Initial sync at ${SYNC_SETS.toLocaleString('en')} StatefulSets and ${SYNC_PODS.toLocaleString('en')} pods (${setsToMake} StatefulSets and ${podsToMake} pods added in ${madeIn.toFixed(0)} s straight through the API server, 32 at a time; the pods bound to kwok nodes, no controller in the path; timed once kwok had settled them): a fresh Berth process was ready (bootstrap done, every kind synced, /readyz 200) ${readySeconds.toFixed(1)} s after it was started; RSS then ${usage.rssMiB.toFixed(0)} MiB (peak ${usage.peakMiB.toFixed(0)} MiB).`;
}
