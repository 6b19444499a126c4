import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DNS1123_LABEL } from '../common/validation/names';
import { LABELS } from '../iam/labels';
import type { ResourceRequest } from './kube-api-path';

/**
 * KubeSphere's console lists and watches a workspace's Namespaces cluster-wide, by label
 * (`/api/v1/watch/namespaces?labelSelector=kubesphere.io/workspace=<ws>`). No tenant may list
 * Namespaces, so Berth asks as itself, for that workspace's label only, and passes on only the
 * Namespaces of projects the caller may see: exactly what the caller would get if Kubernetes
 * filtered by Berth's tenancy. A workspace the caller may not see answers as one without projects.
 */
const SELECTOR = /^(?:kubesphere\.io|tenancy\.berth\.io)\/workspace==?(.+)$/;

/** The workspace a cluster-wide Namespace list or watch selects, or undefined if it is not one. */
export function workspaceSelected(request: ResourceRequest, query: URLSearchParams): string | undefined {
  const { group, resource, name, namespace, verb } = request;
  if (group !== '' || resource !== 'namespaces' || name !== undefined || namespace !== undefined) return;
  if (verb !== 'list' && verb !== 'watch') return;
  const selectors = query.getAll('labelSelector');
  if (selectors.length !== 1) return;
  const workspace = SELECTOR.exec(selectors[0].replace(/\s+/g, ''))?.[1];
  return workspace !== undefined && DNS1123_LABEL.test(workspace) ? workspace : undefined;
}

/** What of the caller's query goes on: the paging and watch options, and Berth's own label for the workspace. */
const PASSED_ON = [
  'watch',
  'resourceVersion',
  'resourceVersionMatch',
  'timeoutSeconds',
  'allowWatchBookmarks',
  'sendInitialEvents',
  'limit',
  'continue',
];

export function upstreamQuery(query: URLSearchParams, workspace: string): string {
  const upstream = new URLSearchParams();
  for (const key of PASSED_ON) for (const value of query.getAll(key)) upstream.append(key, value);
  upstream.set('labelSelector', `${LABELS.workspace}=${workspace}`);
  return upstream.toString();
}

/** Whether the caller may see the project of this name. */
export type Visible = (namespace: string) => Promise<boolean>;

interface NamedObject {
  metadata?: { name?: string };
}

/** A Namespace list with the items the caller may not see taken out. */
export async function visibleList(text: string, visible: Visible): Promise<string> {
  const list = JSON.parse(text) as { items?: NamedObject[] };
  if (!Array.isArray(list.items)) return text;
  const kept = await Promise.all(list.items.map((item) => visible(item.metadata?.name ?? '')));
  return JSON.stringify({ ...list, items: list.items.filter((_, i) => kept[i]) });
}

/**
 * Watch events of the Namespaces the caller may see, checked event by event: one the caller stops
 * seeing (taken out of the project) goes as DELETED; a deletion goes only if its ADDED or MODIFIED
 * went, or it was among `seen` (the visible Namespaces when the watch began from a resourceVersion).
 */
export function visibleEvents(
  body: WebReadableStream<Uint8Array>,
  visible: Visible,
  seen: Iterable<string> = [],
): WebReadableStream<Uint8Array> {
  const sent = new Set(seen);
  const lines = createInterface({ input: Readable.fromWeb(body), crlfDelay: Infinity });
  async function* events(): AsyncGenerator<Buffer> {
    for await (const line of lines) {
      const kept = await keptEvent(line, visible, sent);
      if (kept !== null) yield Buffer.from(`${kept}\n`);
    }
  }
  return Readable.toWeb(Readable.from(events())) as WebReadableStream<Uint8Array>;
}

async function keptEvent(line: string, visible: Visible, sent: Set<string>): Promise<string | null> {
  if (!line.trim()) return null;
  let event: { type?: string; object?: NamedObject };
  try {
    event = JSON.parse(line) as typeof event;
  } catch {
    return null;
  }
  const name = event.object?.metadata?.name;
  if (event.type === 'BOOKMARK' || event.type === 'ERROR' || !name) return line;
  if (event.type === 'DELETED') return sent.delete(name) ? line : null;
  if (await visible(name)) {
    sent.add(name);
    return line;
  }
  return sent.delete(name) ? JSON.stringify({ ...event, type: 'DELETED' }) : null;
}
