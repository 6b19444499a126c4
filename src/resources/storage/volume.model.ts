import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KeyValue } from '../../common/api/vocabulary';
import { EventView } from '../shared/events';
import { ChangeOutcome, Paginated } from '../../common/api/paginated';

/**
 * Read models of the volume (PersistentVolumeClaim) pages. GraphQL names start with VolumeClaim: the
 * StatefulSet form already has `Volume`, `VolumeInput` and `VolumeMount`.
 */

export const CLAIM_PHASES = ['Bound', 'Pending', 'Lost'] as const;
export type ClaimPhase = (typeof CLAIM_PHASES)[number];
export const VOLUME_MODES = ['Filesystem', 'Block'] as const;

@ObjectType()
export class VolumeClaimStatus {
  @Field(() => String, { description: CLAIM_PHASES.join(', ') })
  @ApiProperty({ enum: CLAIM_PHASES })
  phase!: ClaimPhase;
  @Field(() => String, {
    nullable: true,
    description: 'Why it is Pending or Lost (the latest event), or an expansion in progress',
  })
  @ApiPropertyOptional({ type: String, nullable: true })
  reason!: string | null;
  @Field({ description: 'Deleted, and kept by Kubernetes until no pod uses it' })
  @ApiProperty()
  terminating!: boolean;
}

@ObjectType({ description: 'A pod whose volumes name the claim' })
export class VolumeClaimPod {
  @Field() @ApiProperty() name!: string;
  @Field({ description: 'Pending, Running, Succeeded, Failed, Unknown or Terminating' })
  @ApiProperty()
  phase!: string;
}

@ObjectType({ description: 'The StatefulSet whose volume claim template made the claim' })
export class VolumeClaimOrigin {
  @Field() @ApiProperty() statefulSet!: string;
  @Field({ description: 'The name of the volume claim template' }) @ApiProperty() template!: string;
  @Field(() => Int, { description: 'The ordinal of the pod it belongs to' }) @ApiProperty() ordinal!: number;
}

@ObjectType('VolumeClaim', { description: 'A volume: a PersistentVolumeClaim of the project' })
export class VolumeClaimView {
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() project!: string;
  @Field(() => VolumeClaimStatus) @ApiProperty({ type: VolumeClaimStatus }) status!: VolumeClaimStatus;
  @Field({ description: 'The size asked for (spec), e.g. 10Gi' }) @ApiProperty() requestedSize!: string;
  @Field(() => String, { nullable: true, description: 'The size of the bound volume (status)' })
  @ApiPropertyOptional({ type: String, nullable: true })
  capacity!: string | null;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  storageClass!: string | null;
  @Field(() => [String]) @ApiProperty({ type: [String] }) accessModes!: string[];
  @Field({ description: VOLUME_MODES.join(' or ') }) @ApiProperty({ enum: VOLUME_MODES }) volumeMode!: string;
  @Field(() => String, { nullable: true, description: 'The PersistentVolume it is bound to' })
  @ApiPropertyOptional({ type: String, nullable: true })
  volumeName!: string | null;
  @Field(() => [VolumeClaimPod], { description: 'Pods that mount it, by name' })
  @ApiProperty({ type: [VolumeClaimPod] })
  mountedBy!: VolumeClaimPod[];
  @Field(() => VolumeClaimOrigin, {
    nullable: true,
    description: "Set when a StatefulSet's template made it",
  })
  @ApiPropertyOptional({ type: VolumeClaimOrigin, nullable: true })
  origin!: VolumeClaimOrigin | null;
  @Field(() => [KeyValue]) @ApiProperty({ type: [KeyValue] }) labels!: KeyValue[];
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) creator!:
    string | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
  @Field() @ApiProperty() resourceVersion!: string;
}

/** REST's detail: the claim with its events and YAML (GraphQL resolves them as fields). */
export class VolumeClaimDetail extends VolumeClaimView {
  @ApiProperty({ type: [EventView] }) events!: EventView[];
  @ApiProperty() yaml!: string;
}

@ObjectType()
export class VolumeClaimConnection extends Paginated(
  VolumeClaimView,
  'VolumeClaim',
  'Matching volumes, all pages',
) {}

@ObjectType({ description: 'The outcome of a change to a volume' })
export class VolumeClaimChange extends ChangeOutcome {
  @Field(() => VolumeClaimView, {
    nullable: true,
    description: 'The volume after the change (in a dry run, as it would be; for a deletion, as it was)',
  })
  @ApiPropertyOptional({ type: VolumeClaimView, nullable: true })
  volume!: VolumeClaimView | null;
}
