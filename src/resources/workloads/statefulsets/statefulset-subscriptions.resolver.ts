import {} from '@nestjs/common';
import { Args, Int, Resolver, Subscription } from '@nestjs/graphql';
import { ProjectScope } from '../../../access/request-context.decorators';
import type { ProjectAccess } from '../../../access/scope-access';
import { NameArg } from '../../../common/validation/names';
import { Access } from '../../../iam/access-rules';
import { Permission } from '../../../iam/roles';
import { checkCursor } from '../../../live/followed-changes';
import { LiveFeeds } from '../../../live/live-feeds.service';
import { CurrentSubscriber, type Subscriber } from '../../../live/subscriber';
import { PodFeeds } from './pod-feeds.service';
import { StatefulSetFeeds } from './statefulset-feeds.service';
import { checkedKind, checkedLogOptions, StatefulSetFilter } from './statefulset-inputs';
import {
  EventsMessage,
  LogLines,
  PodEvent,
  StatefulSetEvent,
  StatefulSetListEvent,
} from './statefulset-live.model';

const AFTER = {
  nullable: true,
  description:
    'Resume after this message’s resourceVersion (EXPIRED when too old: subscribe again without it)',
} as const;

/** The message itself is the subscription's value (graphql-js would otherwise look up a field of it). */
const itself = <T>(message: T): T => message;

/**
 * GraphQL subscriptions of StatefulSets, pods, events and logs (over the WebSocket at /graphql).
 * Each is authorized like the matching query, then kept so by LiveFeeds.
 */
@Resolver()
export class StatefulSetSubscriptionsResolver {
  constructor(
    private readonly live: LiveFeeds,
    private readonly statefulSets: StatefulSetFeeds,
    private readonly pods: PodFeeds,
  ) {}

  @Subscription(() => StatefulSetListEvent, {
    resolve: itself,
    description:
      'A list of StatefulSets, live: every match first (initial), then what is added, changed or removed',
  })
  @Access.project(Permission.WORKLOADS_VIEW)
  statefulSetsChanged(
    @ProjectScope() access: ProjectAccess,
    @CurrentSubscriber() subscriber: Subscriber | undefined,
    @Args('filter', { type: () => StatefulSetFilter, nullable: true }) filter?: StatefulSetFilter,
    @Args('after', AFTER) after?: string,
  ): Promise<AsyncIterableIterator<StatefulSetListEvent>> {
    const feed = this.statefulSets.list(access, { ...filter }, checkCursor(after));
    return this.live.subscribe(subscriber, access, Permission.WORKLOADS_VIEW, feed);
  }

  @Subscription(() => StatefulSetEvent, {
    resolve: itself,
    description: 'One StatefulSet, live (its pods and status too): the current state, then each change',
  })
  @Access.project(Permission.WORKLOADS_VIEW)
  statefulSetChanged(
    @ProjectScope() access: ProjectAccess,
    @CurrentSubscriber() subscriber: Subscriber | undefined,
    @NameArg('name', 'statefulSet') name: string,
    @Args('after', AFTER) after?: string,
  ): Promise<AsyncIterableIterator<StatefulSetEvent>> {
    const feed = this.statefulSets.detail(access, name, checkCursor(after));
    return this.live.subscribe(subscriber, access, Permission.WORKLOADS_VIEW, feed);
  }

  @Subscription(() => PodEvent, {
    resolve: itself,
    description: 'One pod’s status, live: the current state, then each change',
  })
  @Access.project(Permission.WORKLOADS_VIEW)
  podChanged(
    @ProjectScope() access: ProjectAccess,
    @CurrentSubscriber() subscriber: Subscriber | undefined,
    @NameArg('name', 'pod') name: string,
    @Args('after', AFTER) after?: string,
  ): Promise<AsyncIterableIterator<PodEvent>> {
    const feed = this.statefulSets.pod(access, name, checkCursor(after));
    return this.live.subscribe(subscriber, access, Permission.WORKLOADS_VIEW, feed);
  }

  @Subscription(() => EventsMessage, {
    resolve: itself,
    description: 'The project’s events (of one object when kind and name are given), live',
  })
  @Access.project(Permission.WORKLOADS_VIEW)
  eventsChanged(
    @ProjectScope() access: ProjectAccess,
    @CurrentSubscriber() subscriber: Subscriber | undefined,
    @Args('kind', { nullable: true, description: 'e.g. StatefulSet or Pod' }) kind?: string,
    @NameArg('name', 'object', { nullable: true }) name?: string,
    @Args('after', AFTER) after?: string,
  ): Promise<AsyncIterableIterator<EventsMessage>> {
    const feed = this.pods.events(access, { kind: checkedKind(kind), name }, checkCursor(after));
    return this.live.subscribe(subscriber, access, Permission.WORKLOADS_VIEW, feed);
  }

  @Subscription(() => LogLines, {
    resolve: itself,
    description: 'A container’s log, followed: lines as they are written; completes when the container stops',
  })
  @Access.project(Permission.LOGS_VIEW)
  containerLog(
    @ProjectScope() access: ProjectAccess,
    @CurrentSubscriber() subscriber: Subscriber | undefined,
    @NameArg('pod', 'pod') pod: string,
    @NameArg('container', 'container', { nullable: true }) container?: string,
    @Args('tailLines', { type: () => Int, nullable: true }) tailLines?: number,
    @Args('sinceSeconds', { type: () => Int, nullable: true }) sinceSeconds?: number,
    @Args('timestamps', { type: () => Boolean, nullable: true }) timestamps?: boolean,
  ): Promise<AsyncIterableIterator<LogLines>> {
    const options = checkedLogOptions({ container, tailLines, sinceSeconds, timestamps });
    return this.live.subscribe(subscriber, access, Permission.LOGS_VIEW, this.pods.log(access, pod, options));
  }
}
