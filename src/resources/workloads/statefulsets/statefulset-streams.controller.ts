import { applyDecorators, Controller, Get, Query, Req, Res, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentProject } from '../../../access/request-context.decorators';
import type { ProjectAccess } from '../../../access/scope-access';
import { ApiErrors, Operation } from '../../../common/http/api-operation';
import { ErrorCode } from '../../../common/errors/error-code';
import { NameParam } from '../../../common/validation/names';
import { Access } from '../../../iam/access-rules';
import { Permission } from '../../../iam/roles';
import { EventStreams } from '../../../live/event-stream';
import { checkCursor } from '../../../live/followed-changes';
import { PodFeeds } from './pod-feeds.service';
import { StatefulSetFeeds } from './statefulset-feeds.service';
import { checkedKind, WatchEventsQuery, WatchQuery, WatchStatefulSetsQuery } from './statefulset-inputs';
import { EventsMessage, PodEvent, StatefulSetEvent, StatefulSetListEvent } from './statefulset-live.model';

const SSE =
  'Server-Sent Events: each `event: change` carries one message as JSON (its `id` is the cursor to resume after); an `event: error` (the REST error body) ends the stream';

/** A change stream's route: its summary, the project permission, and the event-stream answer it documents. */
function Stream(path: string, summary: string, type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    Get(path),
    Operation(summary),
    Access.project(Permission.WORKLOADS_VIEW),
    ApiProduces('text/event-stream'),
    ApiOkResponse({ description: SSE, type }),
  );
}

/** REST's change streams (the GraphQL subscriptions' twins), under `watch/` so no name can shadow them. */
@ApiTags('statefulsets')
@ApiErrors(ErrorCode.EXPIRED, ErrorCode.TOO_MANY_REQUESTS)
@Controller('projects/:project/watch')
export class StatefulSetStreamsController {
  constructor(
    private readonly streams: EventStreams,
    private readonly statefulSets: StatefulSetFeeds,
    private readonly pods: PodFeeds,
  ) {}

  @Stream(
    'statefulsets',
    'Follow the list of StatefulSets: every match first, then what is added, changed or removed',
    StatefulSetListEvent,
  )
  list(
    @Query() query: WatchStatefulSetsQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentProject() access: ProjectAccess,
  ): Promise<void> {
    const after = checkCursor(EventStreams.cursorOf(req, query.after));
    const filter = { name: query.name, labelSelector: query.labelSelector, status: query.status };
    const feed = this.statefulSets.list(access, filter, after);
    return this.streams.send(req, res, access, Permission.WORKLOADS_VIEW, feed);
  }

  @Stream(
    'statefulsets/:name',
    'Follow one StatefulSet: its current state, then each change',
    StatefulSetEvent,
  )
  detail(
    @NameParam('name', 'statefulSet') name: string,
    @Query() query: WatchQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentProject() access: ProjectAccess,
  ): Promise<void> {
    const feed = this.statefulSets.detail(access, name, checkCursor(EventStreams.cursorOf(req, query.after)));
    return this.streams.send(req, res, access, Permission.WORKLOADS_VIEW, feed);
  }

  @Stream('pods/:pod', 'Follow one pod’s status: its current state, then each change', PodEvent)
  pod(
    @NameParam('pod', 'pod') pod: string,
    @Query() query: WatchQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentProject() access: ProjectAccess,
  ): Promise<void> {
    const feed = this.statefulSets.pod(access, pod, checkCursor(EventStreams.cursorOf(req, query.after)));
    return this.streams.send(req, res, access, Permission.WORKLOADS_VIEW, feed);
  }

  @Stream(
    'events',
    'Follow the project’s events: the most recent first, then each new or repeated one',
    EventsMessage,
  )
  events(
    @Query() query: WatchEventsQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentProject() access: ProjectAccess,
  ): Promise<void> {
    const object = { kind: checkedKind(query.kind), name: query.name };
    const feed = this.pods.events(access, object, checkCursor(EventStreams.cursorOf(req, query.after)));
    return this.streams.send(req, res, access, Permission.WORKLOADS_VIEW, feed);
  }
}
