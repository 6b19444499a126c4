import { POD_PHASE, type PodPhase } from '../shared/pod-phase';
import { ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { closedSet } from '../../common/api/closed-set';
import { ACCESS_MODE, VOLUME_MODE } from '../../common/api/kubernetes-sets';
import { KeyValue } from '../../common/api/vocabulary';
import { EventView } from '../shared/events';
import { ChangeOutcome, pagesOf } from '../../common/api/paginated';
import {
  BooleanField,
  EnumField,
  EnumListField,
  IntField,
  ListField,
  NullableDateField,
  NullableObjectField,
  NullableStringField,
  ObjectField,
  StringField,
} from '../../common/api/output-field.decorators';

/**
 * Read models of the volume (PersistentVolumeClaim) pages. GraphQL names start with VolumeClaim: the
 * StatefulSet form already has `Volume`, `VolumeInput` and `VolumeMount`.
 */

export const CLAIM_PHASE = closedSet('VolumeClaimPhase', ['Bound', 'Pending', 'Lost']);
export const CLAIM_PHASES = CLAIM_PHASE.values;
export type ClaimPhase = (typeof CLAIM_PHASES)[number];

@ObjectType()
export class VolumeClaimStatus {
  @EnumField(CLAIM_PHASE) phase!: ClaimPhase;
  @NullableStringField({
    description: 'Why it is Pending or Lost (the latest event), or an expansion in progress',
  })
  reason!: string | null;
  @BooleanField({ description: 'Deleted, and kept by Kubernetes until no pod uses it' })
  terminating!: boolean;
}

@ObjectType({ description: 'A pod whose volumes name the claim' })
export class VolumeClaimPod {
  @StringField() name!: string;
  @EnumField(POD_PHASE) phase!: PodPhase;
}

@ObjectType({ description: 'The StatefulSet whose volume claim template made the claim' })
export class VolumeClaimOrigin {
  @StringField() statefulSet!: string;
  @StringField({ description: 'The name of the volume claim template' }) template!: string;
  @IntField({ description: 'The ordinal of the pod it belongs to' }) ordinal!: number;
}

@ObjectType('VolumeClaim', { description: 'A volume: a PersistentVolumeClaim of the project' })
export class VolumeClaimView {
  @StringField() name!: string;
  @StringField() project!: string;
  @ObjectField(VolumeClaimStatus) status!: VolumeClaimStatus;
  @StringField({ description: 'The size asked for (spec), e.g. 10Gi' }) requestedSize!: string;
  @NullableStringField({ description: 'The size of the bound volume (status)' }) capacity!: string | null;
  @NullableStringField() storageClass!: string | null;
  @EnumListField(ACCESS_MODE) accessModes!: string[];
  @EnumField(VOLUME_MODE) volumeMode!: string;
  @NullableStringField({ description: 'The PersistentVolume it is bound to' }) volumeName!: string | null;
  @ListField(VolumeClaimPod, { description: 'Pods that mount it, by name' }) mountedBy!: VolumeClaimPod[];
  @NullableObjectField(VolumeClaimOrigin, { description: "Set when a StatefulSet's template made it" })
  origin!: VolumeClaimOrigin | null;
  @ListField(KeyValue) labels!: KeyValue[];
  @NullableStringField() creator!: string | null;
  @NullableDateField() createdAt!: Date | null;
  @StringField() resourceVersion!: string;
}

/** REST's detail: the claim with its events and YAML (GraphQL resolves them as fields). */
export class VolumeClaimDetail extends VolumeClaimView {
  @ApiProperty({ type: [EventView] }) events!: EventView[];
  @ApiProperty() yaml!: string;
}

export const VOLUME_CLAIM_PAGES = pagesOf(VolumeClaimView, 'VolumeClaim', 'volumes');

@ObjectType({ description: 'The outcome of a change to a volume' })
export class VolumeClaimChange extends ChangeOutcome {
  @NullableObjectField(VolumeClaimView, {
    description: 'The volume after the change (in a dry run, as it would be; for a deletion, as it was)',
  })
  volume!: VolumeClaimView | null;
}
