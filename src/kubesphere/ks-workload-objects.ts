import type { ImageInfo } from '../images/image-info.model';
import type { KubeObject } from '../kube';
import { parseQuantity } from '../kube/quantity';
import type { UsageTotals } from '../resources/workloads/statefulsets/pods.service';

/** KubeSphere's quota answer: the project's ResourceQuotas folded into one `hard` and `used`. */
export interface KsQuotaObject {
  namespace: string;
  data: { hard: Record<string, string>; used: Record<string, string> };
}

interface QuotaStatus extends KubeObject {
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

/** Where several quotas limit the same resource, the smallest limit is the one that binds. */
export function ksQuota(namespace: string, quotas: readonly QuotaStatus[]): KsQuotaObject {
  const hard: Record<string, string> = {};
  const used: Record<string, string> = {};
  for (const quota of quotas) {
    for (const [resource, limit] of Object.entries(quota.status?.hard ?? {})) {
      const current = hard[resource];
      if (
        current === undefined ||
        (parseQuantity(limit) ?? Infinity) < (parseQuantity(current) ?? Infinity)
      ) {
        hard[resource] = limit;
        used[resource] = quota.status?.used?.[resource] ?? '0';
      }
    }
  }
  return { namespace, data: { hard, used } };
}

/**
 * An inspected image as KubeSphere's `imageconfig` (ks-apiserver's `ConfigFile`, and the fields its
 * console reads: `status`, `registry`, `imageTag`, `config.ExposedPorts`, `imageManifest.layers`).
 * Berth reads the config blob, not the layers, so the console shows no layer count or size.
 */
export function ksImageConfig(image: ImageInfo) {
  const config = {
    ExposedPorts: Object.fromEntries(
      image.ports.map((p) => [`${p.containerPort}/${p.protocol.toLowerCase()}`, {}]),
    ),
    Entrypoint: image.entrypoint,
    Cmd: image.cmd,
    Env: image.env.map((e) => `${e.name}=${e.value}`),
    ...(image.user ? { User: image.user } : {}),
    ...(image.workingDir ? { WorkingDir: image.workingDir } : {}),
  };
  const [os, architecture] = image.platform.split('/');
  const created = image.createdAt?.toISOString();
  return {
    status: 'succeeded',
    registry: image.registry,
    imageTag: image.tag ?? image.digest,
    ...(created ? { created } : {}),
    config,
    imageManifest: { layers: [] as never[] },
    ConfigFile: {
      architecture,
      os,
      ...(created ? { created } : {}),
      rootfs: { type: 'layers', diff_ids: [] as never[] },
      config,
    },
  };
}

/** The pod metrics Berth has (metrics-server's current usage), by KubeSphere's names and units. */
const METRICS: Record<string, (usage: UsageTotals) => number> = {
  pod_cpu_usage: (u) => u.cpu,
  pod_memory_usage: (u) => u.memory,
  pod_memory_usage_wo_cache: (u) => u.memory,
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

/**
 * KubeSphere's `monitoring.Metrics` for pods. metrics-server knows only the present: a range query
 * (`start`, `end`) gets a one-point series at the present, an instant query a vector.
 */
export function ksPodMetrics(
  namespace: string,
  usage: ReadonlyMap<string, UsageTotals>,
  query: Record<string, unknown>,
  now: number,
) {
  const wanted = names(query.metrics_filter);
  const pods = names(query.resources_filter);
  const range = query.start !== undefined && query.end !== undefined;
  const time = Math.floor(now / 1000);
  const results = Object.entries(METRICS)
    .filter(([metric]) => !wanted || wanted.has(metric))
    .map(([metric, read]) => ({
      metric_name: metric,
      data: {
        resultType: range ? 'matrix' : 'vector',
        result: [...usage]
          .filter(([pod]) => !pods || pods.has(pod))
          .map(([pod, totals]) => {
            const point: [number, string] = [time, String(read(totals))];
            const series = range ? { values: [point] } : { value: point };
            return { metric: { namespace, pod }, ...series, ...NO_SUMMARY };
          }),
      },
    }));
  return { results };
}
