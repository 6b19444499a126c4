import { CONTROLLER_REVISIONS, STATEFUL_SETS } from '../../../kube';
import { Injectable } from '@nestjs/common';
import { checkTemplatePolicy } from './statefulset-policy';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { ProjectAccess } from '../../../access/scope-access';
import { KubeClient, V1ControllerRevision, V1StatefulSet } from '../../../kube';
import type { RevisionDiff, RevisionView } from './statefulset.model';
import { diffRevisions, templateOf, toRevisionView } from './statefulset-revisions';
import { selectorOf } from './statefulset-view';

/** The revision history (ControllerRevisions) of a StatefulSet, rollback and comparison. */
@Injectable()
export class RevisionsService {
  constructor(private readonly kube: KubeClient) {}

  /** Newest first. */
  async list(access: ProjectAccess, statefulSet: V1StatefulSet): Promise<RevisionView[]> {
    return (await this.raw(access, statefulSet)).map((r) => toRevisionView(r, statefulSet));
  }

  /** One revision as Kubernetes holds it (the ControllerRevision), by its number. */
  async one(
    access: ProjectAccess,
    statefulSet: V1StatefulSet,
    revision: number,
  ): Promise<V1ControllerRevision> {
    return find(await this.raw(access, statefulSet), revision);
  }

  async diff(
    access: ProjectAccess,
    statefulSet: V1StatefulSet,
    from: number,
    to: number,
  ): Promise<RevisionDiff> {
    const revisions = await this.raw(access, statefulSet);
    return diffRevisions(find(revisions, from), find(revisions, to));
  }

  /**
   * Restores the pod template a revision recorded. The controller then records it again under a new
   * revision number (the old one is reused), and rolls the pods as for any change.
   */
  async rollback(
    access: ProjectAccess,
    statefulSet: V1StatefulSet,
    revision: number,
    dryRun: boolean,
  ): Promise<V1StatefulSet> {
    const template = templateOf(find(await this.raw(access, statefulSet), revision));
    checkTemplatePolicy(access, template);
    const client = this.kube.as(access.identity);
    const ref = STATEFUL_SETS.ref(access.project, statefulSet.metadata?.name ?? '');
    if (dryRun) {
      // Unconditional (no resourceVersion): nothing is written, so a status update by the controller
      // meanwhile must not turn the preview into a CONFLICT.
      const current = await client.latest<V1StatefulSet>(ref);
      const metadata = { ...current.metadata, resourceVersion: undefined };
      return client.replace({ ...current, metadata, spec: { ...current.spec!, template } }, { dryRun: true });
    }
    return client.modify<V1StatefulSet>(ref, (current) => ({
      ...current,
      spec: { ...current.spec!, template },
    }));
  }

  private async raw(access: ProjectAccess, statefulSet: V1StatefulSet): Promise<V1ControllerRevision[]> {
    const list = await this.kube.as(access.identity).list(CONTROLLER_REVISIONS, {
      namespace: access.project,
      labelSelector: selectorOf(statefulSet),
    });
    return list.items
      .filter((r) => r.metadata?.ownerReferences?.some((o) => o.uid === statefulSet.metadata?.uid))
      .sort((a, b) => b.revision - a.revision);
  }
}

function find(revisions: V1ControllerRevision[], number: number): V1ControllerRevision {
  const revision = revisions.find((r) => r.revision === number);
  const known = revisions.map((r) => r.revision).join(', ') || 'none';
  if (!revision)
    throw new DomainError(ErrorCode.NOT_FOUND, `revision ${number} not found (there are: ${known})`);
  return revision;
}
