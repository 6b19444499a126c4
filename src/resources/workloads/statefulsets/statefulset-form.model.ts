import { UPDATE_STRATEGY } from '../../../common/api/kubernetes-sets';
import { FORM_LIMITS } from './statefulset-form.limits';
import { InputType, ObjectType } from '@nestjs/graphql';
import { KeyValue } from '../../../common/api/vocabulary';
import {
  ValidateBoolean,
  ValidateDnsLabel,
  ValidateEnum,
  ValidateInt,
  ValidateNested,
  ValidatePattern,
  ValidateString,
} from '../../../common/validation/field.decorators';
import { ContainerForm } from './statefulset-form-containers.model';
import {
  PvcRetentionPolicyForm,
  VolumeClaimTemplateForm,
  VolumeForm,
} from './statefulset-form-volumes.model';

/**
 * The StatefulSet form: everything the console's create wizard (and its edit dialogs) can set. The
 * same classes are the GraphQL input (`...Input`) and the form view read back (`...Form`), so a
 * frontend can take the view, change it and send it back. Its sections: containers
 * (statefulset-form-containers.model.ts, with ports and probes in their own files) and storage
 * (statefulset-form-volumes.model.ts).
 */

@InputType('UpdateStrategyInput')
@ObjectType('UpdateStrategy')
export class UpdateStrategyForm {
  @ValidateEnum(UPDATE_STRATEGY, { graphqlDefault: 'RollingUpdate' })
  type!: string;
  @ValidateInt({
    optional: true,
    min: 0,
    description: 'RollingUpdate: pods with an ordinal below this keep the old revision',
  })
  partition?: number;
  @ValidatePattern(
    {
      regex: /^([1-9]\d*|([1-9]\d?|100)%)$/,
      message: 'must be a positive number or a percentage from 1% to 100%',
    },
    { optional: true, description: 'RollingUpdate: a number or a percentage, e.g. 1 or 25%' },
  )
  maxUnavailable?: string;
}

export const POD_MANAGEMENT = ['OrderedReady', 'Parallel'] as const;
export const DEPLOYMENT_MODES = ['default', 'spread', 'aggregate'] as const;
/** 63 characters minus the "-<hash>" the controller appends to revision labels. */
export const MAX_NAME = 52;

@InputType('StatefulSetInput')
@ObjectType('StatefulSetForm')
export class StatefulSetForm {
  @ValidateDnsLabel({ max: MAX_NAME, example: 'demo-stateful' })
  name!: string;
  @ValidateString({ optional: true, maxLength: 128, description: 'A display name' })
  alias?: string;
  @ValidateString({ optional: true, maxLength: 1024 })
  description?: string;
  @ValidateInt({ optional: true, default: 1, min: { value: 0, message: 'must not be negative' }, max: 1000 })
  replicas?: number;
  @ValidateDnsLabel({ optional: true, description: 'The headless Service (default: the StatefulSet name)' })
  serviceName?: string;
  @ValidateNested(ContainerForm, {
    each: true,
    minItems: { value: 1, message: 'must have at least one container' },
    maxItems: 20,
  })
  containers!: ContainerForm[];
  @ValidateNested(ContainerForm, { optional: true, each: true, maxItems: FORM_LIMITS.few })
  initContainers?: ContainerForm[];
  @ValidateDnsLabel({
    optional: true,
    max: 253,
    each: true,
    maxItems: FORM_LIMITS.few,
    description: 'Image-registry Secrets',
  })
  imagePullSecrets?: string[];
  @ValidateBoolean({
    optional: true,
    description: "Mount the node's /etc/localtime read-only in every container",
  })
  syncHostTimezone?: boolean;
  @ValidateNested(UpdateStrategyForm, { optional: true })
  updateStrategy?: UpdateStrategyForm;
  @ValidateEnum(POD_MANAGEMENT, { optional: true })
  podManagementPolicy?: string;
  @ValidateEnum(DEPLOYMENT_MODES, {
    optional: true,
    description: 'default; spread (prefer different nodes); aggregate (prefer the same node)',
  })
  deploymentMode?: string;
  @ValidateNested(VolumeClaimTemplateForm, { optional: true, each: true, maxItems: FORM_LIMITS.few })
  volumeClaimTemplates?: VolumeClaimTemplateForm[];
  @ValidateNested(VolumeForm, { optional: true, each: true, maxItems: FORM_LIMITS.few })
  volumes?: VolumeForm[];
  @ValidateNested(PvcRetentionPolicyForm, { optional: true })
  pvcRetentionPolicy?: PvcRetentionPolicyForm;
  @ValidateNested(KeyValue, { optional: true, each: true, maxItems: FORM_LIMITS.items })
  nodeSelector?: KeyValue[];
  @ValidateNested(KeyValue, { optional: true, each: true, maxItems: FORM_LIMITS.items })
  labels?: KeyValue[];
  @ValidateNested(KeyValue, { optional: true, each: true, maxItems: FORM_LIMITS.items })
  annotations?: KeyValue[];
  @ValidateInt({ optional: true, min: 0 })
  minReadySeconds?: number;
  @ValidateInt({ optional: true, default: 10, min: 0, max: 1000 })
  revisionHistoryLimit?: number;
}
