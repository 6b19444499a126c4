import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type DestinationStream } from 'pino';

/**
 * The whole e2e run's log, and the secrets the run used, for test/log-secrets.run-spec.ts to grep
 * after the run: every test app logs into one file (unless a test reads its own lines), and the
 * helpers that sign in, issue tokens or write Secrets note each value. Both emptied by the e2e global
 * setup.
 */
export const RUN_LOG_FILE = join(tmpdir(), 'berth-e2e-run.log');
export const USED_SECRETS_FILE = join(tmpdir(), 'berth-e2e-secrets.jsonl');

export interface UsedSecret {
  kind: string;
  value: string;
}

let destination: DestinationStream | undefined;

/** This worker's writer into the run's log (synchronous: no line is lost when the worker exits). */
export function runLog(): DestinationStream {
  return (destination ??= pino.destination({ dest: RUN_LOG_FILE, append: true, sync: true }));
}

/**
 * Notes a secret the run sent or was given. Values shorter than 8 characters are skipped: `v` or
 * `pw-1` would also match unrelated text, and no password or token is that short.
 */
export function recordSecret(kind: string, value: string | undefined | null): void {
  if (!value || value.length < 8) return;
  appendFileSync(USED_SECRETS_FILE, `${JSON.stringify({ kind, value } satisfies UsedSecret)}\n`);
}
