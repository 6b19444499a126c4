import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import {
  BooleanField,
  IdField,
  ListField,
  NullableObjectField,
  StringField,
} from '../../../common/api/output-field.decorators';
import { ChangeType } from '../../../common/api/vocabulary';
import { EventView } from '../../shared/events';
import { PodView, StatefulSetView } from './statefulset.model';

const CURSOR = 'Resume after this message: pass it as `after` when subscribing again';

@ObjectType({ description: 'One StatefulSet added to, changed in or removed from a followed list' })
export class StatefulSetListChange {
  @Field(() => ChangeType) @ApiProperty({ enum: ChangeType, enumName: 'ChangeType' }) type!: ChangeType;
  @IdField({ description: 'The StatefulSet’s id (also for REMOVED, whose statefulSet is null)' }) id!: string;
  @StringField() name!: string;
  @NullableObjectField(StatefulSetView, { description: 'As it is now; null when REMOVED' })
  statefulSet!: StatefulSetView | null;
}

@ObjectType({ description: 'A message of statefulSetsChanged: the first state (initial), then changes' })
export class StatefulSetListEvent {
  @StringField({ description: CURSOR }) resourceVersion!: string;
  @BooleanField({ description: 'Part of the first state (every match, ADDED, in chunks)' }) initial!: boolean;
  @BooleanField({ description: 'The first state is complete: from here on, changes' }) synced!: boolean;
  @ListField(StatefulSetListChange) changes!: StatefulSetListChange[];
}

@ObjectType({ description: 'A message of statefulSetChanged: the StatefulSet as it is now, or its removal' })
export class StatefulSetEvent {
  @StringField({ description: CURSOR }) resourceVersion!: string;
  @Field(() => ChangeType) @ApiProperty({ enum: ChangeType, enumName: 'ChangeType' }) type!: ChangeType;
  @BooleanField({ description: 'The first message (the current state)' }) initial!: boolean;
  @NullableObjectField(StatefulSetView, { description: 'Null when REMOVED' })
  statefulSet!: StatefulSetView | null;
}

@ObjectType({ description: 'A message of podChanged: the pod as it is now, or its removal' })
export class PodEvent {
  @StringField({ description: CURSOR }) resourceVersion!: string;
  @Field(() => ChangeType) @ApiProperty({ enum: ChangeType, enumName: 'ChangeType' }) type!: ChangeType;
  @BooleanField({ description: 'The first message (the current state)' }) initial!: boolean;
  @NullableObjectField(PodView, {
    description: 'Null when REMOVED (a StatefulSet’s pod comes back under its name)',
  })
  pod!: PodView | null;
}

@ObjectType({ description: 'Lines a followed container log wrote' })
export class LogLines {
  @ListField(String) lines!: string[];
}

@ObjectType({
  description: 'A message of eventsChanged: the most recent events first, then new or repeated ones',
})
export class EventsMessage {
  @StringField({ description: CURSOR }) resourceVersion!: string;
  @BooleanField({ description: 'The first message (the most recent events, newest first)' })
  initial!: boolean;
  @ListField(EventView) events!: EventView[];
}
