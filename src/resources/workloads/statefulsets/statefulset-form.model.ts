import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDnsLabel } from '../../../common/validation/names';
import { KeyValue } from '../../../common/api/vocabulary';
import { ACCESS_MODES } from '../../../kube/access-modes';

/**
 * The StatefulSet form: everything the console's create wizard (and its edit dialogs) can set. The
 * same classes are the GraphQL input (`...Input`) and the form view read back (`...Form`), so a
 * frontend can take the view, change it and send it back.
 */

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const ABSOLUTE_PATH = { message: 'must be an absolute path' };

@InputType('KeySelectorInput')
@ObjectType('KeySelector')
export class KeySelector {
  @Field({ description: 'Name of the ConfigMap or Secret' }) @ApiProperty() @IsDnsLabel(253) name!: string;
  @Field() @ApiProperty() @IsString() @MinLength(1) @MaxLength(253) key!: string;
}

@InputType('KeyToPathInput')
@ObjectType('KeyToPath')
export class KeyToPath {
  @Field() @ApiProperty() @IsString() @MinLength(1) @MaxLength(253) key!: string;
  @Field()
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @Matches(/^(?!\/)/, { message: 'must be a relative path' })
  path!: string;
}

@InputType('EnvVarInput')
@ObjectType('EnvVar')
export class EnvVarForm {
  @Field()
  @ApiProperty()
  @IsString()
  @Matches(/^[-._a-zA-Z][-._a-zA-Z0-9]*$/, { message: 'must be a valid environment variable name' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'A literal value' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  value?: string;
  @Field(() => KeySelector, { nullable: true, description: 'A key of a ConfigMap' })
  @ApiPropertyOptional({ type: KeySelector })
  @IsOptional()
  @ValidateNested()
  @Type(() => KeySelector)
  configMapKeyRef?: KeySelector;
  @Field(() => KeySelector, { nullable: true, description: 'A key of a Secret' })
  @ApiPropertyOptional({ type: KeySelector })
  @IsOptional()
  @ValidateNested()
  @Type(() => KeySelector)
  secretKeyRef?: KeySelector;
}

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

@InputType('PortInput')
@ObjectType('Port')
export class PortForm {
  @Field({ description: 'IANA service name, e.g. tcp-80 or http' })
  @ApiProperty({ example: 'tcp-80' })
  @IsString()
  @MaxLength(15, { message: 'must be at most 15 characters' })
  @Matches(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { message: 'must be lower-case letters, digits and "-"' })
  name!: string;
  @Field(() => String, { defaultValue: 'TCP' })
  @ApiPropertyOptional({ enum: PROTOCOLS, default: 'TCP' })
  @IsOptional()
  @IsIn(PROTOCOLS, oneOf(PROTOCOLS))
  protocol?: string;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(1) @Max(65535) containerPort!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Port of the headless Service (default: the container port)',
  })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  servicePort?: number;
}

