import { CONFIG_MAPS, STATEFUL_SETS } from '../../../kube';
import { byNameList, queryList } from '../../../common/list-query';
import { Injectable } from '@nestjs/common';
import {
  compareKeys,
  dataProblems,
  fromRecord,
  KeyValuePair,
  toRecord,
} from '../../../common/key-value-data';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { ProjectAccess } from '../../../access/scope-access';
import { ANNOTATIONS } from '../../../iam/labels';
import { KubeClient, V1ConfigMap, V1StatefulSet } from '../../../kube';
import { newObjectMetadata } from '../../shared/new-object';
import { workloadsUsing } from '../../shared/workload-references';
import type { ConfigMapDataInput, ConfigMapView, CreateConfigMapInput } from './configmap.model';

/** ConfigMaps of a project, read and written as the requesting user. */
@Injectable()
export class ConfigMapsService {
  constructor(private readonly kube: KubeClient) {}

  async list(access: ProjectAccess, name?: string): Promise<ConfigMapView[]> {
    const client = this.kube.as(access.identity);
    const [maps, sets] = await Promise.all([
      client.list(CONFIG_MAPS, { namespace: access.project }),
      client.list(STATEFUL_SETS, { namespace: access.project }),
    ]);
    return queryList(
      maps.items.map((m) => toView(m, sets.items)),
      byNameList(),
      { name },
    );
  }

  async get(access: ProjectAccess, name: string): Promise<ConfigMapView> {
    const client = this.kube.as(access.identity);
    const [map, sets] = await Promise.all([
      client.get(CONFIG_MAPS.ref(access.project, name)),
      client.list(STATEFUL_SETS, { namespace: access.project }),
    ]);
    return toView(map, sets.items);
  }

  async create(access: ProjectAccess, input: CreateConfigMapInput, dryRun: boolean): Promise<ConfigMapView> {
    check(input);
    const written = await this.kube.as(access.identity).create<V1ConfigMap>(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: newObjectMetadata(access, input.name, input.labels),
        data: toRecord(input.data),
      },
      { dryRun },
    );
    return toView(written, []);
  }

  /** Replaces the data (and labels, when given); fails with CONFLICT if it changed since `resourceVersion`. */
  async update(
    access: ProjectAccess,
    name: string,
    input: ConfigMapDataInput,
    resourceVersion: string,
    dryRun: boolean,
  ): Promise<ConfigMapView> {
    check(input);
    const client = this.kube.as(access.identity);
    // From the API server: the replace sends back every field of it the input does not set.
    const current = await client.latest(CONFIG_MAPS.ref(access.project, name));
    const written = await client.replace<V1ConfigMap>(
      {
        ...current,
        metadata: {
          ...current.metadata,
          resourceVersion,
          labels: input.labels ? toRecord(input.labels) : current.metadata?.labels,
        },
        data: toRecord(input.data),
      },
      { dryRun },
    );
    return this.withUse(access, written);
  }

  /** Refused while a workload uses it (its pods would fail to start), unless `force`. */
  async delete(access: ProjectAccess, name: string, force: boolean, dryRun: boolean): Promise<ConfigMapView> {
    const view = await this.get(access, name);
    if (view.usedBy.length && !force)
      throw new DomainError(
        ErrorCode.CONFLICT,
        `ConfigMap "${name}" is used by ${view.usedBy.map((u) => `${u.kind} ${u.name}`).join(', ')}; delete with force to delete it anyway`,
      );
    await this.kube.as(access.identity).delete(CONFIG_MAPS.ref(access.project, name), {
      dryRun,
      preconditions: { resourceVersion: view.resourceVersion },
    });
    return view;
  }

  private async withUse(access: ProjectAccess, map: V1ConfigMap): Promise<ConfigMapView> {
    const sets = await this.kube.as(access.identity).list(STATEFUL_SETS, { namespace: access.project });
    return toView(map, sets.items);
  }
}

function check(input: { data: KeyValuePair[] }): void {
  const problems = dataProblems(input.data, 'data');
  if (problems.length) throw DomainError.badInput(problems);
}

function toView(map: V1ConfigMap, statefulSets: V1StatefulSet[]): ConfigMapView {
  const name = map.metadata?.name ?? '';
  return {
    name,
    data: fromRecord(map.data),
    binaryKeys: Object.keys(map.binaryData ?? {}).sort(compareKeys),
    labels: fromRecord(map.metadata?.labels),
    createdAt: map.metadata?.creationTimestamp ? new Date(map.metadata.creationTimestamp) : null,
    creator: map.metadata?.annotations?.[ANNOTATIONS.creator] ?? null,
    resourceVersion: map.metadata?.resourceVersion ?? '',
    usedBy: workloadsUsing(statefulSets, 'configMaps', name),
  };
}
