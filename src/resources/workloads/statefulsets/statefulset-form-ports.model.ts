import { InputType, ObjectType } from '@nestjs/graphql';
import { PROTOCOL } from '../../../common/api/kubernetes-sets';
import { ValidateEnum, ValidateInt, ValidateString } from '../../../common/validation/field.decorators';

/** A container port of the StatefulSet form, and the port of the headless Service it gets. */

@InputType('PortInput')
@ObjectType('Port')
export class PortForm {
  @ValidateString({
    description: 'IANA service name, e.g. tcp-80 or http',
    example: 'tcp-80',
    maxLength: { value: 15, message: 'must be at most 15 characters' },
    pattern: {
      regex: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      message: 'must be lower-case letters, digits and "-"',
    },
  })
  name!: string;
  @ValidateEnum(PROTOCOL, { optional: true, default: 'TCP' })
  protocol?: string;
  @ValidateInt({ min: 1, max: 65535 })
  containerPort!: number;
  @ValidateInt({
    optional: true,
    min: 1,
    max: 65535,
    description: 'Port of the headless Service (default: the container port)',
  })
  servicePort?: number;
}
