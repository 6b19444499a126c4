import { closedSet } from '../../../common/api/closed-set';
import { FORM_LIMITS } from './statefulset-form.limits';
import { InputType, ObjectType } from '@nestjs/graphql';
import {
  ABSOLUTE_PATH,
  RELATIVE_PATH,
  ValidateBoolean,
  ValidateDnsLabel,
  ValidateEnum,
  ValidateNested,
  ValidateString,
} from '../../../common/validation/field.decorators';
import { ACCESS_MODE } from '../../../common/api/kubernetes-sets';

/**
 * The storage of the StatefulSet form: volume claim templates (a claim per pod), volumes of other
 * kinds, where containers mount them, and what happens to the claims when pods go.
 */

@InputType('KeyToPathInput')
@ObjectType('KeyToPath')
export class KeyToPath {
  @ValidateString({ minLength: 1, maxLength: 253 })
  key!: string;
  @ValidateString({ minLength: 1, maxLength: FORM_LIMITS.path, pattern: RELATIVE_PATH })
  path!: string;
}

@InputType('VolumeMountInput')
@ObjectType('VolumeMount')
export class VolumeMountForm {
  @ValidateDnsLabel({ description: 'A volume claim template or a volume of this form' })
  name!: string;
  @ValidateString({ example: '/data', maxLength: FORM_LIMITS.path, pattern: ABSOLUTE_PATH })
  mountPath!: string;
  @ValidateBoolean({ optional: true })
  readOnly?: boolean;
  @ValidateString({ optional: true, maxLength: FORM_LIMITS.path, pattern: RELATIVE_PATH })
  subPath?: string;
}

@InputType('VolumeClaimTemplateInput')
@ObjectType('VolumeClaimTemplate')
export class VolumeClaimTemplateForm {
  @ValidateDnsLabel({ example: 'data' })
  name!: string;
  @ValidateDnsLabel({ optional: true, max: 253, description: 'Default: the default StorageClass' })
  storageClassName?: string;
  @ValidateEnum(ACCESS_MODE, {
    optional: true,
    each: true,
    minItems: 1,
    maxItems: ACCESS_MODE.values.length,
    graphqlDefault: ['ReadWriteOnce'],
  })
  accessModes?: string[];
  @ValidateString({ maxLength: FORM_LIMITS.quantity, description: 'Capacity, e.g. 10Gi', example: '1Gi' })
  size!: string;
}

export const VOLUME_TYPES = ['persistentVolumeClaim', 'emptyDir', 'hostPath', 'configMap', 'secret'] as const;
const VOLUME_TYPE = closedSet('VolumeType', VOLUME_TYPES, 'Where a volume of the form comes from');
const MEDIA = ['', 'Memory'] as const;

@InputType('VolumeInput')
@ObjectType('Volume')
export class VolumeForm {
  @ValidateDnsLabel()
  name!: string;
  @ValidateEnum(VOLUME_TYPE)
  type!: string;
  @ValidateDnsLabel({ optional: true, max: 253, description: 'persistentVolumeClaim: an existing claim' })
  claimName?: string;
  @ValidateEnum(MEDIA, {
    optional: true,
    openApiEnum: false,
    description: 'emptyDir: "" (disk) or Memory',
  })
  medium?: string;
  @ValidateString({
    optional: true,
    maxLength: FORM_LIMITS.quantity,
    description: 'emptyDir: size limit, e.g. 1Gi',
  })
  sizeLimit?: string;
  @ValidateString({
    optional: true,
    maxLength: FORM_LIMITS.path,
    pattern: ABSOLUTE_PATH,
    description: 'hostPath: the path on the node',
  })
  path?: string;
  @ValidateDnsLabel({ optional: true, max: 253, description: 'configMap or secret: its name' })
  sourceName?: string;
  @ValidateNested(KeyToPath, {
    optional: true,
    each: true,
    maxItems: FORM_LIMITS.items,
    description: 'configMap or secret: the keys to mount, each at a path',
  })
  items?: KeyToPath[];
  @ValidateBoolean({ optional: true })
  readOnly?: boolean;
}

export const RETENTION = ['Retain', 'Delete'] as const;
const RETENTION_RULE = closedSet('PvcRetentionRule', RETENTION, 'Retain or Delete');

@InputType('PvcRetentionPolicyInput')
@ObjectType('PvcRetentionPolicy')
export class PvcRetentionPolicyForm {
  @ValidateEnum(RETENTION_RULE, { graphqlDefault: 'Retain' })
  whenDeleted!: string;
  @ValidateEnum(RETENTION_RULE, { graphqlDefault: 'Retain' })
  whenScaled!: string;
}
