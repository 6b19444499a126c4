import { Module } from '@nestjs/common';
import { PodsService } from './pods.service';
import { RevisionsService } from './revisions.service';
import { StatefulSetQueries } from './statefulset-queries.service';
import { StatefulSetsController } from './statefulsets.controller';
import { PodsResolver, StatefulSetsResolver } from './statefulsets.resolver';
import { StatefulSetsService } from './statefulsets.service';

@Module({
  controllers: [StatefulSetsController],
  providers: [
    StatefulSetsService,
    StatefulSetQueries,
    RevisionsService,
    PodsService,
    StatefulSetsResolver,
    PodsResolver,
  ],
  exports: [PodsService],
})
export class StatefulSetsModule {}
