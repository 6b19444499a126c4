/**
 * At most `budget` password checks in flight per key (a username from one address) in this replica,
 * where the budget is what the failure counts still allow. The rest wait their turn, and re-read the
 * budget when it comes: 24 parallel wrong passwords check 5, then meet the lock; 100 parallel right
 * ones all get through, a few at a time. A queue that grows beyond `maxWaiting` is refused.
 */
export class AttemptGate {
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Attempts finished per key, ever (while the key is in use): what a budget read may not show yet. */
  private readonly finished = new Map<string, number>();
  /** Budget reads in progress per key. */
  private readonly reading = new Map<string, number>();

  constructor(private readonly maxWaiting = 200) {}

  /** Resolves with a release function once this attempt may go on; `budget` throws to refuse it. */
  async enter(key: string, budget: () => Promise<number>, overflow: () => Error): Promise<() => void> {
    for (let woken = false; ; woken = true) {
      let allowed: number;
      const finishedBefore = this.finished.get(key) ?? 0;
      this.reading.set(key, (this.reading.get(key) ?? 0) + 1);
      try {
        allowed = await budget();
      } catch (error) {
        // Refused (a lock): the turn this one was given passes to the next in line.
        this.doneReading(key);
        if (woken) this.wakeNext(key);
        this.forgetIfIdle(key);
        throw error;
      }
      this.doneReading(key);
      // Attempts that finished while the budget was read may have spent it (a failure each) without
      // the answer showing it: count them as spent, or the gate lets one more through per such race.
      const spentMeanwhile = (this.finished.get(key) ?? 0) - finishedBefore;
      const running = this.inFlight.get(key) ?? 0;
      if (running < Math.max(1, allowed - spentMeanwhile)) {
        if (spentMeanwhile === 0 || running < allowed - spentMeanwhile) {
          this.inFlight.set(key, running + 1);
          return () => this.release(key);
        }
        // The budget may be spent by what finished meanwhile, and nothing runs: read it again.
        continue;
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
    this.finished.set(key, (this.finished.get(key) ?? 0) + 1);
    this.wakeNext(key);
    this.forgetIfIdle(key);
  }

  private doneReading(key: string): void {
    const reads = (this.reading.get(key) ?? 1) - 1;
    if (reads > 0) this.reading.set(key, reads);
    else this.reading.delete(key);
  }

  /** A key nobody uses any more keeps nothing (the counter only matters while budgets are read). */
  private forgetIfIdle(key: string): void {
    if (!this.inFlight.has(key) && !this.waiting.has(key) && !this.reading.has(key)) {
      this.finished.delete(key);
    }
  }

  private wakeNext(key: string): void {
    const queue = this.waiting.get(key);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.waiting.delete(key);
    next?.();
  }
}
