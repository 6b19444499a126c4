import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import type { V1Namespace } from '../kube';
import { EXTRA_SERVICE_TYPES, ExtraServiceType, isExtraServiceType } from '../workloads/service-policy';
import { isPodSecurityLevel, POD_SECURITY_LEVELS, PodSecurityLevel } from '../workloads/pod-security';

/** Pod Security Admission's namespace labels (https://kubernetes.io/docs/concepts/security/pod-security-admission/). */
const PSA = 'pod-security.kubernetes.io';
export const POD_SECURITY_LABELS = {
  enforce: `${PSA}/enforce`,
  enforceVersion: `${PSA}/enforce-version`,
  warn: `${PSA}/warn`,
  warnVersion: `${PSA}/warn-version`,
  audit: `${PSA}/audit`,
  auditVersion: `${PSA}/audit-version`,
} as const;

/** The Service types beyond ClusterIP a platform admin allowed the project, comma-separated. */
export const ALLOWED_SERVICE_TYPES_ANNOTATION = 'berth.io/allowed-service-types';

/** What a project's pods and Services may be; set by platform admins only. */
@ObjectType({ description: 'What pods and Services of the project may do (set by platform admins)' })
export class ProjectSecurity {
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

/** The labels that make Kubernetes enforce `level` on the namespace's pods, and warn and audit at restricted. */
export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
  return {
    [POD_SECURITY_LABELS.enforce]: level,
    [POD_SECURITY_LABELS.enforceVersion]: 'latest',
    [POD_SECURITY_LABELS.warn]: 'restricted',
    [POD_SECURITY_LABELS.warnVersion]: 'latest',
    [POD_SECURITY_LABELS.audit]: 'restricted',
    [POD_SECURITY_LABELS.auditVersion]: 'latest',
  };
}

/** A project's security as its namespace carries it; a namespace without the label gets `fallback`. */
export function securityOf(namespace: V1Namespace, fallback: PodSecurityLevel): ProjectSecurity {
  const level = namespace.metadata?.labels?.[POD_SECURITY_LABELS.enforce];
  const types = (namespace.metadata?.annotations?.[ALLOWED_SERVICE_TYPES_ANNOTATION] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(isExtraServiceType);
  return { podSecurity: isPodSecurityLevel(level) ? level : fallback, allowedServiceTypes: types };
}
