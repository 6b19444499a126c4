/**
 * At most `budget` password checks in flight per key (a username from one address) in this replica,
 * where the budget is what the failure counts still allow. The rest wait their turn, and re-read the
 * budget when it comes: 24 parallel wrong passwords check 5, then meet the lock; 100 parallel right
 * ones all get through, a few at a time. A queue that grows beyond `maxWaiting` is refused.
 */
export class AttemptGate {
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly maxWaiting = 200) {}

  /** Resolves with a release function once this attempt may go on; `budget` throws to refuse it. */
  async enter(key: string, budget: () => Promise<number>, overflow: () => Error): Promise<() => void> {
    for (let woken = false; ; woken = true) {
      let allowed: number;
      try {
        allowed = await budget();
      } catch (error) {
        // Refused (a lock): the turn this one was given passes to the next in line.
        if (woken) this.wakeNext(key);
        throw error;
      }
      const running = this.inFlight.get(key) ?? 0;
      if (running < Math.max(1, allowed)) {
        this.inFlight.set(key, running + 1);
        return () => this.release(key);
      }
      const queue = this.waiting.get(key) ?? [];
      if (queue.length >= this.maxWaiting) throw overflow();
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        this.waiting.set(key, queue);
      });
    }
  }

  private release(key: string): void {
    const running = (this.inFlight.get(key) ?? 1) - 1;
    if (running > 0) this.inFlight.set(key, running);
    else this.inFlight.delete(key);
    this.wakeNext(key);
  }

  private wakeNext(key: string): void {
    const queue = this.waiting.get(key);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.waiting.delete(key);
    next?.();
  }
}
