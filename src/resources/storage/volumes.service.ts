import { PERSISTENT_VOLUME_CLAIMS, STORAGE_CLASSES } from '../../kube';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { ProjectAccess } from '../../access/scope-access';
import { KubeClient, V1PersistentVolumeClaim, V1StorageClass } from '../../kube';
import { parseQuantity } from '../../kube/quantity';
import { objectYaml } from '../../kube/object-yaml';
import { CreateVolumeInput, labelProblems, sizeProblem } from './volume-inputs';
import { VolumeQueries } from './volume-queries.service';
import type { VolumeClaimChange } from './volume.model';
import { activePods, requestedSize, toClaim, toVolumeView } from './volume-view';
import { defaultClass } from '../../kube/storage-classes';

const NO_CONTEXT = { pods: [], statefulSets: [], events: [] };

/**
 * Every change to a project's volumes, made as the requesting user (so Kubernetes RBAC applies too).
 * Storage classes are read with the service's identity: tenants may not read them in Kubernetes.
 * Each change can be a dry run: the API server validates it in full, nothing is written.
 */
@Injectable()
export class VolumesService {
  constructor(
    private readonly kube: KubeClient,
    private readonly queries: VolumeQueries,
  ) {}

  async create(access: ProjectAccess, input: CreateVolumeInput, dryRun: boolean): Promise<VolumeClaimChange> {
    const problems = labelProblems(input.labels, 'labels');
    if (problems.length) throw DomainError.badInput(problems);
    const classes = await this.kube.list(STORAGE_CLASSES);
    const storageClass = this.resolveClass(classes.items, input.storageClass);
    const claim = toClaim(input, access.project, storageClass, access.principal.username);
    const written = await this.kube.as(access.identity).create(claim, { dryRun });
    // A dry run wrote nothing, so nothing mounts it yet.
    const volume = dryRun ? toVolumeView(written, NO_CONTEXT) : await this.queries.view(access, written);
    return { dryRun, volume, objects: [objectYaml(written)], message: null };
  }

  /**
   * Asks for a larger size (spec.resources.requests.storage); the storage provider then grows the
   * volume and `capacity` follows. Only Bound claims of a class that allows expansion may grow, and
   * only grow: Kubernetes would accept a smaller request down to the current capacity (to recover a
   * failed expansion), which is not a shrink users should be offered.
   */
  async expand(
    access: ProjectAccess,
    name: string,
    size: string,
    dryRun: boolean,
  ): Promise<VolumeClaimChange> {
    const problem = sizeProblem(size);
    if (problem) throw DomainError.badField('size', problem);
    const claim = await this.queries.raw(access, name);
    const className = claim.spec?.storageClassName ?? '';
    const storageClass = className
      ? ((await this.kube.find(STORAGE_CLASSES.ref(className))) ?? undefined)
      : undefined;
    if (storageClass?.allowVolumeExpansion !== true)
      throw DomainError.badInput(
        [{ path: 'size', message: `cannot change: ${noExpansion(className, storageClass)}` }],
        `Volume "${name}" cannot be expanded: ${noExpansion(className, storageClass)}`,
      );
    if (claim.status?.phase !== 'Bound')
      throw DomainError.badField(
        'size',
        `can change only once the volume is Bound (it is ${claim.status?.phase ?? 'Pending'})`,
      );
    const current = requestedSize(claim);
    if (!(parseQuantity(size) > parseQuantity(current)))
      throw DomainError.badField(
        'size',
        `must be larger than the current size ${current}: volumes cannot shrink`,
      );
    const patch: V1PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      // The version read: a change made meanwhile (another expansion) answers CONFLICT.
      metadata: { name, namespace: access.project, resourceVersion: claim.metadata?.resourceVersion },
      spec: { resources: { requests: { storage: size } } },
    };
    const written = await this.kube.as(access.identity).patch(patch, 'merge', { dryRun });
    return {
      dryRun,
      volume: await this.queries.view(access, written),
      objects: [objectYaml(written)],
      message: `Requested ${size}; the capacity shows it once the storage provider has expanded the volume.`,
    };
  }

  /**
   * Refused while running pods mount it (they would lose their storage), unless `force`; even then
   * Kubernetes keeps the claim (Terminating) until those pods are gone.
   */
  async delete(
    access: ProjectAccess,
    name: string,
    force: boolean,
    dryRun: boolean,
  ): Promise<VolumeClaimChange> {
    const claim = await this.queries.raw(access, name);
    const volume = await this.queries.view(access, claim);
    const mounting = activePods(volume.mountedBy).map((p) => p.name);
    if (mounting.length && !force)
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Volume "${name}" is mounted by ${podList(mounting)}; stop them first, or delete with force`,
      );
    await this.kube.as(access.identity).delete(PERSISTENT_VOLUME_CLAIMS.ref(access.project, name), {
      dryRun,
      preconditions: { uid: claim.metadata?.uid },
    });
    const message = mounting.length
      ? `Kubernetes keeps the volume until ${podList(mounting)} no longer use it.`
      : null;
    return { dryRun, volume, objects: [objectYaml(claim)], message };
  }

  private resolveClass(classes: V1StorageClass[], asked: string | undefined): string {
    const names = classes.map((sc) => sc.metadata?.name ?? '').sort();
    if (asked !== undefined) {
      if (names.includes(asked)) return asked;
      throw DomainError.badField(
        'storageClass',
        `no StorageClass "${asked}" exists${names.length ? ` (there are ${names.join(', ')})` : ''}`,
      );
    }
    const fallback = defaultClass(classes);
    if (!fallback)
      throw DomainError.badField('storageClass', 'is required: the cluster has no default StorageClass');
    return fallback.metadata?.name ?? '';
  }
}

function noExpansion(className: string, storageClass: V1StorageClass | undefined): string {
  if (!className) return 'it has no StorageClass, so nothing can expand it';
  if (!storageClass) return `its StorageClass "${className}" no longer exists`;
  return `its StorageClass "${className}" does not allow volume expansion`;
}

function podList(pods: string[]): string {
  return `${pods.length === 1 ? 'pod' : 'pods'} ${pods.join(', ')}`;
}
