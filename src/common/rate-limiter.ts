import { DomainError } from './errors/domain-error';
import { ErrorCode } from './errors/error-code';

/**
 * At most `limit` events per key in any `windowMs`, counted in this replica's memory (a sliding
 * window of timestamps). Over the limit: TOO_MANY_REQUESTS with the seconds until one frees up.
 */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly what: string,
  ) {}

  take(key: string): void {
    const now = Date.now();
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000));
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `Too many ${this.what}; try again in ${retryAfterSeconds} s`,
        {
          retryAfterSeconds,
        },
      );
    }
    recent.push(now);
    this.events.set(key, recent);
    if (this.events.size > 10_000) this.forgetIdle(now);
  }

  private forgetIdle(now: number): void {
    for (const [key, times] of this.events)
      if (times.every((t) => now - t >= this.windowMs)) this.events.delete(key);
  }
}
