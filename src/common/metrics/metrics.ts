import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Berth's Prometheus metrics (prom-client), one registry per process: names and labels follow
 * Prometheus' conventions (`_total` counters, `_seconds` histograms, bounded label values: routes,
 * never paths or user names). Served by the health feature's metrics listener.
 */
export const METRICS = new Registry();
collectDefaultMetrics({ register: METRICS, prefix: 'berth_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A kind of call counted (`<name>s_total`, with its outcome's `code`) and timed (`<name>_duration_seconds`). */
function measured<L extends string>(name: string, what: string, timing: string, labelNames: readonly L[]) {
  return {
    total: new Counter<L | 'code'>({
      name: `${name}s_total`,
      help: `${what}, by ${labelNames.join(', ')} and code`,
      labelNames: [...labelNames, 'code'],
      registers: [METRICS],
    }),
    seconds: new Histogram<L>({
      name: `${name}_duration_seconds`,
      help: `${timing}, by ${labelNames.join(', ')}`,
      labelNames,
      buckets: SECONDS,
      registers: [METRICS],
    }),
  };
}

/** Requests answered; `operation` is a route, GraphQL's first root field, or a Kubernetes verb and resource. */
export const requests = measured('berth_request', 'Requests answered', 'Time to answer', [
  'transport',
  'operation',
]);
/** Calls to the API server; `code` is its HTTP status, or `error` when none came. */
export const kubeRequests = measured(
  'berth_kube_request',
  'Calls to the Kubernetes API server',
  'Time until the API server answered (its headers)',
  ['verb', 'resource'],
);

export const signInsTotal = new Counter({
  name: 'berth_sign_ins_total',
  help: 'Password sign-ins, by outcome: success, failure (bad credentials), locked (account locked out), throttled',
  labelNames: ['outcome'] as const,
  registers: [METRICS],
});

/** Figures read when scraped (cache objects, live subscriptions): each source registers its reader. */
export function gauge(
  name: string,
  help: string,
  labelNames: readonly string[],
  collect: (g: Gauge) => void,
): void {
  if (METRICS.getSingleMetric(name)) METRICS.removeSingleMetric(name);
  new Gauge({
    name,
    help,
    labelNames,
    registers: [METRICS],
    collect() {
      this.reset();
      collect(this);
    },
  });
}
