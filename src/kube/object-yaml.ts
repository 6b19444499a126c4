import { stringify } from 'yaml';
import type { KubeObject } from './kube-types';

/** A Kubernetes object as plain JSON data, without the server's managedFields bookkeeping. */
export function plain<T extends KubeObject>(object: T): Record<string, unknown> {
  const value = JSON.parse(JSON.stringify(object)) as Record<string, unknown> & {
    metadata?: Record<string, unknown>;
  };
  if (value.metadata) delete value.metadata.managedFields;
  return value;
}

export function toYaml(object: KubeObject): string {
  return stringify(plain(object), { lineWidth: 0 });
}

/** What a change answers for each object it wrote (or, in a dry run, had validated). */
export function objectYaml(object: KubeObject): { kind: string; name: string; yaml: string } {
  return { kind: object.kind ?? '', name: object.metadata?.name ?? '', yaml: toYaml(object) };
}