@InputType('ResourceAmountsInput')
@ObjectType('ResourceAmounts')
export class ResourceAmounts {
  @Field(() => String, { nullable: true, description: 'CPU, e.g. 500m or 2' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  cpu?: string;
  @Field(() => String, { nullable: true, description: 'Memory, e.g. 256Mi' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  memory?: string;
}

@InputType('ResourcesInput')
@ObjectType('Resources')
export class ResourcesForm {
  @Field(() => ResourceAmounts, { nullable: true })
  @ApiPropertyOptional({ type: ResourceAmounts })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceAmounts)
  requests?: ResourceAmounts;
  @Field(() => ResourceAmounts, { nullable: true })
  @ApiPropertyOptional({ type: ResourceAmounts })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceAmounts)
  limits?: ResourceAmounts;
}

export const PROBE_TYPES = ['httpGet', 'tcpSocket', 'exec'] as const;

@InputType('ProbeInput')
@ObjectType('Probe')
export class ProbeForm {
  @Field(() => String, { description: 'httpGet, tcpSocket or exec' })
  @ApiProperty({ enum: PROBE_TYPES })
  @IsIn(PROBE_TYPES, oneOf(PROBE_TYPES))
  type!: string;
  @Field(() => String, { nullable: true, description: 'httpGet: the path' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\//, ABSOLUTE_PATH)
  path?: string;
  @Field(() => Int, { nullable: true, description: 'httpGet and tcpSocket: the port' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;
  @Field(() => String, { nullable: true, description: 'httpGet: HTTP or HTTPS' })
  @ApiPropertyOptional({ enum: ['HTTP', 'HTTPS'] })
  @IsOptional()
  @IsIn(['HTTP', 'HTTPS'], oneOf(['HTTP', 'HTTPS']))
  scheme?: string;
  @Field(() => [String], { nullable: true, description: 'exec: the command' })
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMinSize(1)
  command?: string[];
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  initialDelaySeconds?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  periodSeconds?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  timeoutSeconds?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  successThreshold?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  failureThreshold?: number;
}

@InputType('SecurityContextInput')
@ObjectType('SecurityContext')
export class SecurityContextForm {
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  runAsUser?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  runAsGroup?: number;
  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  runAsNonRoot?: boolean;
  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  privileged?: boolean;
  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  allowPrivilegeEscalation?: boolean;
  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  readOnlyRootFilesystem?: boolean;
  @Field(() => [String], { nullable: true })
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  capabilitiesAdd?: string[];
  @Field(() => [String], { nullable: true })
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  capabilitiesDrop?: string[];
}

@InputType('VolumeMountInput')
@ObjectType('VolumeMount')
export class VolumeMountForm {
  @Field({ description: 'A volume claim template or a volume of this form' })
  @ApiProperty()
  @IsDnsLabel()
  name!: string;
  @Field() @ApiProperty({ example: '/data' }) @IsString() @Matches(/^\//, ABSOLUTE_PATH) mountPath!: string;
  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  readOnly?: boolean;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^(?!\/)/, { message: 'must be a relative path' })
  subPath?: string;
}

export const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;

@InputType('ContainerInput')
@ObjectType('Container')
export class ContainerForm {
  @Field() @ApiProperty({ example: 'nginx' }) @IsDnsLabel() name!: string;
  @Field()
  @ApiProperty({ example: 'nginx:1.27' })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  @Matches(/^\S+$/, { message: 'must not contain spaces' })
  image!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ enum: PULL_POLICIES })
  @IsOptional()
  @IsIn(PULL_POLICIES, oneOf(PULL_POLICIES))
  imagePullPolicy?: string;
  @Field(() => [String], { nullable: true })
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  command?: string[];
  @Field(() => [String], { nullable: true })
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  args?: string[];
  @Field(() => [EnvVarForm], { nullable: true })
  @ApiPropertyOptional({ type: [EnvVarForm] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => EnvVarForm)
  env?: EnvVarForm[];
  @Field(() => [PortForm], { nullable: true })
  @ApiPropertyOptional({ type: [PortForm] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => PortForm)
  ports?: PortForm[];
  @Field(() => ResourcesForm, { nullable: true })
  @ApiPropertyOptional({ type: ResourcesForm })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourcesForm)
  resources?: ResourcesForm;
  @Field(() => ProbeForm, { nullable: true })
  @ApiPropertyOptional({ type: ProbeForm })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProbeForm)
  livenessProbe?: ProbeForm;
  @Field(() => ProbeForm, { nullable: true })
  @ApiPropertyOptional({ type: ProbeForm })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProbeForm)
  readinessProbe?: ProbeForm;
  @Field(() => ProbeForm, { nullable: true })
  @ApiPropertyOptional({ type: ProbeForm })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProbeForm)
  startupProbe?: ProbeForm;
  @Field(() => SecurityContextForm, { nullable: true })
  @ApiPropertyOptional({ type: SecurityContextForm })
  @IsOptional()
  @ValidateNested()
  @Type(() => SecurityContextForm)
  securityContext?: SecurityContextForm;
  @Field(() => [VolumeMountForm], { nullable: true })
  @ApiPropertyOptional({ type: [VolumeMountForm] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => VolumeMountForm)
  volumeMounts?: VolumeMountForm[];
}

export const UPDATE_STRATEGIES = ['RollingUpdate', 'OnDelete'] as const;

@InputType('UpdateStrategyInput')
@ObjectType('UpdateStrategy')
export class UpdateStrategyForm {
  @Field(() => String, { defaultValue: 'RollingUpdate' })
  @ApiProperty({ enum: UPDATE_STRATEGIES })
  @IsIn(UPDATE_STRATEGIES, oneOf(UPDATE_STRATEGIES))
  type!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'RollingUpdate: pods with an ordinal below this keep the old revision',
  })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  partition?: number;
  @Field(() => String, {
    nullable: true,
    description: 'RollingUpdate: a number or a percentage, e.g. 1 or 25%',
  })
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^([1-9]\d*|([1-9]\d?|100)%)$/, {
    message: 'must be a positive number or a percentage from 1% to 100%',
  })
  maxUnavailable?: string;
}

