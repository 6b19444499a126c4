import { Document, parseAllDocuments } from 'yaml';
import { DomainError, FieldError } from '../../../common/errors/domain-error';
import { DNS1123_LABEL } from '../../../common/validation/names';
import { plainDataProblem } from '../../../common/validation/plain-data';
import { shapeProblem } from '../../../common/validation/shape';
import { SERVICE_SHAPE, STATEFUL_SET_SHAPE } from './manifest-shapes';
import type { V1Service, V1StatefulSet } from '../../../kube';
import { MAX_NAME } from './statefulset-form.model';

/** YAML is read as data; nothing in it is trusted before these checks pass. */
const MAX_YAML_BYTES = 1024 * 1024;
/** Aliases expanded per document (anchors are legitimate; a billion laughs is not). */
const MAX_ALIASES = 100;
const SERVER_SET = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

export interface StatefulSetDocuments {
  statefulSet: V1StatefulSet;
  service: V1Service | null;
  /** Where each came from, to name fields in errors (`yaml[0]`, `yaml[1]`). */
  at: { statefulSet: string; service: string | null };
}

type Doc = Record<string, unknown> & {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: Record<string, unknown>;
};

/**
 * The Edit Mode YAML: one StatefulSet, optionally followed (or preceded) by its Service, in the
 * project's namespace. Anything else a project may not hold here is refused, naming the document.
 * `keepResourceVersion`: for a replace (the version guards against overwriting someone's change).
 */
export function parseStatefulSetYaml(
  text: string,
  namespace: string,
  keepResourceVersion = false,
): StatefulSetDocuments {
  if (Buffer.byteLength(text) > MAX_YAML_BYTES) throw DomainError.badField('yaml', 'must be at most 1 MiB');
  const parsed = parseAllDocuments(text, { prettyErrors: true });
  if (!Array.isArray(parsed)) throw DomainError.badField('yaml', 'is empty');
  const errors: FieldError[] = [];
  for (const doc of parsed) {
    for (const error of doc.errors) errors.push({ path: 'yaml', message: error.message.split('\n')[0] });
  }
  if (errors.length) throw DomainError.badInput(errors, `The YAML is not valid: ${errors[0].message}`);
  const docs = parsed.map(toData).filter((d) => d !== null && d !== undefined);
  if (docs.length === 0) throw DomainError.badField('yaml', 'contains no document');
  if (docs.length > 2) throw DomainError.badField('yaml', 'takes one StatefulSet and at most its Service');

  let statefulSet: V1StatefulSet | null = null;
  let service: V1Service | null = null;
  const index = { statefulSet: -1, service: -1 };
  docs.forEach((raw, i) => {
    const at = `yaml[${i}]`;
    if (typeof raw !== 'object' || Array.isArray(raw))
      throw DomainError.badField(at, 'must be a Kubernetes object');
    const problem = plainDataProblem(raw, at);
    if (problem) throw DomainError.badInput([problem]);
    const doc = raw as Doc;
    const kind = `${String(doc.apiVersion)}/${String(doc.kind)}`;
    const shape =
      kind === 'apps/v1/StatefulSet' ? STATEFUL_SET_SHAPE : kind === 'v1/Service' ? SERVICE_SHAPE : null;
    const misfit = shape && shapeProblem(doc, shape, at);
    if (misfit) throw DomainError.badInput([misfit]);
    if (kind === 'apps/v1/StatefulSet' && !statefulSet) {
      statefulSet = clean(doc, at, namespace, keepResourceVersion) as V1StatefulSet;
      index.statefulSet = i;
    } else if (kind === 'v1/Service' && !service) {
      service = clean(doc, at, namespace, keepResourceVersion) as V1Service;
      index.service = i;
    } else
      throw DomainError.badField(
        `${at}.kind`,
        `must be a StatefulSet (apps/v1) or its Service (v1), not ${String(doc.kind)} (${String(doc.apiVersion)})`,
      );
  });
  if (!statefulSet) throw DomainError.badField('yaml', 'must contain a StatefulSet (apps/v1)');
  const sts = statefulSet as V1StatefulSet;
  const name = sts.metadata?.name ?? '';
  if (name.length > MAX_NAME || !DNS1123_LABEL.test(name)) {
    throw DomainError.badField(
      `yaml[${index.statefulSet}].metadata.name`,
      `must be a DNS-1123 label of at most ${MAX_NAME} characters`,
    );
  }
  // What the form does too: without a serviceName the StatefulSet gets a headless Service of its name.
  if (!sts.spec!.serviceName) sts.spec!.serviceName = name;
  if (service && (service as V1Service).metadata?.name !== sts.spec?.serviceName) {
    throw DomainError.badField(
      `yaml[${index.service}].metadata.name`,
      `must be the StatefulSet's serviceName ("${sts.spec?.serviceName ?? ''}")`,
    );
  }
  return {
    statefulSet: sts,
    service,
    at: { statefulSet: `yaml[${index.statefulSet}]`, service: service ? `yaml[${index.service}]` : null },
  };
}

/** A document as plain data; an alias bomb is refused instead of expanded. */
function toData(doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError)
      throw DomainError.badField(
        'yaml',
        `uses more than ${MAX_ALIASES} aliases, or aliases that cannot be resolved`,
      );
    throw error;
  }
}

function clean(doc: Doc, at: string, namespace: string, keepResourceVersion: boolean): Doc {
  const metadata = doc.metadata;
  if (!metadata || typeof metadata !== 'object') throw DomainError.badField(`${at}.metadata`, 'is required');
  if (typeof metadata.name !== 'string' || !metadata.name)
    throw DomainError.badField(`${at}.metadata.name`, 'is required');
  if (metadata.namespace !== undefined && metadata.namespace !== namespace) {
    throw DomainError.badField(
      `${at}.metadata.namespace`,
      `must be this project ("${namespace}") or left out, not ${JSON.stringify(metadata.namespace)}`,
    );
  }
  const cleaned: Doc = { ...doc, metadata: { ...metadata, namespace } };
  for (const field of SERVER_SET) {
    if (field === 'resourceVersion' && keepResourceVersion) continue;
    delete cleaned.metadata![field];
  }
  delete cleaned.status;
  return cleaned;
}
