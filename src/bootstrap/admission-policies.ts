import type { KubeObject } from '../kube';
import { LABELS, MANAGED_BY } from '../iam/labels';
import { ALLOWED_SERVICE_TYPES_ANNOTATION, POD_SECURITY_LABELS } from '../iam/project-security';

const API = 'admissionregistration.k8s.io/v1';
const inProjects = { matchExpressions: [{ key: LABELS.workspace, operator: 'Exists' }] };
const managed = { labels: { [LABELS.managedBy]: MANAGED_BY } };

/**
 * Kubernetes enforces a second time what Berth refuses at its edge, for every writer (a proxy, a
 * controller, kubectl with a Berth token): in project namespaces, Services are ClusterIP unless the
 * project allows more and never carry externalIPs, and pods are not created pinned to a node unless
 * the project is privileged. Pod Security Admission (the namespace labels) does the rest.
 */
function policy(
  name: string,
  resources: string[],
  operations: string[],
  validations: object[],
): KubeObject[] {
  return [
    {
      apiVersion: API,
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name, ...managed },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          namespaceSelector: inProjects,
          resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations, resources }],
        },
        validations,
      },
    } as KubeObject,
    {
      apiVersion: API,
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name, ...managed },
      spec: { policyName: name, validationActions: ['Deny'] },
    } as KubeObject,
  ];
}

const annotations = 'namespaceObject.metadata.annotations';
const labels = 'namespaceObject.metadata.labels';

export function admissionPolicies(): KubeObject[] {
  return [
    ...policy(
      'berth-project-services',
      ['services'],
      ['CREATE', 'UPDATE'],
      [
        {
          expression: '!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0',
          message: 'spec.externalIPs: not allowed in a Berth project',
          reason: 'Invalid',
        },
        {
          expression: `!has(object.spec.type) || object.spec.type == 'ClusterIP' || (has(${annotations}) && '${ALLOWED_SERVICE_TYPES_ANNOTATION}' in ${annotations} && object.spec.type in ${annotations}['${ALLOWED_SERVICE_TYPES_ANNOTATION}'].split(','))`,
          messageExpression: `'spec.type: ' + object.spec.type + ' is not allowed in this project (ClusterIP only, unless a platform admin allows more)'`,
          reason: 'Invalid',
        },
      ],
    ),
    ...policy(
      'berth-project-pods',
      ['pods'],
      ['CREATE'],
      [
        {
          expression: `!has(object.spec.nodeName) || object.spec.nodeName == '' || (has(${labels}) && '${POD_SECURITY_LABELS.enforce}' in ${labels} && ${labels}['${POD_SECURITY_LABELS.enforce}'] == 'privileged')`,
          message: 'spec.nodeName: pods in a Berth project are placed by the scheduler, not pinned to a node',
          reason: 'Invalid',
        },
      ],
    ),
  ];
}
