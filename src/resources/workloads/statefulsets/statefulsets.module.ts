import { Module } from '@nestjs/common';
import { PodFeeds } from './pod-feeds.service';
import { PodsService } from './pods.service';
import { StatefulSetFeeds } from './statefulset-feeds.service';
import { StatefulSetSubscriptionsResolver } from './statefulset-subscriptions.resolver';
import { RevisionsService } from './revisions.service';
import { StatefulSetQueries } from './statefulset-queries.service';
import { StatefulSetsController } from './statefulsets.controller';
import { StatefulSetStreamsController } from './statefulset-streams.controller';
import { PodsResolver, StatefulSetsResolver } from './statefulsets.resolver';
import { StatefulSetsService } from './statefulsets.service';

@Module({
  controllers: [StatefulSetsController, StatefulSetStreamsController],
  providers: [
    StatefulSetsService,
    StatefulSetQueries,
    RevisionsService,
    PodsService,
    StatefulSetsResolver,
    PodsResolver,
    StatefulSetFeeds,
    PodFeeds,
    StatefulSetSubscriptionsResolver,
  ],
  exports: [PodsService, StatefulSetQueries, RevisionsService],
})
export class StatefulSetsModule {}
