import type { FieldError } from '../../../common/errors/domain-error';
import type { V1StatefulSet } from '../../../kube';

/**
 * StatefulSet fields that an API server drops without an error when their feature gate is off
 * (Kubernetes v1.36 ships MaxUnavailableStatefulSet off). Berth refuses such a field, naming it,
 * instead of letting the user believe it is set. Checked against the server's own dry run.
 */
const GATED = [
  {
    get: (s: V1StatefulSet) => s.spec?.updateStrategy?.rollingUpdate?.maxUnavailable,
    formPath: 'updateStrategy.maxUnavailable',
    manifestPath: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
    gate: 'MaxUnavailableStatefulSet',
  },
] as const;

/** Whether `asked` sets a field that some clusters drop (only then is a dry run needed to know). */
export function asksGatedField(asked: V1StatefulSet): boolean {
  return GATED.some((field) => field.get(asked) !== undefined);
}

/** The gated fields `asked` sets that the API server's answer (`checked`) no longer has. */
export function droppedFields(
  asked: V1StatefulSet,
  checked: V1StatefulSet,
  source: 'form' | 'yaml',
): FieldError[] {
  return GATED.filter((field) => field.get(asked) !== undefined && field.get(checked) === undefined).map(
    (field) => ({
      path: source === 'form' ? field.formPath : 'yaml',
      message: `${source === 'yaml' ? `${field.manifestPath} ` : ''}is not supported by this cluster (its ${field.gate} feature gate is off)`,
    }),
  );
}
