import { InputType, ObjectType } from '@nestjs/graphql';
import { ApiSchema } from '@nestjs/swagger';
import { EnumField, EnumListField } from '../common/api/output-field.decorators';
import { ValidateEnum } from '../common/validation/field.decorators';
import { EXTRA_SERVICE_TYPES, ExtraServiceType } from '../kube/service-policy';
import { POD_SECURITY_LEVELS, PodSecurityLevel } from '../kube/pod-security';
import type { ProjectSecurity } from '../iam/project-security';
import { closedSet } from '../common/api/closed-set';

const POD_SECURITY = closedSet(
  'PodSecurityLevel',
  POD_SECURITY_LEVELS,
  `A Kubernetes pod security level: ${POD_SECURITY_LEVELS.join(', ')}`,
);
const SERVICE_TYPE = closedSet(
  'ExtraServiceType',
  EXTRA_SERVICE_TYPES,
  `A Service type beyond ClusterIP: ${EXTRA_SERVICE_TYPES.join(', ')}`,
);

/** What a project's pods and Services may be; set by platform admins only. */
@ObjectType('ProjectSecurity', {
  description: 'What pods and Services of the project may do (set by platform admins)',
})
@ApiSchema({ name: 'ProjectSecurity' })
export class ProjectSecurityView implements ProjectSecurity {
  @EnumField(POD_SECURITY, { description: 'The pod security level enforced' })
  podSecurity!: PodSecurityLevel;
  @EnumListField(SERVICE_TYPE, { description: 'Service types allowed beyond ClusterIP' })
  allowedServiceTypes!: ExtraServiceType[];
}

@InputType()
export class ProjectSecurityInput {
  @ValidateEnum(POD_SECURITY, { optional: true })
  podSecurity?: PodSecurityLevel;
  @ValidateEnum(SERVICE_TYPE, {
    optional: true,
    each: true,
    isArray: true,
    unique: 'must not repeat a type',
    message: `must each be one of ${EXTRA_SERVICE_TYPES.join(', ')}`,
  })
  allowedServiceTypes?: ExtraServiceType[];
}
