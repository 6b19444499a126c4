import { POD_PHASE, type PodPhase } from '../../shared/pod-phase';
import { ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StatefulSetForm } from './statefulset-form.model';
import { EventView } from '../../shared/events';
import { ChangeOutcome, pagesOf } from '../../../common/api/paginated';
import { closedSet } from '../../../common/api/closed-set';
import { PROTOCOL } from '../../../common/api/kubernetes-sets';
import {
  BooleanField,
  EnumField,
  IdField,
  IntField,
  ListField,
  NullableDateField,
  NullableIntField,
  NullableObjectField,
  NullableStringField,
  ObjectField,
  StringField,
} from '../../../common/api/output-field.decorators';

/** Read models of the StatefulSet pages: list, detail, pods, revisions, events. */

export const PHASE = closedSet('StatefulSetPhase', ['Running', 'Updating', 'Stopped', 'Pending', 'Degraded']);
export const PHASES = PHASE.values;
export type Phase = (typeof PHASES)[number];

@ObjectType()
export class StatefulSetStatus {
  @IntField({ description: 'spec.replicas' }) desired!: number;
  @IntField() current!: number;
  @IntField() ready!: number;
  @IntField() updated!: number;
  @NullableStringField() currentRevision!: string | null;
  @NullableStringField() updateRevision!: string | null;
  @EnumField(PHASE) phase!: Phase;
  @NullableStringField({ description: 'Why it is Pending or Degraded' }) reason!: string | null;
}

@ObjectType()
export class ServicePortView {
  @NullableStringField() name!: string | null;
  @EnumField(PROTOCOL) protocol!: string;
  @IntField() port!: number;
  @StringField({ description: 'Container port (number or name)' }) targetPort!: string;
}

@ObjectType({ description: "The StatefulSet's (headless) Service" })
export class ServiceView {
  @StringField() name!: string;
  @NullableStringField() clusterIP!: string | null;
  @ListField(ServicePortView) ports!: ServicePortView[];
}

const CONTAINER_STATE = closedSet(
  'ContainerState',
  ['running', 'waiting', 'terminated', 'unknown'],
  'running, waiting, terminated or unknown',
);
export type ContainerState = (typeof CONTAINER_STATE.values)[number];

@ObjectType()
export class ContainerStatusView {
  @StringField() name!: string;
  @StringField() image!: string;
  @BooleanField() ready!: boolean;
  @IntField() restartCount!: number;
  @EnumField(CONTAINER_STATE) state!: ContainerState;
  @NullableStringField({ description: 'Waiting or terminated reason, e.g. CrashLoopBackOff' })
  reason!: string | null;
  @NullableStringField() message!: string | null;
  @NullableIntField() exitCode!: number | null;
  @NullableDateField() startedAt!: Date | null;
}

@ObjectType({ description: 'CPU and memory in use; null values come with the reason' })
export class ResourceUsage {
  @NullableStringField({ description: 'e.g. 12m' }) cpu!: string | null;
  @NullableStringField({ description: 'e.g. 24Mi' }) memory!: string | null;
  @NullableStringField() unavailableReason!: string | null;
}

@ObjectType('Pod')
export class PodView {
  @IdField({ description: 'project/name: stable, what client caches key Pods by' }) id!: string;
  @StringField() name!: string;
  @StringField() project!: string;
  @NullableIntField() ordinal!: number | null;
  @EnumField(POD_PHASE) phase!: PodPhase;
  @BooleanField() ready!: boolean;
  @IntField() restarts!: number;
  @NullableStringField() node!: string | null;
  @NullableStringField() podIP!: string | null;
  @NullableDateField() startTime!: Date | null;
  @ListField(ContainerStatusView) containers!: ContainerStatusView[];
  @ListField(String, { description: 'PersistentVolumeClaims it mounts' }) claims!: string[];
  @ObjectField(ResourceUsage) usage!: ResourceUsage;
}

/** REST's pod detail (GraphQL resolves `events` as a field of Pod instead). */
export class PodDetail extends PodView {
  @ApiProperty({ type: [EventView] }) events!: EventView[];
}

@ObjectType('Revision')
export class RevisionView {
  @IntField() revision!: number;
  @StringField() name!: string;
  @NullableDateField() createdAt!: Date | null;
  @BooleanField({ description: 'The revision the running pods were made from' }) current!: boolean;
  @BooleanField({ description: 'The revision being rolled out' }) update!: boolean;
  @ListField(String) images!: string[];
  @StringField({ description: 'The pod template, as YAML' }) template!: string;
}

@ObjectType()
export class FieldChange {
  @StringField({ description: 'e.g. spec.containers[0].image' }) path!: string;
  @NullableStringField() from!: string | null;
  @NullableStringField() to!: string | null;
}

@ObjectType()
export class RevisionDiff {
  @IntField() from!: number;
  @IntField() to!: number;
  @ListField(FieldChange) changes!: FieldChange[];
  @StringField({ description: 'Unified diff of the two templates as YAML' }) unified!: string;
}

@ObjectType('StatefulSet')
export class StatefulSetView {
  @IdField({ description: 'project/name: stable, what client caches key StatefulSets by' }) id!: string;
  @StringField() name!: string;
  @StringField() project!: string;
  @NullableStringField() alias!: string | null;
  @NullableStringField() description!: string | null;
  @NullableStringField() creator!: string | null;
  @NullableDateField() createdAt!: Date | null;
  @StringField({ description: 'Send it back with an update: a stale one gets CONFLICT' })
  resourceVersion!: string;
  @ListField(String, { description: 'Container images' }) images!: string[];
  @ObjectField(StatefulSetForm, { description: 'The same shape as the create input' }) form!: StatefulSetForm;
  @ObjectField(StatefulSetStatus) status!: StatefulSetStatus;
}

/** REST's detail: everything the detail page shows, in one answer. */
export class StatefulSetDetail extends StatefulSetView {
  @ApiPropertyOptional({ type: ServiceView, nullable: true }) service!: ServiceView | null;
  @ApiProperty({ type: [PodView] }) pods!: PodView[];
  @ApiProperty({ type: [RevisionView] }) revisions!: RevisionView[];
  @ApiProperty({ type: [EventView] }) events!: EventView[];
  @ApiProperty() yaml!: string;
}

export const STATEFUL_SET_PAGES = pagesOf(StatefulSetView, 'StatefulSet');
export const POD_PAGES = pagesOf(PodView, 'Pod');
export const REVISION_PAGES = pagesOf(RevisionView, 'Revision');

@ObjectType({ description: 'The outcome of a change' })
export class StatefulSetChange extends ChangeOutcome {
  @NullableObjectField(StatefulSetView, {
    description: 'The StatefulSet after the change (null for a dry run or a deletion)',
  })
  statefulSet!: StatefulSetView | null;
}
