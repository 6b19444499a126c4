import { EVENTS, PERSISTENT_VOLUME_CLAIMS, PODS, STATEFUL_SETS } from '../../kube';
import { Injectable } from '@nestjs/common';
import { byCreation, byName, type ListSpec, queryPage, when } from '../../common/list-query';
import type { ProjectAccess } from '../../access/scope-access';
import { CoreV1Event, KubeClient, V1PersistentVolumeClaim } from '../../kube';
import { toYaml } from '../../kube/object-yaml';
import { VolumeClaimSortField } from './volume-inputs';
import type { ClaimPhase, VolumeClaimDetail, VolumeClaimView } from './volume.model';
import type { Page, PageRequest } from '../../common/paging';
import { ClaimContext, sizeInBytes, toVolumeView } from './volume-view';
import type { EventView } from '../shared/events';
import { toEventView } from '../shared/events';

export interface VolumeQuery {
  name?: string;
  status?: ClaimPhase;
  storageClass?: string;
  labelSelector?: string;
  sortBy?: VolumeClaimSortField;
  ascending?: boolean;
  page?: PageRequest;
}

const VOLUME_LIST: ListSpec<VolumeClaimView, VolumeClaimSortField> = {
  name: (v) => v.name,
  sortKeys: {
    [VolumeClaimSortField.NAME]: byName,
    [VolumeClaimSortField.CREATED_AT]: byCreation,
    [VolumeClaimSortField.CAPACITY]: (a, b) => sizeInBytes(a) - sizeInBytes(b),
  },
  defaultSort: VolumeClaimSortField.NAME,
};

/** Reads of a project's volumes (PersistentVolumeClaims), as the requesting user. */
@Injectable()
export class VolumeQueries {
  constructor(private readonly kube: KubeClient) {}

  /**
   * The status filter needs each claim's phase and the sort by capacity its size, so this reads the
   * project's claims (and what their views need) once and filters, sorts and pages in memory.
   */
  async list(access: ProjectAccess, query: VolumeQuery): Promise<Page<VolumeClaimView>> {
    const [claims, context] = await Promise.all([
      this.kube.as(access.identity).list(PERSISTENT_VOLUME_CLAIMS, {
        namespace: access.project,
        labelSelector: query.labelSelector,
      }),
      this.context(access),
    ]);
    const views = claims.items.map((c) => toVolumeView(c, context));
    return queryPage(views, VOLUME_LIST, {
      ...query,
      filters: [
        when(query.storageClass, (v, storageClass) => v.storageClass === storageClass),
        when(query.status, (v, phase) => v.status.phase === phase),
      ],
    });
  }

  raw(access: ProjectAccess, name: string): Promise<V1PersistentVolumeClaim> {
    return this.kube.as(access.identity).get(PERSISTENT_VOLUME_CLAIMS.ref(access.project, name));
  }

  async get(access: ProjectAccess, name: string): Promise<VolumeClaimView> {
    const [claim, context] = await Promise.all([this.raw(access, name), this.context(access, name)]);
    return toVolumeView(claim, context);
  }

  /** The view of a claim already read (or returned by a write). */
  async view(access: ProjectAccess, claim: V1PersistentVolumeClaim): Promise<VolumeClaimView> {
    return toVolumeView(claim, await this.context(access, claim.metadata?.name));
  }

  async events(access: ProjectAccess, name: string): Promise<EventView[]> {
    return recentEvents(await this.claimEvents(access, name));
  }

  async yaml(access: ProjectAccess, name: string): Promise<string> {
    return toYaml(await this.raw(access, name));
  }

  /** Everything the detail page shows, for REST (GraphQL resolves events and YAML as fields). */
  async detail(access: ProjectAccess, name: string): Promise<VolumeClaimDetail> {
    const [claim, context] = await Promise.all([this.raw(access, name), this.context(access, name)]);
    return { ...toVolumeView(claim, context), events: recentEvents(context.events), yaml: toYaml(claim) };
  }

  /** The namespace's pods, StatefulSets and claim events (of one claim, when `name` is given). */
  private async context(access: ProjectAccess, name?: string): Promise<ClaimContext> {
    const client = this.kube.as(access.identity);
    const namespace = access.project;
    const [pods, statefulSets, events] = await Promise.all([
      client.list(PODS, { namespace }),
      client.list(STATEFUL_SETS, { namespace }),
      this.claimEvents(access, name),
    ]);
    return { pods: pods.items, statefulSets: statefulSets.items, events };
  }

  private async claimEvents(access: ProjectAccess, name?: string): Promise<CoreV1Event[]> {
    const selector = [
      'involvedObject.kind=PersistentVolumeClaim',
      ...(name ? [`involvedObject.name=${name}`] : []),
    ];
    const list = await this.kube.as(access.identity).list(EVENTS, {
      namespace: access.project,
      fieldSelector: selector.join(','),
    });
    return list.items;
  }
}

/** Newest first, at most 50 (what the detail page shows). */
function recentEvents(events: readonly CoreV1Event[]): EventView[] {
  return events
    .map(toEventView)
    .sort((a, b) => (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0))
    .slice(0, 50);
}
