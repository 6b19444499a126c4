import type { KubeObject } from './kube-types';

/**
 * Label and field selectors as the API server parses and applies them (k8s.io/apimachinery's
 * labels.Parse and fields.ParseSelector), for the watch-fed cache and the in-memory fake. A selector the API server would refuse
 * throws a SelectorError, which the fake answers with a 400 BadRequest as the API server does.
 */
export class SelectorError extends Error {}

export type Matcher = (object: KubeObject) => boolean;

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KEY = String.raw`[^\s=!<>(),]+`;
const EXISTS = new RegExp(String.raw`^(!?)\s*(${KEY})$`);
const EQUALITY = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*([^\s=!,()]*)$`);
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(([^()]*)\)$`);
const NUMERIC = new RegExp(String.raw`^(${KEY})\s*(<|>)\s*(-?\d+)$`);

function checkKey(key: string): string {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = key.slice(slash + 1);
  const prefixOk = prefix === null || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
  if (!prefixOk || !LABEL_NAME.test(name))
    throw new SelectorError(`unable to parse requirement: invalid label key "${key}"`);
  return key;
}

function checkValue(value: string): string {
  if (value !== '' && !LABEL_NAME.test(value))
    throw new SelectorError(`unable to parse requirement: invalid label value: "${value}"`);
  return value;
}

/** Splits on the commas outside parentheses (`a in (x,y),b` is two requirements). */
function requirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of selector) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts;
}

function requirement(text: string): (labels: Record<string, string>) => boolean {
  let m = EXISTS.exec(text);
  if (m) {
    const [, not, key] = m;
    checkKey(key);
    return not ? (labels) => !(key in labels) : (labels) => key in labels;
  }
  m = EQUALITY.exec(text);
  if (m) {
    const [, key, op, value] = m;
    checkKey(key);
    checkValue(value);
    return op === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  m = SET.exec(text);
  if (m) {
    const [, key, op, list] = m;
    checkKey(key);
    const values = new Set(list.split(',').map((v) => checkValue(v.trim())));
    if (op === 'in') return (labels) => key in labels && values.has(labels[key]);
    return (labels) => !(key in labels) || !values.has(labels[key]);
  }
  m = NUMERIC.exec(text);
  if (m) {
    const [, key, op, bound] = m;
    checkKey(key);
    const limit = Number(bound);
    return (labels) => {
      const value = Number(labels[key]);
      return key in labels && Number.isInteger(value) && (op === '<' ? value < limit : value > limit);
    };
  }
  throw new SelectorError(`unable to parse requirement: "${text}" is not a label requirement`);
}

/** `app=web,tier!=db,env in (a,b),!legacy,owner`: every requirement must hold. */
export function labelSelector(selector: string | undefined): Matcher {
  if (selector === undefined || selector.trim() === '') return () => true;
  const checks = requirements(selector).map(requirement);
  return (object) => {
    const labels = object.metadata?.labels ?? {};
    return checks.every((check) => check(labels));
  };
}

/**
 * The `key=value` requirements of a label selector (which an index can answer), e.g. `app=web` of
 * `app=web,tier!=db`; the whole selector must still be matched against each candidate.
 */
export function labelEqualities(selector: string | undefined): [string, string][] {
  if (selector === undefined || selector.trim() === '') return [];
  return requirements(selector).flatMap((text): [string, string][] => {
    const m = EQUALITY.exec(text);
    return m && m[2] !== '!=' ? [[m[1], m[3]]] : [];
  });
}

/** The `field=value` requirements of a field selector (which an index can answer). */
export function fieldEqualities(selector: string | undefined): [string, string][] {
  if (selector === undefined || selector.trim() === '') return [];
  return selector.split(',').flatMap((text): [string, string][] => {
    const m = /^\s*([^=!\s]+)\s*(==|=)\s*(.*?)\s*$/.exec(text);
    return m ? [[m[1], m[3]]] : [];
  });
}

/** The fields each kind may be selected by besides metadata.name and metadata.namespace. */
const SELECTABLE_FIELDS: Record<string, readonly string[]> = {
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Secret: ['type'],
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  PersistentVolumeClaim: [],
};

export function fieldValue(object: KubeObject, path: string): string {
  let value: unknown = object;
  for (const part of path.split('.'))
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `involvedObject.kind=Pod,metadata.name!=x`, limited to the fields the kind supports. */
export function fieldSelector(selector: string | undefined, kind: string): Matcher {
  if (selector === undefined || selector.trim() === '') return () => true;
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(SELECTABLE_FIELDS[kind] ?? [])]);
  const checks = selector.split(',').map((text) => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(text);
    if (!m) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${text}'`);
    const [, field, op, value] = m;
    if (!allowed.has(field)) throw new SelectorError(`field label not supported: ${field}`);
    return (object: KubeObject) => (fieldValue(object, field) === value) === (op !== '!=');
  });
  return (object) => checks.every((check) => check(object));
}
