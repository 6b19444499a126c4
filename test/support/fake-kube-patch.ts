/**
 * The two patch types KubeClient.patch sends, applied the way the API server applies them, for
 * FakeKube. Both work on JSON data (what the API server stores).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** RFC 7386 (application/merge-patch+json): objects merge, null removes a key, anything else replaces. */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * The list fields a strategic merge patch merges by key instead of replacing (the patchMergeKey of
 * the built-in types that Berth writes). `ports` is keyed by containerPort in a container and by port
 * in a Service: the first key the patch's items all carry is used. Lists not named here are replaced,
 * as for a JSON merge patch; `finalizers` merges as a set. `$patch` directives are not supported.
 */
const MERGE_KEYS: Record<string, readonly string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  env: ['name'],
  imagePullSecrets: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  ports: ['containerPort', 'port'],
  conditions: ['type'],
  ownerReferences: ['uid'],
  hostAliases: ['ip'],
};
const SET_LISTS = new Set(['finalizers']);

/** application/strategic-merge-patch+json, as far as MERGE_KEYS describes the types. */
export function strategicMergePatch(target: Json | undefined, patch: Json, field = ''): Json {
  if (Array.isArray(patch) && Array.isArray(target)) return mergeList(target, patch, field);
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = strategicMergePatch(result[key], value, key);
  }
  return result;
}

function mergeList(target: Json[], patch: Json[], field: string): Json[] {
  if (SET_LISTS.has(field)) return [...target, ...patch.filter((p) => !target.includes(p))];
  const key = (MERGE_KEYS[field] ?? []).find((k) => patch.every((p) => isObject(p) && p[k] !== undefined));
  if (!key) return patch;
  const result = [...target];
  for (const item of patch) {
    const at = result.findIndex((t) => isObject(t) && isObject(item) && t[key] === item[key]);
    if (at >= 0) result[at] = strategicMergePatch(result[at], item);
    else result.push(item);
  }
  return result;
}
