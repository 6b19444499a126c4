import { SECRETS, STATEFUL_SETS } from '../../../kube';
import { byNameList, queryList } from '../../../common/list-query';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { toRecord } from '../../../common/key-value-data';
import type { ProjectAccess } from '../../../access/scope-access';
import { newObjectMetadata } from '../../shared/new-object';
import { KubeClient, V1Secret, V1StatefulSet } from '../../../kube';
import { kindOf, secretData, toSecretValues, toSecretView } from './secret-data';
import {
  CreateSecretInput,
  KUBE_SECRET_TYPE,
  SecretDataInput,
  SecretKind,
  SecretValues,
  SecretView,
} from './secret.model';

/**
 * Secrets of a project. Kubernetes RBAC cannot grant "keys but not values" (project-viewer has no
 * `get secrets`), so the key-only views are read with the service's own identity after the guard
 * checked `config:view`; values and every write go through the user's impersonated client, so the
 * API server refuses them for viewers even if this service did not.
 */
@Injectable()
export class SecretsService {
  constructor(private readonly kube: KubeClient) {}

  async list(access: ProjectAccess, name?: string): Promise<SecretView[]> {
    const [secrets, sets] = await Promise.all([
      this.kube.list(SECRETS, { namespace: access.project }),
      this.statefulSets(access),
    ]);
    return queryList(
      secrets.items.map((s) => toSecretView(s, sets)),
      byNameList(),
      { name },
    );
  }

  async get(access: ProjectAccess, name: string): Promise<SecretView> {
    const [secret, sets] = await Promise.all([
      this.kube.get(SECRETS.ref(access.project, name)),
      this.statefulSets(access),
    ]);
    return toSecretView(secret, sets);
  }

  async values(access: ProjectAccess, name: string): Promise<SecretValues> {
    return toSecretValues(await this.kube.as(access.identity).get(SECRETS.ref(access.project, name)));
  }

  async create(access: ProjectAccess, input: CreateSecretInput, dryRun: boolean): Promise<SecretView> {
    const data = secretData(input.kind, input);
    const written = await this.kube.as(access.identity).create<V1Secret>(
      {
        apiVersion: 'v1',
        kind: 'Secret',
        type: KUBE_SECRET_TYPE[input.kind],
        metadata: newObjectMetadata(access, input.name, input.labels),
        data,
      },
      { dryRun },
    );
    return toSecretView(written, []);
  }

  /** Replaces the data (its type stays); fails with CONFLICT if it changed since `resourceVersion`. */
  async update(
    access: ProjectAccess,
    name: string,
    input: SecretDataInput,
    resourceVersion: string,
    dryRun: boolean,
  ): Promise<SecretView> {
    const client = this.kube.as(access.identity);
    const current = await client.get(SECRETS.ref(access.project, name));
    const kind = kindOf(current.type);
    if (kind === SecretKind.OTHER)
      throw DomainError.badField('name', `is a ${current.type} secret, which Berth does not edit`);
    const written = await client.replace<V1Secret>(
      {
        ...current,
        metadata: {
          ...current.metadata,
          resourceVersion,
          labels: input.labels ? toRecord(input.labels) : current.metadata?.labels,
        },
        data: secretData(kind, input),
        stringData: undefined,
      },
      { dryRun },
    );
    return toSecretView(written, await this.statefulSets(access));
  }

  /** Refused while a workload uses it (its pods would fail to start or pull), unless `force`. */
  async delete(access: ProjectAccess, name: string, force: boolean, dryRun: boolean): Promise<SecretView> {
    const view = await this.get(access, name);
    if (view.usedBy.length && !force)
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Secret "${name}" is used by ${view.usedBy.map((u) => `${u.kind} ${u.name}`).join(', ')}; delete with force to delete it anyway`,
      );
    await this.kube.as(access.identity).delete(SECRETS.ref(access.project, name), {
      dryRun,
      preconditions: { resourceVersion: view.resourceVersion },
    });
    return view;
  }

  private async statefulSets(access: ProjectAccess): Promise<V1StatefulSet[]> {
    const list = await this.kube.as(access.identity).list(STATEFUL_SETS, { namespace: access.project });
    return list.items;
  }
}
