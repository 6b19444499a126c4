import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/** Counts open live connections (WebSockets and REST streams) per user and in all, on this replica. */
@Injectable()
export class LiveConnections {
  private readonly perUser = new Map<string, number>();
  private total = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Admits one more connection of `username`, or throws TOO_MANY_REQUESTS; returns its release. */
  admit(username: string): () => void {
    const { maxPerUser, maxConnections } = this.config.live;
    const mine = this.perUser.get(username) ?? 0;
    if (mine >= maxPerUser)
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `At most ${maxPerUser} live connections per user: close one first`,
      );
    if (this.total >= maxConnections)
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        'Too many live connections on this server: retry later',
      );
    this.perUser.set(username, mine + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.perUser.get(username) ?? 1) - 1;
      if (left > 0) this.perUser.set(username, left);
      else this.perUser.delete(username);
    };
  }

  /** Open connections now (for metrics and tests). */
  get open(): number {
    return this.total;
  }
}
