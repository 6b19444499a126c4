import { kubeErrorToDomain, MAX_ATTEMPTS, retryDelayMs } from './kube-errors';
import type { WriteOptions } from './kube-types';

/** Marks a call as a read: a dropped connection may then be tried again (a write might have landed). */
export const READ = true;

/**
 * One call to the API server; failures become domain errors. A transient failure is tried again
 * (`retryDelayMs`: a 429 for any call, a dropped connection for a `read`).
 */
export async function call<T>(request: () => Promise<T>, read = false): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const delay = attempt < MAX_ATTEMPTS ? retryDelayMs(error, read) : null;
      if (delay === null) throw kubeErrorToDomain(error);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export function dryRun(options: WriteOptions): string | undefined {
  return options.dryRun ? 'All' : undefined;
}
