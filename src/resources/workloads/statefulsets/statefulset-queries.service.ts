import { PODS, SERVICES, STATEFUL_SETS } from '../../../kube';
import { Injectable } from '@nestjs/common';
import { byCreation, byName, compareNames, type ListSpec, queryList, when } from '../../../common/list-query';
import { mapPage, type Page, type PageRequest, paginate } from '../../../common/paging';
import type { ProjectAccess } from '../../../access/scope-access';
import { KubeClient, V1Pod, V1Service, V1StatefulSet } from '../../../kube';
import { PodsService } from './pods.service';
import { RevisionsService } from './revisions.service';
import type { Phase, PodView, ServiceView, StatefulSetDetail, StatefulSetView } from './statefulset.model';
import { ownedPods, selectorOf, toServiceView, toView } from './statefulset-view';
import { toYaml } from '../../../kube/object-yaml';

export interface StatefulSetQuery {
  name?: string;
  labelSelector?: string;
  status?: Phase;
  sortBy?: 'NAME' | 'CREATED_AT';
  ascending?: boolean;
  page?: PageRequest;
}

const STATEFUL_SET_LIST: ListSpec<StatefulSetView, 'NAME' | 'CREATED_AT'> = {
  name: (v) => v.name,
  sortKeys: { NAME: byName, CREATED_AT: byCreation },
  defaultSort: 'NAME',
};

const createdAt = (s: V1StatefulSet) => new Date(s.metadata?.creationTimestamp ?? 0).getTime();

/** The same name filter and sort keys as STATEFUL_SET_LIST, on the objects themselves. */
const RAW_LIST: ListSpec<V1StatefulSet, 'NAME' | 'CREATED_AT'> = {
  name: (s) => s.metadata?.name ?? '',
  sortKeys: {
    NAME: (a, b) => compareNames(a.metadata?.name ?? '', b.metadata?.name ?? ''),
    CREATED_AT: (a, b) => createdAt(a) - createdAt(b),
  },
  defaultSort: 'NAME',
};

/**
 * Views of cached StatefulSets, kept while the StatefulSet, its Service and its pods are the same
 * objects: the cache's objects are frozen and replaced on every change, so identity is their
 * version. A steady-state page is then lookups, not 50 translations to the form. Views are shared
 * by every reader: nothing may change one.
 */
const VIEWS = new WeakMap<
  V1StatefulSet,
  { service: V1Service | null; pods: V1Pod[]; view: StatefulSetView }
>();

function viewOf(statefulSet: V1StatefulSet, service: V1Service | null, pods: V1Pod[]): StatefulSetView {
  const hit = VIEWS.get(statefulSet);
  if (
    hit &&
    hit.service === service &&
    hit.pods.length === pods.length &&
    hit.pods.every((p, i) => p === pods[i])
  )
    return hit.view;
  const view = toView(statefulSet, service, pods);
  if (Object.isFrozen(statefulSet)) VIEWS.set(statefulSet, { service, pods, view });
  return view;
}

/**
 * Objects grouped by keys, once per list: matching each StatefulSet against every pod would cost
 * N × pods. Kept for the read cache's frozen, per-change lists, so a steady-state page groups nothing.
 */
const LOOKUPS = new WeakMap<readonly object[], Map<string, object[]>>();
function lookup<T extends object>(items: readonly T[], keys: (item: T) => string[]): Map<string, T[]> {
  const hit = LOOKUPS.get(items);
  if (hit) return hit as Map<string, T[]>;
  const grouped = new Map<string, T[]>();
  for (const item of items)
    for (const key of keys(item)) {
      const group = grouped.get(key);
      if (group) group.push(item);
      else grouped.set(key, [item]);
    }
  if (Object.isFrozen(items)) LOOKUPS.set(items, grouped);
  return grouped;
}

/**
 * The objects a listed view was made of, so its `pods` field reads the same snapshot as the page
 * (the list was already authorized for pods) instead of reading the StatefulSet and its pods again.
 */
const SOURCES = new WeakMap<StatefulSetView, { statefulSet: V1StatefulSet; pods: V1Pod[] }>();

const statusFilter = (query: StatefulSetQuery) =>
  when<StatefulSetView, Phase>(query.status, (v, phase) => v.status.phase === phase);

/** Reads of StatefulSets, as the requesting user. */
@Injectable()
export class StatefulSetQueries {
  constructor(
    private readonly kube: KubeClient,
    private readonly pods: PodsService,
    private readonly revisions: RevisionsService,
  ) {}

  /**
   * Name and status filters and sorting need every StatefulSet of the project (status needs its
   * pods), so this reads the project's StatefulSets, Services and pods once and pages in memory; the
   * cursor is an opaque offset.
   */
  async list(access: ProjectAccess, query: StatefulSetQuery): Promise<Page<StatefulSetView>> {
    // The status filter needs every StatefulSet's pods; without it, name, labels and sort keys are
    // the objects' own, so only the page is turned into views (50 of thousands, not all of them).
    if (query.status) return paginate(await this.matching(access, query), query.page);
    const { sets, services, pods } = await this.project(access, query.labelSelector);
    const page = paginate(queryList(sets, RAW_LIST, query), query.page);
    return mapPage(page, (sets) => this.views(sets, services, pods));
  }

