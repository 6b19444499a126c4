import type { UsageTotals } from '../resources/workloads/statefulsets/pods.service';

/** The metrics Berth has (metrics-server's current usage), by KubeSphere's names and units. */
type MetricTable = Record<string, (usage: UsageTotals, pods: number) => number>;

const POD_METRICS: MetricTable = {
  pod_cpu_usage: (u) => u.cpu,
  pod_memory_usage: (u) => u.memory,
  pod_memory_usage_wo_cache: (u) => u.memory,
};

const NAMESPACE_METRICS: MetricTable = {
  namespace_cpu_usage: (u) => u.cpu,
  namespace_memory_usage: (u) => u.memory,
  namespace_memory_usage_wo_cache: (u) => u.memory,
  // Pods metrics-server has measured: running ones, which is what the console's column means.
  namespace_pod_count: (_u, pods) => pods,
};

const WORKSPACE_METRICS: MetricTable = {
  workspace_cpu_usage: (u) => u.cpu,
  workspace_memory_usage: (u) => u.memory,
  workspace_memory_usage_wo_cache: (u) => u.memory,
  workspace_pod_count: (_u, pods) => pods,
};

/**
 * `metrics_filter` and `resources_filter` are regular expressions in KubeSphere; Berth never runs a
 * caller's expression. It takes the names they list (`a|b|c$`, what the console sends), exactly.
 */
function names(filter: unknown): Set<string> | null {
  if (typeof filter !== 'string' || filter === '' || filter.length > 4096) return null;
  return new Set(
    filter
      .replace(/^\^|\$$/g, '')
      .split('|')
      .slice(0, 500)
      .map((name) => name.replace(/^\^|\$$/g, '')),
  );
}

/** ks-apiserver always sends a value's summary and metering fields; empty, as it sends them unasked. */
const NO_SUMMARY = {
  min_value: '',
  max_value: '',
  avg_value: '',
  sum_value: '',
  fee: '',
  resource_unit: '',
  currency_unit: '',
} as const;

/** The namespaces or pods named by `resources_filter` (all when it names none), as ks-apiserver reads it. */
export function resourcesWanted(query: Record<string, unknown>): (name: string) => boolean {
  const wanted = names(query.resources_filter);
  return (name) => !wanted || wanted.has(name);
}

interface Measured {
  labels: Record<string, string>;
  usage: UsageTotals;
  pods: number;
}

/**
 * KubeSphere's `monitoring.Metrics`. metrics-server knows only the present: a range query
 * (`start`, `end`) gets a one-point series at the present, an instant query a vector.
 */
function ksMetrics(
  table: MetricTable,
  measured: readonly Measured[],
  query: Record<string, unknown>,
  now: number,
) {
  const wanted = names(query.metrics_filter);
  const range = query.start !== undefined && query.end !== undefined;
  const time = Math.floor(now / 1000);
  const results = Object.entries(table)
    .filter(([metric]) => !wanted || wanted.has(metric))
    .map(([metric, read]) => ({
      metric_name: metric,
      data: {
        resultType: range ? 'matrix' : 'vector',
        result: measured.map(({ labels, usage, pods }) => {
          const point: [number, string] = [time, String(read(usage, pods))];
          const series = range ? { values: [point] } : { value: point };
          return { metric: labels, ...series, ...NO_SUMMARY };
        }),
      },
    }));
  return { results };
}

/** Pod metrics of one namespace, for the pods `resources_filter` names. */
export function ksPodMetrics(
  namespace: string,
  usage: ReadonlyMap<string, UsageTotals>,
  query: Record<string, unknown>,
  now: number,
) {
  const wanted = resourcesWanted(query);
  const measured = [...usage]
    .filter(([pod]) => wanted(pod))
    .map(([pod, totals]) => ({ labels: { namespace, pod }, usage: totals, pods: 1 }));
  return ksMetrics(POD_METRICS, measured, query, now);
}

const summed = (pods: Iterable<UsageTotals>): UsageTotals =>
  [...pods].reduce((sum, u) => ({ cpu: sum.cpu + u.cpu, memory: sum.memory + u.memory }), {
    cpu: 0,
    memory: 0,
  });

/** Namespace metrics of a workspace: each namespace's pods summed. */
export function ksNamespaceMetrics(
  workspace: string,
  usage: ReadonlyMap<string, ReadonlyMap<string, UsageTotals>>,
  query: Record<string, unknown>,
  now: number,
) {
  const measured = [...usage].map(([namespace, pods]) => ({
    labels: { namespace, workspace },
    usage: summed(pods.values()),
    pods: pods.size,
  }));
  return ksMetrics(NAMESPACE_METRICS, measured, query, now);
}

/** The workspace's own metrics (its overview's usage charts): every measured namespace's pods summed. */
export function ksWorkspaceMetrics(
  workspace: string,
  usage: ReadonlyMap<string, ReadonlyMap<string, UsageTotals>>,
  query: Record<string, unknown>,
  now: number,
) {
  const pods = [...usage.values()].flatMap((byPod) => [...byPod.values()]);
  return ksMetrics(
    WORKSPACE_METRICS,
    [{ labels: { workspace }, usage: summed(pods), pods: pods.length }],
    query,
    now,
  );
}

/** Counts as KubeSphere's metrics (one series, labelled `labels`), for those `metrics_filter` names. */
export function ksCounts(
  labels: Record<string, string>,
  counts: Record<string, number>,
  query: Record<string, unknown>,
  now: number,
) {
  const table: MetricTable = Object.fromEntries(
    Object.entries(counts).map(([metric, n]) => [metric, () => n]),
  );
  return ksMetrics(table, [{ labels, usage: { cpu: 0, memory: 0 }, pods: 0 }], query, now);
}

/** Which of `metrics` a query's `metrics_filter` names (none when it has no filter). */
export function metricsWanted(query: Record<string, unknown>, metrics: readonly string[]): string[] {
  const wanted = names(query.metrics_filter);
  return wanted ? metrics.filter((metric) => wanted.has(metric)) : [];
}
