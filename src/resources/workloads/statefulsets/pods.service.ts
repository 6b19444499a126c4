import { EVENTS, PODS, POD_METRICS } from '../../../kube';
import { Injectable } from '@nestjs/common';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { ProjectAccess } from '../../../access/scope-access';
import { KubeClient, KubeObject, PodLogOptions, V1Pod, V1StatefulSet } from '../../../kube';
import { parseQuantity } from '../../../kube/quantity';
import type { PodView, ResourceUsage } from './statefulset.model';
import { ownedPods, selectorOf, toPodView } from './statefulset-view';
import type { EventView } from '../../shared/events';
import { toEventView } from '../../shared/events';

interface PodMetrics extends KubeObject {
  containers?: { name: string; usage: { cpu?: string; memory?: string } }[];
}

// A page of 50 StatefulSets looks up usage 50 times in the same (cached, shared) list: index it once.
const indexed = new WeakMap<readonly PodMetrics[], Map<string, PodMetrics>>();
function metricsByPod(metrics: readonly PodMetrics[]): Map<string, PodMetrics> {
  let byPod = indexed.get(metrics);
  if (!byPod) {
    byPod = new Map(metrics.map((m) => [m.metadata?.name ?? '', m]));
    indexed.set(metrics, byPod);
  }
  return byPod;
}

const unavailable = (reason: string): ResourceUsage =>
  Object.freeze({ cpu: null, memory: null, unavailableReason: reason });
const NOT_ALLOWED = unavailable('not allowed to read metrics');
const NO_METRICS_API = unavailable('the metrics API is unavailable');
const NOT_COLLECTED = unavailable('not collected yet (metrics arrive about a minute after a pod starts)');

/** A pod's usage summed over its containers: CPU in cores, memory in bytes. */
export interface UsageTotals {
  cpu: number;
  memory: number;
}

function totals(m: PodMetrics): UsageTotals {
  const total = (pick: (u: { cpu?: string; memory?: string }) => string | undefined) =>
    (m.containers ?? []).reduce((sum, c) => sum + (parseQuantity(pick(c.usage) ?? '0') || 0), 0);
  return { cpu: total((u) => u.cpu), memory: total((u) => u.memory) };
}

/** Each metrics object's usage, computed once (the cache shares the objects until they change). */
const USAGES = new WeakMap<PodMetrics, ResourceUsage>();
function usageOf(m: PodMetrics | undefined): ResourceUsage {
  if (!m?.containers?.length) return NOT_COLLECTED;
  const hit = USAGES.get(m);
  if (hit) return hit;
  const { cpu, memory } = totals(m);
  const usage = Object.freeze({
    cpu: `${Math.round(cpu * 1000)}m`,
    memory: `${Math.round(memory / 2 ** 20)}Mi`,
    unavailableReason: null,
  });
  if (Object.isFrozen(m)) USAGES.set(m, usage);
  return usage;
}

/**
 * Views of cached (frozen) pods, kept while the pod and its usage are the same objects: a page of
 * 50 StatefulSets shows 150 pods, and in steady state none of them has changed since the last read.
 * Views are shared by every reader: nothing may change one.
 */
const POD_VIEWS = new WeakMap<V1Pod, { usage: ResourceUsage; view: PodView }>();
function podViewOf(pod: V1Pod, usage: ResourceUsage): PodView {
  const hit = POD_VIEWS.get(pod);
  if (hit?.usage === usage) return hit.view;
  const view = toPodView(pod, usage);
  if (Object.isFrozen(pod)) POD_VIEWS.set(pod, { usage, view });
  return view;
}

/** Pods, their usage, events and logs. Every call is made as the requesting user. */
@Injectable()
export class PodsService {
  constructor(private readonly kube: KubeClient) {}

  /** The pods a StatefulSet owns, in ordinal order, with their resource usage. */
  async ofStatefulSet(access: ProjectAccess, statefulSet: V1StatefulSet, pods?: V1Pod[]): Promise<PodView[]> {
    const client = this.kube.as(access.identity);
    const owned = ownedPods(statefulSet, pods ?? (await this.list(access, selectorOf(statefulSet))));
    const usage = await this.usage(client, access.project);
    return owned
      .map((p) => podViewOf(p, usage(p.metadata?.name ?? '')))
      .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
  }

