import { PULL_POLICY } from '../../../common/api/kubernetes-sets';
import { FORM_LIMITS } from './statefulset-form.limits';
import { InputType, ObjectType } from '@nestjs/graphql';
import {
  ValidateBoolean,
  ValidateDnsLabel,
  ValidateEnum,
  ValidateInt,
  ValidateNested,
  ValidateString,
} from '../../../common/validation/field.decorators';
import { PortForm } from './statefulset-form-ports.model';
import { ProbeForm } from './statefulset-form-probes.model';
import { VolumeMountForm } from './statefulset-form-volumes.model';

/** A container (or init container) of the StatefulSet form, with what it is given to run. */

@InputType('KeySelectorInput')
@ObjectType('KeySelector')
export class KeySelector {
  @ValidateDnsLabel({ max: 253, description: 'Name of the ConfigMap or Secret' })
  name!: string;
  @ValidateString({ minLength: 1, maxLength: 253 })
  key!: string;
}

@InputType('EnvVarInput')
@ObjectType('EnvVar')
export class EnvVarForm {
  @ValidateString({
    pattern: { regex: /^[-._a-zA-Z][-._a-zA-Z0-9]*$/, message: 'must be a valid environment variable name' },
  })
  name!: string;
  @ValidateString({ optional: true, maxLength: FORM_LIMITS.text, description: 'A literal value' })
  value?: string;
  @ValidateNested(KeySelector, { optional: true, description: 'A key of a ConfigMap' })
  configMapKeyRef?: KeySelector;
  @ValidateNested(KeySelector, { optional: true, description: 'A key of a Secret' })
  secretKeyRef?: KeySelector;
}

@InputType('ResourceAmountsInput')
@ObjectType('ResourceAmounts')
export class ResourceAmounts {
  @ValidateString({ optional: true, maxLength: FORM_LIMITS.quantity, description: 'CPU, e.g. 500m or 2' })
  cpu?: string;
  @ValidateString({ optional: true, maxLength: FORM_LIMITS.quantity, description: 'Memory, e.g. 256Mi' })
  memory?: string;
}

@InputType('ResourcesInput')
@ObjectType('Resources')
export class ResourcesForm {
  @ValidateNested(ResourceAmounts, { optional: true })
  requests?: ResourceAmounts;
  @ValidateNested(ResourceAmounts, { optional: true })
  limits?: ResourceAmounts;
}

@InputType('SecurityContextInput')
@ObjectType('SecurityContext')
export class SecurityContextForm {
  @ValidateInt({ optional: true, min: 0 })
  runAsUser?: number;
  @ValidateInt({ optional: true, min: 0 })
  runAsGroup?: number;
  @ValidateBoolean({ optional: true })
  runAsNonRoot?: boolean;
  @ValidateBoolean({ optional: true })
  privileged?: boolean;
  @ValidateBoolean({ optional: true })
  allowPrivilegeEscalation?: boolean;
  @ValidateBoolean({ optional: true })
  readOnlyRootFilesystem?: boolean;
  @ValidateString({
    optional: true,
    each: true,
    maxLength: FORM_LIMITS.capability,
    maxItems: FORM_LIMITS.few,
  })
  capabilitiesAdd?: string[];
  @ValidateString({
    optional: true,
    each: true,
    maxLength: FORM_LIMITS.capability,
    maxItems: FORM_LIMITS.few,
  })
  capabilitiesDrop?: string[];
}

@InputType('ContainerInput')
@ObjectType('Container')
export class ContainerForm {
  @ValidateDnsLabel({ example: 'nginx' })
  name!: string;
  @ValidateString({
    example: 'nginx:1.27',
    minLength: 1,
    maxLength: 512,
    pattern: { regex: /^\S+$/, message: 'must not contain spaces' },
  })
  image!: string;
  @ValidateEnum(PULL_POLICY, { optional: true })
  imagePullPolicy?: string;
  @ValidateString({ optional: true, each: true, maxLength: FORM_LIMITS.text, maxItems: FORM_LIMITS.items })
  command?: string[];
  @ValidateString({ optional: true, each: true, maxLength: FORM_LIMITS.text, maxItems: FORM_LIMITS.items })
  args?: string[];
  @ValidateNested(EnvVarForm, { optional: true, each: true, maxItems: FORM_LIMITS.items })
  env?: EnvVarForm[];
  @ValidateNested(PortForm, { optional: true, each: true, maxItems: FORM_LIMITS.few })
  ports?: PortForm[];
  @ValidateNested(ResourcesForm, { optional: true })
  resources?: ResourcesForm;
  @ValidateNested(ProbeForm, { optional: true })
  livenessProbe?: ProbeForm;
  @ValidateNested(ProbeForm, { optional: true })
  readinessProbe?: ProbeForm;
  @ValidateNested(ProbeForm, { optional: true })
  startupProbe?: ProbeForm;
  @ValidateNested(SecurityContextForm, { optional: true })
  securityContext?: SecurityContextForm;
  @ValidateNested(VolumeMountForm, { optional: true, each: true, maxItems: FORM_LIMITS.few })
  volumeMounts?: VolumeMountForm[];
}
