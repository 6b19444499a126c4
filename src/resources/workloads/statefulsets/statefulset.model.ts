import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StatefulSetForm } from './statefulset-form.model';
import { EventView } from '../../shared/events';
import { ChangeOutcome, Paginated } from '../../../common/api/paginated';

/** Read models of the StatefulSet pages: list, detail, pods, revisions, events. */

export const PHASES = ['Running', 'Updating', 'Stopped', 'Pending', 'Degraded'] as const;
export type Phase = (typeof PHASES)[number];

@ObjectType()
export class StatefulSetStatus {
  @Field(() => Int, { description: 'spec.replicas' }) @ApiProperty() desired!: number;
  @Field(() => Int) @ApiProperty() current!: number;
  @Field(() => Int) @ApiProperty() ready!: number;
  @Field(() => Int) @ApiProperty() updated!: number;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  currentRevision!: string | null;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  updateRevision!: string | null;
  @Field(() => String, { description: PHASES.join(', ') }) @ApiProperty({ enum: PHASES }) phase!: Phase;
  @Field(() => String, { nullable: true, description: 'Why it is Pending or Degraded' })
  @ApiPropertyOptional({ type: String, nullable: true })
  reason!: string | null;
}

@ObjectType()
export class ServicePortView {
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) name!:
    string | null;
  @Field() @ApiProperty() protocol!: string;
  @Field(() => Int) @ApiProperty() port!: number;
  @Field(() => String, { description: 'Container port (number or name)' }) @ApiProperty() targetPort!: string;
}

@ObjectType({ description: "The StatefulSet's (headless) Service" })
export class ServiceView {
  @Field() @ApiProperty() name!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) clusterIP!:
    string | null;
  @Field(() => [ServicePortView]) @ApiProperty({ type: [ServicePortView] }) ports!: ServicePortView[];
}

@ObjectType()
export class ContainerStatusView {
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() image!: string;
  @Field() @ApiProperty() ready!: boolean;
  @Field(() => Int) @ApiProperty() restartCount!: number;
  @Field({ description: 'running, waiting, terminated or unknown' })
  @ApiProperty({ enum: ['running', 'waiting', 'terminated', 'unknown'] })
  state!: string;
  @Field(() => String, { nullable: true, description: 'Waiting or terminated reason, e.g. CrashLoopBackOff' })
  @ApiPropertyOptional({ type: String, nullable: true })
  reason!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) message!:
    string | null;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: Number, nullable: true }) exitCode!:
    number | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  startedAt!: Date | null;
}

@ObjectType({ description: 'CPU and memory in use; null values come with the reason' })
export class ResourceUsage {
  @Field(() => String, { nullable: true, description: 'e.g. 12m' })
  @ApiPropertyOptional({ type: String, nullable: true })
  cpu!: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. 24Mi' })
  @ApiPropertyOptional({ type: String, nullable: true })
  memory!: string | null;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  unavailableReason!: string | null;
}

@ObjectType('Pod')
export class PodView {
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() project!: string;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: Number, nullable: true }) ordinal!:
    number | null;
  @Field() @ApiProperty() phase!: string;
  @Field() @ApiProperty() ready!: boolean;
  @Field(() => Int) @ApiProperty() restarts!: number;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) node!:
    string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) podIP!:
    string | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  startTime!: Date | null;
  @Field(() => [ContainerStatusView])
  @ApiProperty({ type: [ContainerStatusView] })
  containers!: ContainerStatusView[];
  @Field(() => [String], { description: 'PersistentVolumeClaims it mounts' })
  @ApiProperty({ type: [String] })
  claims!: string[];
  @Field(() => ResourceUsage) @ApiProperty({ type: ResourceUsage }) usage!: ResourceUsage;
}

/** REST's pod detail (GraphQL resolves `events` as a field of Pod instead). */
export class PodDetail extends PodView {
  @ApiProperty({ type: [EventView] }) events!: EventView[];
}

@ObjectType('Revision')
export class RevisionView {
  @Field(() => Int) @ApiProperty() revision!: number;
  @Field() @ApiProperty() name!: string;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
  @Field({ description: 'The revision the running pods were made from' }) @ApiProperty() current!: boolean;
  @Field({ description: 'The revision being rolled out' }) @ApiProperty() update!: boolean;
  @Field(() => [String]) @ApiProperty({ type: [String] }) images!: string[];
  @Field({ description: 'The pod template, as YAML' }) @ApiProperty() template!: string;
}

@ObjectType()
export class FieldChange {
  @Field({ description: 'e.g. spec.containers[0].image' }) @ApiProperty() path!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) from!:
    string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) to!:
    string | null;
}

@ObjectType()
export class RevisionDiff {
  @Field(() => Int) @ApiProperty() from!: number;
  @Field(() => Int) @ApiProperty() to!: number;
  @Field(() => [FieldChange]) @ApiProperty({ type: [FieldChange] }) changes!: FieldChange[];
  @Field({ description: 'Unified diff of the two templates as YAML' }) @ApiProperty() unified!: string;
}

@ObjectType('StatefulSet')
export class StatefulSetView {
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() project!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) alias!:
    string | null;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  description!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) creator!:
    string | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
  @Field({ description: 'Send it back with an update: a stale one gets CONFLICT' })
  @ApiProperty()
  resourceVersion!: string;
  @Field(() => [String], { description: 'Container images' })
  @ApiProperty({ type: [String] })
  images!: string[];
  @Field(() => StatefulSetForm, { description: 'The same shape as the create input' })
  @ApiProperty({ type: StatefulSetForm })
  form!: StatefulSetForm;
  @Field(() => StatefulSetStatus) @ApiProperty({ type: StatefulSetStatus }) status!: StatefulSetStatus;
}

/** REST's detail: everything the detail page shows, in one answer. */
export class StatefulSetDetail extends StatefulSetView {
  @ApiPropertyOptional({ type: ServiceView, nullable: true }) service!: ServiceView | null;
  @ApiProperty({ type: [PodView] }) pods!: PodView[];
  @ApiProperty({ type: [RevisionView] }) revisions!: RevisionView[];
  @ApiProperty({ type: [EventView] }) events!: EventView[];
  @ApiProperty() yaml!: string;
}

@ObjectType()
export class StatefulSetConnection extends Paginated(
  StatefulSetView,
  'StatefulSet',
  'Matching StatefulSets, all pages',
) {}

@ObjectType({ description: 'The outcome of a change' })
export class StatefulSetChange extends ChangeOutcome {
  @Field(() => StatefulSetView, {
    nullable: true,
    description: 'The StatefulSet after the change (null for a dry run or a deletion)',
  })
  @ApiPropertyOptional({ type: StatefulSetView, nullable: true })
  statefulSet!: StatefulSetView | null;
}
