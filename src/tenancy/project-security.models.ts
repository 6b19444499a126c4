import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { EXTRA_SERVICE_TYPES, ExtraServiceType } from '../kube/service-policy';
import { POD_SECURITY_LEVELS, PodSecurityLevel } from '../kube/pod-security';
import type { ProjectSecurity } from '../iam/project-security';

/** What a project's pods and Services may be; set by platform admins only. */
@ObjectType('ProjectSecurity', {
  description: 'What pods and Services of the project may do (set by platform admins)',
})
@ApiSchema({ name: 'ProjectSecurity' })
export class ProjectSecurityView implements ProjectSecurity {
  @Field(() => String, { description: `The pod security level enforced: ${POD_SECURITY_LEVELS.join(', ')}` })
  @ApiProperty({ enum: POD_SECURITY_LEVELS })
  podSecurity!: PodSecurityLevel;
  @Field(() => [String], {
    description: `Service types allowed beyond ClusterIP: ${EXTRA_SERVICE_TYPES.join(', ')}`,
  })
  @ApiProperty({ enum: EXTRA_SERVICE_TYPES, isArray: true })
  allowedServiceTypes!: ExtraServiceType[];
}

@InputType()
export class ProjectSecurityInput {
  @Field(() => String, { nullable: true, description: POD_SECURITY_LEVELS.join(', ') })
  @ApiPropertyOptional({ enum: POD_SECURITY_LEVELS })
  @IsOptional()
  @IsIn(POD_SECURITY_LEVELS, { message: `must be one of ${POD_SECURITY_LEVELS.join(', ')}` })
  podSecurity?: PodSecurityLevel;
  @Field(() => [String], { nullable: true, description: EXTRA_SERVICE_TYPES.join(', ') })
  @ApiPropertyOptional({ enum: EXTRA_SERVICE_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: 'must not repeat a type' })
  @IsIn(EXTRA_SERVICE_TYPES, { each: true, message: `must each be one of ${EXTRA_SERVICE_TYPES.join(', ')}` })
  allowedServiceTypes?: ExtraServiceType[];
}
