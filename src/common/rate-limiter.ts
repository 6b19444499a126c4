import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from './errors/domain-error';
import { ErrorCode } from './errors/error-code';

/**
 * At most `limit` events per key in each window of `windowMs`, counted in this replica's memory by
 * rate-limiter-flexible (one counter per key, expiring with its window, rather than a timestamp per
 * event). Over the limit: TOO_MANY_REQUESTS with the seconds until the window ends. Every budget of
 * Berth's (requests, image inspections, subscriptions started) is one of these.
 */
export class RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(
    limit: number,
    windowMs: number,
    private readonly what: string,
  ) {
    this.limiter = new RateLimiterMemory({
      points: limit,
      duration: Math.max(1, Math.round(windowMs / 1000)),
    });
  }

  async take(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `Too many ${this.what}; try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
  }
}