  /** Every StatefulSet of the project the query's filters keep, sorted as it asks (unpaged). */
  async matching(access: ProjectAccess, query: StatefulSetQuery): Promise<StatefulSetView[]> {
    const { sets, services, pods } = await this.project(access, query.labelSelector);
    const views = this.views(sets, services, pods);
    return queryList(views, STATEFUL_SET_LIST, { ...query, filters: [statusFilter(query)] });
  }

  /** The project's StatefulSets (those the selector matches), Services and pods: three reads. */
  private async project(access: ProjectAccess, labelSelector?: string) {
    const client = this.kube.as(access.identity);
    const namespace = access.project;
    const [sets, services, pods] = await Promise.all([
      client.list(STATEFUL_SETS, { namespace, labelSelector }),
      client.list(SERVICES, { namespace }),
      client.list(PODS, { namespace }),
    ]);
    return { sets: sets.items, services: services.items, pods: pods.items };
  }

  private views(sets: V1StatefulSet[], services: V1Service[], pods: V1Pod[]): StatefulSetView[] {
    const serviceByName = lookup(services, (s) => [s.metadata?.name ?? '']);
    const podsByOwner = lookup(pods, (p) => (p.metadata?.ownerReferences ?? []).map((o) => o.uid));
    return sets.map((s) => {
      const owned = podsByOwner.get(s.metadata?.uid ?? '') ?? [];
      const view = viewOf(s, serviceByName.get(s.spec?.serviceName ?? '')?.[0] ?? null, owned);
      SOURCES.set(view, { statefulSet: s, pods: owned });
      return view;
    });
  }

  /** Whether one StatefulSet's view passes the query's name and status filters (labels: the caller's). */
  keeps(view: StatefulSetView, query: StatefulSetQuery): boolean {
    return queryList([view], STATEFUL_SET_LIST, { ...query, filters: [statusFilter(query)] }).length === 1;
  }

  /**
   * Whether Kubernetes still lets the user list the project's StatefulSets (a live list's second
   * check), at the cost of the check alone: a selector the label index answers with nothing.
   */
  async verifyList(access: ProjectAccess): Promise<void> {
    await this.kube
      .as(access.identity)
      .list(STATEFUL_SETS, { namespace: access.project, labelSelector: 'berth.dev/access-check=none' });
  }

  /** The pods of a view, with their usage: from the snapshot a list made it of, else read now. */
  async podsOf(access: ProjectAccess, view: StatefulSetView): Promise<PodView[]> {
    const source = SOURCES.get(view);
    if (source && source.statefulSet.metadata?.namespace === access.project)
      return this.pods.ofStatefulSet(access, source.statefulSet, source.pods);
    return this.pods.ofStatefulSet(access, await this.raw(access, view.name));
  }

  async raw(access: ProjectAccess, name: string): Promise<V1StatefulSet> {
    return this.kube.as(access.identity).get(STATEFUL_SETS.ref(access.project, name));
  }

  /** From the API server, never the cache: for an update built on the current object. */
  latest(access: ProjectAccess, name: string): Promise<V1StatefulSet> {
    return this.kube.as(access.identity).latest(STATEFUL_SETS.ref(access.project, name));
  }

  async get(access: ProjectAccess, name: string): Promise<StatefulSetView> {
    const statefulSet = await this.raw(access, name);
    const [service, pods] = await Promise.all([
      this.rawService(access, statefulSet),
      this.pods.list(access, selectorOf(statefulSet)),
    ]);
    return viewOf(statefulSet, service, ownedPods(statefulSet, pods));
  }

  async service(access: ProjectAccess, name: string): Promise<ServiceView | null> {
    const service = await this.rawService(access, await this.raw(access, name));
    return service ? toServiceView(service) : null;
  }

  async yaml(access: ProjectAccess, name: string): Promise<string> {
    return toYaml(await this.raw(access, name));
  }

  /** Everything the detail page shows, for REST (GraphQL resolves the parts as fields). */
  async detail(access: ProjectAccess, name: string): Promise<StatefulSetDetail> {
    const statefulSet = await this.raw(access, name);
    const [service, pods, revisions, events] = await Promise.all([
      this.rawService(access, statefulSet),
      this.pods.list(access, selectorOf(statefulSet)),
      this.revisions.list(access, statefulSet),
      this.pods.events(access, 'StatefulSet', name),
    ]);
    const owned = ownedPods(statefulSet, pods);
    return {
      ...toView(statefulSet, service, owned),
      service: service ? toServiceView(service) : null,
      pods: await this.pods.ofStatefulSet(access, statefulSet, owned),
      revisions,
      events,
      yaml: toYaml(statefulSet),
    };
  }

  private rawService(access: ProjectAccess, statefulSet: V1StatefulSet): Promise<V1Service | null> {
    return this.kube
      .as(access.identity)
      .find(SERVICES.ref(access.project, statefulSet.spec?.serviceName ?? ''));
  }
}
