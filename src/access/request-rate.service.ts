import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { RateLimiter } from '../common/rate-limiter';
import type { Principal } from '../iam/principal';

/**
 * The API-wide budget of signed-in requests: so many per minute for each user, and for each API
 * token on its own (automation gets a smaller share than the person it acts for). Counted once per
 * HTTP request in this replica's memory: N replicas allow N times the budget, which keeps a
 * network round trip off every request (ADR 12).
 */
@Injectable()
export class RequestRates {
  private readonly perUser: RateLimiter | null;
  private readonly perToken: RateLimiter | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { perUser, perToken } = config.requestRate;
    this.perUser = perUser > 0 ? new RateLimiter(perUser, 60_000, 'requests from this user') : null;
    this.perToken = perToken > 0 ? new RateLimiter(perToken, 60_000, 'requests from this API token') : null;
  }

  get enabled(): boolean {
    return this.perUser !== null || this.perToken !== null;
  }

  /** Takes one request from the caller's budgets; TOO_MANY_REQUESTS (with Retry-After) when one is spent. */
  async take(principal: Principal): Promise<void> {
    await this.perUser?.take(`user:${principal.username}`);
    if (principal.tokenId) await this.perToken?.take(principal.tokenId);
  }
}
