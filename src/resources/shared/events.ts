import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CoreV1Event } from '../../kube';

@ObjectType()
export class EventView {
  @Field() @ApiProperty({ enum: ['Normal', 'Warning'] }) type!: string;
  @Field() @ApiProperty() reason!: string;
  @Field() @ApiProperty() message!: string;
  @Field(() => Int) @ApiProperty() count!: number;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  lastSeen!: Date | null;
  @Field({ description: 'e.g. Pod/demo-stateful-0' }) @ApiProperty() object!: string;
}
export function toEventView(event: CoreV1Event): EventView {
  const last = event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp;
  return {
    type: event.type ?? 'Normal',
    reason: event.reason ?? '',
    message: event.message ?? '',
    count: event.count ?? 1,
    lastSeen: last ? new Date(last) : null,
    object: `${event.involvedObject.kind ?? ''}/${event.involvedObject.name ?? ''}`,
  };
}
