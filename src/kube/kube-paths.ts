import { DomainError } from '../common/errors/domain-error';
import type { KubeObject, KubeRef } from './kube-types';

/**
 * Names become segments of request paths (`/api/v1/namespaces/<ns>/pods/<name>`). These checks run
 * before every call that puts a name in a path, whatever the caller already checked.
 */

/** The object a path is built from: its apiVersion, kind, name and namespace, each checked. */
export function header(ref: KubeRef): KubeObject & { metadata: { name: string; namespace?: string } } {
  pathSegment(ref.name, `${ref.kind} name`);
  if (ref.namespace !== undefined) pathSegment(ref.namespace, 'namespace');
  const metadata = ref.namespace ? { name: ref.name, namespace: ref.namespace } : { name: ref.name };
  return { apiVersion: ref.apiVersion, kind: ref.kind, metadata };
}

/**
 * The last line of defence against path traversal: names travel in URL paths, where `.` and `..`
 * (however encoded) address the collection or its parent. Callers check names against their
 * Kubernetes rule first; this refuses whatever slipped through, before any request is made.
 */
export function pathSegment(value: string, what: string): string {
  if (!value || value === '.' || value === '..' || /[/%\\]/.test(value) || hasControlCharacter(value))
    throw DomainError.badField('name', `${what} "${value.slice(0, 64)}" is not a valid name`);
  return value;
}

function hasControlCharacter(value: string): boolean {
  return [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/** The name and namespace of an object written by value end up in the request path too. */
export function checkObjectPath(object: KubeObject): void {
  const { name, namespace } = object.metadata ?? {};
  if (name !== undefined) pathSegment(name, `${object.kind ?? 'object'} name`);
  if (namespace !== undefined) pathSegment(namespace, 'namespace');
}
