import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventStreams } from './event-stream';
import { LiveConnections } from './live-connections';
import { LiveFeeds } from './live-feeds.service';
import { LiveServer } from './live-server';

/** Subscriptions and change streams: the WebSocket endpoint, connection limits, feeds and their access checks. */
@Global()
@Module({
  imports: [AuthModule],
  providers: [LiveConnections, LiveFeeds, LiveServer, EventStreams],
  exports: [LiveConnections, LiveFeeds, EventStreams],
})
export class LiveModule {}
