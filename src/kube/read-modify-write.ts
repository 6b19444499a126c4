import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

/**
 * Read-modify-write with optimistic concurrency: `mutate` gets the current object and returns the
 * object to write (or undefined to leave it). A concurrent change (CONFLICT) re-reads and re-applies,
 * so no update is lost; `mutate` may throw to abort. `pause` runs between attempts.
 */
export async function readModifyWrite<T>(
  io: { read(): Promise<T>; write(next: T): Promise<T> },
  mutate: (current: T) => T | undefined,
  attempts: number,
  pause: (attempt: number) => Promise<void>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = await io.read();
    const next = mutate(current);
    if (next === undefined) return current;
    try {
      return await io.write(next);
    } catch (error) {
      const conflict = error instanceof DomainError && error.code === ErrorCode.CONFLICT;
      if (!conflict || attempt >= attempts) throw error;
      await pause(attempt);
    }
  }
}
