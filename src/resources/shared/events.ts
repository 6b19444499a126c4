import { closedSet } from '../../common/api/closed-set';
import { ObjectType } from '@nestjs/graphql';
import {
  EnumField,
  IntField,
  NullableDateField,
  StringField,
} from '../../common/api/output-field.decorators';
import type { CoreV1Event } from '../../kube';

const EVENT_TYPE = closedSet('EventType', ['Normal', 'Warning'], 'Normal or Warning');
type EventType = (typeof EVENT_TYPE.values)[number];

@ObjectType()
export class EventView {
  @EnumField(EVENT_TYPE) type!: EventType;
  @StringField() reason!: string;
  @StringField() message!: string;
  @IntField() count!: number;
  @NullableDateField() lastSeen!: Date | null;
  @StringField({ description: 'e.g. Pod/demo-stateful-0' }) object!: string;
}

export function toEventView(event: CoreV1Event): EventView {
  const last = event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp;
  return {
    type: event.type === 'Warning' ? 'Warning' : 'Normal',
    reason: event.reason ?? '',
    message: event.message ?? '',
    count: event.count ?? 1,
    lastSeen: last ? new Date(last) : null,
    object: `${event.involvedObject.kind ?? ''}/${event.involvedObject.name ?? ''}`,
  };
}
