import { DomainError, FieldError } from '../../../common/errors/domain-error';
import type { ProjectAccess } from '../../../access/scope-access';
import type { V1PodTemplateSpec, V1Service, V1StatefulSet } from '../../../kube';
import { podSecurityProblems } from '../../../kube/pod-security';
import { serviceProblems } from '../../../kube/service-policy';
import type { StatefulSetForm } from './statefulset-form.model';

/**
 * The project's rules for what a StatefulSet's pods and its Service may do, checked before anything
 * is written. Problems are named as the caller wrote them: form fields for the form, document paths
 * (`yaml[0].spec.template.spec.hostNetwork`) for YAML.
 */
export function checkProjectPolicy(
  access: ProjectAccess,
  objects: { statefulSet: V1StatefulSet; service?: V1Service | null },
  naming: { form: StatefulSetForm } | { statefulSet: string; service?: string | null },
): void {
  const { podSecurity, allowedServiceTypes } = access.security;
  const template = objects.statefulSet.spec?.template;
  const problems: FieldError[] = template ? podSecurityProblems(template, podSecurity) : [];
  if (objects.service) problems.push(...serviceProblems(objects.service, allowedServiceTypes));
  if (!problems.length) return;
  const named =
    'form' in naming
      ? problems.map((p) => ({ ...p, path: formPath(p.path, naming.form) }))
      : problems.map((p) => ({
          ...p,
          path: `${p.path.startsWith('spec.template') ? naming.statefulSet : (naming.service ?? naming.statefulSet)}.${p.path}`,
        }));
  throw DomainError.badInput(named);
}

/** A revision's template, for a rollback: refused if the project's level no longer allows it. */
export function checkTemplatePolicy(access: ProjectAccess, template: V1PodTemplateSpec): void {
  const problems = podSecurityProblems(template, access.security.podSecurity);
  if (problems.length)
    throw DomainError.badInput(
      problems,
      `That revision's pods break the project's ${access.security.podSecurity} pod security: ${problems[0].path}: ${problems[0].message}`,
    );
}

const CONTAINER = /^spec\.template\.spec\.(containers|initContainers)\[(\d+)\]\.(.+)$/;
const VOLUME = /^spec\.template\.spec\.volumes\[(\d+)\]\.hostPath$/;

/** Where in the form a problem of the generated manifests comes from (or the manifest path, if nowhere). */
function formPath(path: string, form: StatefulSetForm): string {
  const container = CONTAINER.exec(path);
  if (container) {
    const [, list, index, rest] = container;
    const field = rest
      .replace(/^securityContext\.capabilities\.add/, 'securityContext.capabilitiesAdd')
      .replace(/^securityContext\.capabilities\.drop/, 'securityContext.capabilitiesDrop');
    return `${list}[${index}].${field}`;
  }
  const volume = VOLUME.exec(path);
  if (volume) {
    // The form's own volumes come first; the timezone volume follows them.
    const index = Number(volume[1]);
    return index < (form.volumes?.length ?? 0) ? `volumes[${index}].type` : 'syncHostTimezone';
  }
  return path;
}

/**
 * The form has no seccomp field, and restricted pods need a profile: in a restricted project, a
 * form's pods get the runtime's default one (what most runtimes apply anyway), unless set already.
 */
export function withRestrictedDefaults(access: ProjectAccess, statefulSet: V1StatefulSet): void {
  const pod = statefulSet.spec?.template.spec;
  if (access.security.podSecurity !== 'restricted' || !pod) return;
  if (!pod.securityContext?.seccompProfile)
    pod.securityContext = { ...pod.securityContext, seccompProfile: { type: 'RuntimeDefault' } };
}
