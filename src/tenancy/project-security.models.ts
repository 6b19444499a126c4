import { InputType, ObjectType } from '@nestjs/graphql';
import { ApiSchema } from '@nestjs/swagger';
import { ListField, StringField } from '../common/api/output-field.decorators';
import { ValidateEnum } from '../common/validation/field.decorators';
import { EXTRA_SERVICE_TYPES, ExtraServiceType } from '../kube/service-policy';
import { POD_SECURITY_LEVELS, PodSecurityLevel } from '../kube/pod-security';
import type { ProjectSecurity } from '../iam/project-security';

/** What a project's pods and Services may be; set by platform admins only. */
@ObjectType('ProjectSecurity', {
  description: 'What pods and Services of the project may do (set by platform admins)',
})
@ApiSchema({ name: 'ProjectSecurity' })
export class ProjectSecurityView implements ProjectSecurity {
  @StringField({
    enum: POD_SECURITY_LEVELS,
    description: `The pod security level enforced: ${POD_SECURITY_LEVELS.join(', ')}`,
  })
  podSecurity!: PodSecurityLevel;
  @ListField(String, {
    enum: EXTRA_SERVICE_TYPES,
    description: `Service types allowed beyond ClusterIP: ${EXTRA_SERVICE_TYPES.join(', ')}`,
  })
  allowedServiceTypes!: ExtraServiceType[];
}

@InputType()
export class ProjectSecurityInput {
  @ValidateEnum(POD_SECURITY_LEVELS, { optional: true, description: POD_SECURITY_LEVELS.join(', ') })
  podSecurity?: PodSecurityLevel;
  @ValidateEnum(EXTRA_SERVICE_TYPES, {
    optional: true,
    each: true,
    isArray: true,
    unique: 'must not repeat a type',
    message: `must each be one of ${EXTRA_SERVICE_TYPES.join(', ')}`,
    description: EXTRA_SERVICE_TYPES.join(', '),
  })
  allowedServiceTypes?: ExtraServiceType[];
}