@InputType('VolumeClaimTemplateInput')
@ObjectType('VolumeClaimTemplate')
export class VolumeClaimTemplateForm {
  @Field() @ApiProperty({ example: 'data' }) @IsDnsLabel() name!: string;
  @Field(() => String, { nullable: true, description: 'Default: the default StorageClass' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsDnsLabel(253)
  storageClassName?: string;
  @Field(() => [String], { defaultValue: ['ReadWriteOnce'] })
  @ApiPropertyOptional({ enum: ACCESS_MODES, isArray: true })
  @IsOptional()
  @IsIn(ACCESS_MODES, { each: true, ...oneOf(ACCESS_MODES) })
  @ArrayMinSize(1)
  accessModes?: string[];
  @Field({ description: 'Capacity, e.g. 10Gi' }) @ApiProperty({ example: '1Gi' }) @IsString() size!: string;
}

export const VOLUME_TYPES = ['persistentVolumeClaim', 'emptyDir', 'hostPath', 'configMap', 'secret'] as const;

@InputType('VolumeInput')
@ObjectType('Volume')
export class VolumeForm {
  @Field() @ApiProperty() @IsDnsLabel() name!: string;
  @Field(() => String, { description: VOLUME_TYPES.join(', ') })
  @ApiProperty({ enum: VOLUME_TYPES })
  @IsIn(VOLUME_TYPES, oneOf(VOLUME_TYPES))
  type!: string;
  @Field(() => String, { nullable: true, description: 'persistentVolumeClaim: an existing claim' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsDnsLabel(253)
  claimName?: string;
  @Field(() => String, { nullable: true, description: 'emptyDir: "" (disk) or Memory' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['', 'Memory'], oneOf(['', 'Memory']))
  medium?: string;
  @Field(() => String, { nullable: true, description: 'emptyDir: size limit, e.g. 1Gi' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  sizeLimit?: string;
  @Field(() => String, { nullable: true, description: 'hostPath: the path on the node' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\//, ABSOLUTE_PATH)
  path?: string;
  @Field(() => String, { nullable: true, description: 'configMap or secret: its name' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsDnsLabel(253)
  sourceName?: string;
  @Field(() => [KeyToPath], {
    nullable: true,
    description: 'configMap or secret: the keys to mount, each at a path',
  })
  @ApiPropertyOptional({ type: [KeyToPath] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => KeyToPath)
  items?: KeyToPath[];
  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  readOnly?: boolean;
}

export const RETENTION = ['Retain', 'Delete'] as const;

@InputType('PvcRetentionPolicyInput')
@ObjectType('PvcRetentionPolicy')
export class PvcRetentionPolicyForm {
  @Field(() => String, { defaultValue: 'Retain' })
  @ApiProperty({ enum: RETENTION })
  @IsIn(RETENTION, oneOf(RETENTION))
  whenDeleted!: string;
  @Field(() => String, { defaultValue: 'Retain' })
  @ApiProperty({ enum: RETENTION })
  @IsIn(RETENTION, oneOf(RETENTION))
  whenScaled!: string;
}

export const POD_MANAGEMENT = ['OrderedReady', 'Parallel'] as const;
export const DEPLOYMENT_MODES = ['default', 'spread', 'aggregate'] as const;
/** 63 characters minus the "-<hash>" the controller appends to revision labels. */
export const MAX_NAME = 52;

@InputType('StatefulSetInput')
@ObjectType('StatefulSetForm')
export class StatefulSetForm {
  @Field() @ApiProperty({ example: 'demo-stateful' }) @IsDnsLabel(MAX_NAME) name!: string;
  @Field(() => String, { nullable: true, description: 'A display name' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  alias?: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;
  @Field(() => Int, { defaultValue: 1 })
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must not be negative' })
  @Max(1000)
  replicas?: number;
  @Field(() => String, {
    nullable: true,
    description: 'The headless Service (default: the StatefulSet name)',
  })
  @ApiPropertyOptional()
  @IsOptional()
  @IsDnsLabel()
  serviceName?: string;
  @Field(() => [ContainerForm])
  @ApiProperty({ type: [ContainerForm] })
  @ValidateNested({ each: true })
  @Type(() => ContainerForm)
  @ArrayMinSize(1, { message: 'must have at least one container' })
  @ArrayMaxSize(20)
  containers!: ContainerForm[];
  @Field(() => [ContainerForm], { nullable: true })
  @ApiPropertyOptional({ type: [ContainerForm] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ContainerForm)
  initContainers?: ContainerForm[];
  @Field(() => [String], { nullable: true, description: 'Image-registry Secrets' })
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsDnsLabel(253, { each: true })
  imagePullSecrets?: string[];
  @Field(() => Boolean, {
    nullable: true,
    description: "Mount the node's /etc/localtime read-only in every container",
  })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  syncHostTimezone?: boolean;
  @Field(() => UpdateStrategyForm, { nullable: true })
  @ApiPropertyOptional({ type: UpdateStrategyForm })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdateStrategyForm)
  updateStrategy?: UpdateStrategyForm;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ enum: POD_MANAGEMENT })
  @IsOptional()
  @IsIn(POD_MANAGEMENT, oneOf(POD_MANAGEMENT))
  podManagementPolicy?: string;
  @Field(() => String, {
    nullable: true,
    description: 'default; spread (prefer different nodes); aggregate (prefer the same node)',
  })
  @ApiPropertyOptional({ enum: DEPLOYMENT_MODES })
  @IsOptional()
  @IsIn(DEPLOYMENT_MODES, oneOf(DEPLOYMENT_MODES))
  deploymentMode?: string;
  @Field(() => [VolumeClaimTemplateForm], { nullable: true })
  @ApiPropertyOptional({ type: [VolumeClaimTemplateForm] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => VolumeClaimTemplateForm)
  volumeClaimTemplates?: VolumeClaimTemplateForm[];
  @Field(() => [VolumeForm], { nullable: true })
  @ApiPropertyOptional({ type: [VolumeForm] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => VolumeForm)
  volumes?: VolumeForm[];
  @Field(() => PvcRetentionPolicyForm, { nullable: true })
  @ApiPropertyOptional({ type: PvcRetentionPolicyForm })
  @IsOptional()
  @ValidateNested()
  @Type(() => PvcRetentionPolicyForm)
  pvcRetentionPolicy?: PvcRetentionPolicyForm;
  @Field(() => [KeyValue], { nullable: true })
  @ApiPropertyOptional({ type: [KeyValue] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => KeyValue)
  nodeSelector?: KeyValue[];
  @Field(() => [KeyValue], { nullable: true })
  @ApiPropertyOptional({ type: [KeyValue] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => KeyValue)
  labels?: KeyValue[];
  @Field(() => [KeyValue], { nullable: true })
  @ApiPropertyOptional({ type: [KeyValue] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => KeyValue)
  annotations?: KeyValue[];
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  minReadySeconds?: number;
  @Field(() => Int, { defaultValue: 10 })
  @ApiPropertyOptional({ default: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  revisionHistoryLimit?: number;
}
