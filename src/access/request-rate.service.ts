import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Principal } from '../iam/principal';

/**
 * The API-wide budget of signed-in requests: so many per minute for each user, and for each API
 * token on its own (automation gets a smaller share than the person it acts for). Counted once per
 * HTTP request in this replica's memory: N replicas allow N times the budget, which keeps a
 * network round trip off every request (ADR 12). rate-limiter-flexible keeps one counter per key.
 */
@Injectable()
export class RequestRates {
  private readonly perUser: RateLimiterMemory | null;
  private readonly perToken: RateLimiterMemory | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { perUser, perToken } = config.requestRate;
    this.perUser = perUser > 0 ? new RateLimiterMemory({ points: perUser, duration: 60 }) : null;
    this.perToken = perToken > 0 ? new RateLimiterMemory({ points: perToken, duration: 60 }) : null;
  }

  get enabled(): boolean {
    return this.perUser !== null || this.perToken !== null;
  }

  /** Takes one request from the caller's budgets; TOO_MANY_REQUESTS (with Retry-After) when one is spent. */
  async take(principal: Principal): Promise<void> {
    await consume(this.perUser, `user:${principal.username}`, 'this user');
    if (principal.tokenId) await consume(this.perToken, principal.tokenId, 'this API token');
  }
}

async function consume(limiter: RateLimiterMemory | null, key: string, who: string): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new DomainError(
      ErrorCode.TOO_MANY_REQUESTS,
      `Too many requests from ${who}; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
}