  async list(access: ProjectAccess, labelSelector?: string): Promise<V1Pod[]> {
    return (await this.kube.as(access.identity).list(PODS, { namespace: access.project, labelSelector }))
      .items;
  }

  async get(access: ProjectAccess, name: string): Promise<PodView> {
    const client = this.kube.as(access.identity);
    const [pod, usage] = await Promise.all([
      client.get(PODS.ref(access.project, name)),
      this.usage(client, access.project),
    ]);
    return podViewOf(pod, usage(name));
  }

  async events(access: ProjectAccess, kind: string, name: string): Promise<EventView[]> {
    const list = await this.kube.as(access.identity).list(EVENTS, {
      namespace: access.project,
      fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}`,
    });
    return list.items
      .map(toEventView)
      .sort((a, b) => (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0))
      .slice(0, 50);
  }

  async logs(access: ProjectAccess, pod: string, options: PodLogOptions): Promise<string> {
    const client = this.kube.as(access.identity);
    await this.checkContainer(client, access.project, pod, options.container);
    return client.podLogs(access.project, pod, options);
  }

  async followLogs(
    access: ProjectAccess,
    pod: string,
    options: PodLogOptions,
    signal: AbortSignal,
  ): Promise<WebReadableStream<Uint8Array>> {
    const client = this.kube.as(access.identity);
    await this.checkContainer(client, access.project, pod, options.container);
    return client.followPodLogs(access.project, pod, options, signal);
  }

  /** The StatefulSet controller recreates the pod with the same name, claims and identity. */
  async delete(access: ProjectAccess, name: string, dryRun: boolean): Promise<PodView> {
    const client = this.kube.as(access.identity);
    // From the API server: its uid is the delete's precondition, and a pod just replaced has a new one.
    const [pod, usage] = await Promise.all([
      client.latest(PODS.ref(access.project, name)),
      this.usage(client, access.project),
    ]);
    await client.delete(PODS.ref(access.project, name), {
      dryRun,
      preconditions: { uid: pod.metadata?.uid },
    });
    return podViewOf(pod, usage(name));
  }

  /**
   * The usage of each pod of the project that metrics-server has measured, read as the caller; empty
   * when the metrics API is unavailable or the caller may not read it.
   */
  async usageTotals(access: ProjectAccess): Promise<Map<string, UsageTotals>> {
    const client = this.kube.as(access.identity);
    const metrics = await client.list(POD_METRICS, { namespace: access.project }).then(
      (list) => list.items,
      () => [],
    );
    return new Map(
      metrics.filter((m) => m.containers?.length).map((m) => [m.metadata?.name ?? '', totals(m)]),
    );
  }

  /** A lookup of each pod's usage; when metrics are unavailable, null values say why. */
  private async usage(client: KubeClient, namespace: string): Promise<(pod: string) => ResourceUsage> {
    let metrics: PodMetrics[];
    try {
      metrics = (await client.list(POD_METRICS, { namespace })).items;
    } catch (error) {
      const refused = error instanceof DomainError && error.code === ErrorCode.FORBIDDEN;
      return () => (refused ? NOT_ALLOWED : NO_METRICS_API);
    }
    const byPod = metricsByPod(metrics);
    return (pod) => usageOf(byPod.get(pod));
  }

  private async checkContainer(
    client: KubeClient,
    namespace: string,
    pod: string,
    container?: string,
  ): Promise<void> {
    const found = await client.get(PODS.ref(namespace, pod));
    const names = [...(found.spec?.containers ?? []), ...(found.spec?.initContainers ?? [])].map(
      (c) => c.name,
    );
    if (container !== undefined && !names.includes(container)) {
      throw DomainError.badField(
        'container',
        `pod "${pod}" has no container "${container}" (it has ${names.join(', ')})`,
      );
    }
    if (container === undefined && names.length > 1)
      throw DomainError.badField('container', `is required: pod "${pod}" has ${names.join(', ')}`);
  }
}
