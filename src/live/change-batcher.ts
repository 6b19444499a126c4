/**
 * Coalesces bursts of changes: keys added within one window are handed over together, once. The
 * first change after a quiet window goes at once (no added latency); later ones wait for the
 * window's end, so a flood becomes one batch per window. A batch is handed over only after the
 * previous one was handled, so batches never overlap.
 */
export class ChangeBatcher<K> {
  private pending = new Set<K>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private lastFlush = 0;
  private stopped = false;

  constructor(
    private readonly windowMs: number,
    private readonly handle: (keys: K[]) => Promise<void>,
    private readonly failed: (error: unknown) => void,
  ) {}

  add(key: K): void {
    if (this.stopped) return;
    this.pending.add(key);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer || this.busy || this.pending.size === 0) return;
    const wait = Math.max(0, this.lastFlush + this.windowMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    if (this.stopped || this.pending.size === 0) return;
    const keys = [...this.pending];
    this.pending = new Set();
    this.busy = true;
    this.lastFlush = Date.now();
    try {
      await this.handle(keys);
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
      this.schedule();
    }
  }
}
