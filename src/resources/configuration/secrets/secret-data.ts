import { DomainError } from '../../../common/errors/domain-error';
import {
  base64,
  compareKeys,
  dataProblems,
  fromRecord,
  toRecord,
  unbase64,
} from '../../../common/key-value-data';
import type { V1Secret, V1StatefulSet } from '../../../kube';
import { ANNOTATIONS } from '../../../iam/labels';
import { workloadsUsing } from '../../shared/workload-references';
import { KUBE_SECRET_TYPE, SecretDataInput, SecretKind, SecretValues, SecretView } from './secret.model';

/** Pure translation between the Secret API and Kubernetes Secrets. */

export const DOCKER_CONFIG_KEY = '.dockerconfigjson';

export function kindOf(type: string | undefined): SecretKind {
  if (!type || type === KUBE_SECRET_TYPE[SecretKind.OPAQUE]) return SecretKind.OPAQUE;
  if (type === KUBE_SECRET_TYPE[SecretKind.IMAGE_REGISTRY]) return SecretKind.IMAGE_REGISTRY;
  return SecretKind.OTHER;
}

/** The `data` of a Secret of `kind` from the input, base64-encoded; input problems name their field. */
export function secretData(kind: SecretKind, input: SecretDataInput): Record<string, string> {
  if (kind === SecretKind.IMAGE_REGISTRY) {
    if (input.data) throw DomainError.badField('data', 'is for OPAQUE secrets; give registry instead');
    const registry = input.registry;
    if (!registry) throw DomainError.badField('registry', 'is required for an IMAGE_REGISTRY secret');
    const { server, username, password, email } = registry;
    const auth = base64(`${username}:${password}`);
    const config = { auths: { [server]: { username, password, ...(email ? { email } : {}), auth } } };
    return { [DOCKER_CONFIG_KEY]: base64(JSON.stringify(config)) };
  }
  if (kind !== SecretKind.OPAQUE) throw DomainError.badField('kind', 'must be OPAQUE or IMAGE_REGISTRY');
  if (input.registry) throw DomainError.badField('registry', 'is for IMAGE_REGISTRY secrets');
  const data = input.data ?? [];
  const problems = dataProblems(data, 'data');
  if (problems.length) throw DomainError.badInput(problems);
  return toRecord(data, base64);
}

export function toSecretView(secret: V1Secret, statefulSets: V1StatefulSet[]): SecretView {
  const name = secret.metadata?.name ?? '';
  return {
    name,
    kind: kindOf(secret.type),
    type: secret.type ?? 'Opaque',
    keys: Object.keys({ ...secret.data, ...secret.stringData }).sort(compareKeys),
    labels: fromRecord(secret.metadata?.labels),
    createdAt: secret.metadata?.creationTimestamp ? new Date(secret.metadata.creationTimestamp) : null,
    creator: secret.metadata?.annotations?.[ANNOTATIONS.creator] ?? null,
    resourceVersion: secret.metadata?.resourceVersion ?? '',
    usedBy: workloadsUsing(statefulSets, 'secrets', name),
  };
}

/** Values as text; a value that is not valid UTF-8 stays base64 so it survives the round trip. */
export function toSecretValues(secret: V1Secret): SecretValues {
  return {
    name: secret.metadata?.name ?? '',
    data: fromRecord(secret.data, (value) => {
      const text = unbase64(value);
      return base64(text) === value ? text : value;
    }),
  };
}
