import { closedSet } from '../../../common/api/closed-set';
import { FORM_LIMITS } from './statefulset-form.limits';
import { InputType, ObjectType } from '@nestjs/graphql';
import {
  ABSOLUTE_PATH,
  ValidateEnum,
  ValidateInt,
  ValidateString,
} from '../../../common/validation/field.decorators';

/** A liveness, readiness or startup probe of a container in the StatefulSet form. */

export const PROBE_TYPES = ['httpGet', 'tcpSocket', 'exec'] as const;
const PROBE_TYPE = closedSet('ProbeType', PROBE_TYPES, 'httpGet, tcpSocket or exec');
const SCHEMES = ['HTTP', 'HTTPS'] as const;

@InputType('ProbeInput')
@ObjectType('Probe')
export class ProbeForm {
  @ValidateEnum(PROBE_TYPE)
  type!: string;
  @ValidateString({
    optional: true,
    maxLength: FORM_LIMITS.path,
    pattern: ABSOLUTE_PATH,
    description: 'httpGet: the path',
  })
  path?: string;
  @ValidateInt({ optional: true, min: 1, max: 65535, description: 'httpGet and tcpSocket: the port' })
  port?: number;
  @ValidateEnum(SCHEMES, { optional: true, description: 'httpGet: HTTP or HTTPS' })
  scheme?: string;
  @ValidateString({
    optional: true,
    each: true,
    minItems: 1,
    maxItems: FORM_LIMITS.items,
    maxLength: FORM_LIMITS.text,
    description: 'exec: the command',
  })
  command?: string[];
  @ValidateInt({ optional: true, min: 0 })
  initialDelaySeconds?: number;
  @ValidateInt({ optional: true, min: 1 })
  periodSeconds?: number;
  @ValidateInt({ optional: true, min: 1 })
  timeoutSeconds?: number;
  @ValidateInt({ optional: true, min: 1 })
  successThreshold?: number;
  @ValidateInt({ optional: true, min: 1 })
  failureThreshold?: number;
}
