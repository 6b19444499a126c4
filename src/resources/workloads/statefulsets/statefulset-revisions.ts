import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { V1ControllerRevision, V1PodTemplateSpec, V1StatefulSet } from '../../../kube';
import type { FieldChange, RevisionDiff, RevisionView } from './statefulset.model';

/** ControllerRevisions of a StatefulSet, as the history page shows them. */

/** The pod template a revision recorded (the StatefulSet controller stores it as a patch). */
export function templateOf(revision: V1ControllerRevision): V1PodTemplateSpec {
  const data = revision.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const template = { ...(data?.spec?.template ?? {}) };
  delete template.$patch;
  return template;
}

/**
 * The revision the pods were made from, and how many were. Under OnDelete, Kubernetes releases
 * without the fix of kubernetes#73492 (v1.36 among them) never promote status.currentRevision, even
 * after every pod was recreated from the update revision; that revision is then the current one.
 */
export function currentRevisionOf(statefulSet: V1StatefulSet): { name: string | null; replicas: number } {
  const s = statefulSet.status;
  const replicas = s?.replicas ?? 0;
  const rolledOut =
    statefulSet.spec?.updateStrategy?.type === 'OnDelete' &&
    !!s?.updateRevision &&
    (s.observedGeneration ?? 0) >= (statefulSet.metadata?.generation ?? 0) &&
    replicas === (statefulSet.spec.replicas ?? 1) &&
    (s.updatedReplicas ?? 0) === replicas;
  return rolledOut
    ? { name: s.updateRevision ?? null, replicas }
    : { name: s?.currentRevision ?? null, replicas: s?.currentReplicas ?? 0 };
}

export function toRevisionView(revision: V1ControllerRevision, statefulSet: V1StatefulSet): RevisionView {
  const name = revision.metadata?.name ?? '';
  const template = templateOf(revision);
  return {
    revision: revision.revision,
    name,
    createdAt: revision.metadata?.creationTimestamp ? new Date(revision.metadata.creationTimestamp) : null,
    current: currentRevisionOf(statefulSet).name === name,
    update: statefulSet.status?.updateRevision === name,
    images: (template.spec?.containers ?? []).map((c) => c.image ?? ''),
    template: stringify(template, { lineWidth: 0 }),
  };
}

export function diffRevisions(from: V1ControllerRevision, to: V1ControllerRevision): RevisionDiff {
  const before = templateOf(from);
  const after = templateOf(to);
  const a = flatten(before, 'template');
  const b = flatten(after, 'template');
  const changes: FieldChange[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(path) ?? null;
    const y = b.get(path) ?? null;
    if (x !== y) changes.push({ path, from: x, to: y });
  }
  const unified = createTwoFilesPatch(
    `revision ${from.revision}`,
    `revision ${to.revision}`,
    stringify(before, { lineWidth: 0 }),
    stringify(after, { lineWidth: 0 }),
  );
  return { from: from.revision, to: to.revision, changes, unified };
}

/** Leaf values by path (`template.spec.containers[0].image`), as text. */
function flatten(value: unknown, path: string, out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object')
    Object.entries(value).forEach(([k, v]) => flatten(v, `${path}.${k}`, out));
  else if (value !== undefined) out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}
