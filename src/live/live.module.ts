import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventStreams } from './event-stream';
import { LiveConnections } from './live-connections';
import { LiveFeeds } from './live-feeds.service';
import { LiveServer } from './live-server';
import { UpgradeRouter } from './upgrade-router';

/** Subscriptions and change streams: the WebSocket endpoint, connection limits, feeds and their access checks. */
@Global()
@Module({
  imports: [AuthModule],
  providers: [LiveConnections, LiveFeeds, LiveServer, EventStreams, UpgradeRouter],
  exports: [LiveConnections, LiveFeeds, EventStreams, UpgradeRouter],
})
export class LiveModule {}
