import { LOGIN_ATTEMPTS } from './resources';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { nameProblem } from '../common/validation/names';
import { KubeClient } from '../kube';
import { CREDENTIAL_LABELS, LoginAttemptsResource } from './account.resource';
import { sha256Hex } from './hashing';
import { IAM_API_VERSION } from './api-groups';

export interface Attempts {
  failures: number;
  /** Epoch ms until which sign-in is refused, or 0. */
  lockedUntil: number;
}

export interface AttemptRules {
  /** Failures in one window before the lock. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const NONE: Attempts = { failures: 0, lockedUntil: 0 };

/** The rules for one username from one address, and for one username from all addresses. */
export function attemptRules(config: {
  loginMaxFailures: number;
  loginMaxFailuresPerUser: number;
  loginLockSeconds: number;
}): { address: AttemptRules; user: AttemptRules } {
  const windowMs = config.loginLockSeconds * 1000;
  return {
    address: { maxFailures: config.loginMaxFailures, windowMs, lockMs: windowMs },
    user: { maxFailures: config.loginMaxFailuresPerUser, windowMs, lockMs: windowMs },
  };
}

/**
 * Failed sign-ins per username and client address (and per username from anywhere), in the cluster
 * so every replica counts the same failures. Every change is a compare-and-swap on the object's
 * version, retried, so parallel failures are all counted; within a replica, writes to one record are
 * queued so they do not even collide. Kept for any username, existing or not, so both answer alike.
 */
@Injectable()
export class LoginAttemptsStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly kube: KubeClient) {}

  async read(username: string, address: string | null, rules: AttemptRules): Promise<Attempts> {
    const record = await this.kube.find<LoginAttemptsResource>(
      LOGIN_ATTEMPTS.ref(recordName(username, address)),
    );
    return current(record, rules);
  }

  /** Counts one failure; the lock starts with the one that reaches the limit. */
  recordFailure(username: string, address: string | null, rules: AttemptRules): Promise<Attempts> {
    return this.update(username, address, (record) => {
      const now = Date.now();
      const counted = current(record, rules);
      const fresh = counted.failures === 0;
      const failures = counted.failures + 1;
      const lockedUntil = failures >= rules.maxFailures ? now + rules.lockMs : counted.lockedUntil;
      const spec: LoginAttemptsResource['spec'] = {
        ...(nameProblem(username, 'dns-label') ? {} : { username }),
        ...(address ? { address } : {}),
        failures,
        windowStart: fresh || !record ? new Date(now).toISOString() : record.spec.windowStart,
        ...(lockedUntil > now ? { lockedUntil: new Date(lockedUntil).toISOString() } : {}),
      };
      return { ...newRecord(username, address), ...record, spec };
    }).then((record) => current(record, rules));
  }

  /** After a successful sign-in: its address starts afresh, unless a lock was set meanwhile. */
  async reset(username: string, address: string, rules: AttemptRules): Promise<void> {
    await this.update(username, address, (record) =>
      record && current(record, rules).lockedUntil === 0 ? null : undefined,
    );
  }

  /** Lifts every lock of a username (a platform admin setting the account Active). */
  async clear(username: string): Promise<void> {
    const records = await this.list(`${CREDENTIAL_LABELS.username}=${username}`);
    await Promise.all(records.map((r) => this.deleteQuietly(r.metadata.name)));
  }

  /** The usernames with a lock in force (any address, or all). */
  async lockedUsernames(rules: AttemptRules, username?: string): Promise<Set<string>> {
    const records = await this.list(username ? `${CREDENTIAL_LABELS.username}=${username}` : undefined);
    return new Set(
      records
        .filter((r) => r.spec.username && current(r, rules).lockedUntil > 0)
        .map((r) => r.spec.username!),
    );
  }

  /** Deletes records whose window and lock are both over. */
  async sweep(rules: AttemptRules): Promise<number> {
    const stale = (await this.list()).filter((r) => {
      const { failures, lockedUntil } = current(r, rules);
      return failures === 0 && lockedUntil === 0;
    });
    await Promise.all(stale.map((r) => this.deleteQuietly(r.metadata.name)));
    return stale.length;
  }

  private async list(labelSelector?: string): Promise<LoginAttemptsResource[]> {
    return (await this.kube.list(LOGIN_ATTEMPTS, { labelSelector })).items;
  }

  /**
   * Read-modify-write of one record, creating it if absent: `mutate` returns the record to write,
   * null to delete it, or undefined to leave it. Queued per record within this replica.
   */
  private update(
    username: string,
    address: string | null,
    mutate: (record: LoginAttemptsResource | null) => LoginAttemptsResource | null | undefined,
  ): Promise<LoginAttemptsResource | null> {
    const name = recordName(username, address);
    const run = async (): Promise<LoginAttemptsResource | null> => {
      for (let attempt = 1; ; attempt++) {
        const existing = await this.kube.find(LOGIN_ATTEMPTS.ref(name));
        const next = mutate(existing);
        if (next === undefined) return existing;
        try {
          if (next === null) {
            if (existing)
              await this.kube.delete(LOGIN_ATTEMPTS.ref(name), {
                preconditions: { resourceVersion: existing.metadata.resourceVersion },
              });
            return null;
          }
          return existing ? await this.kube.replace(next) : await this.kube.create(next);
        } catch (error) {
          const raced =
            error instanceof DomainError &&
            (error.code === ErrorCode.CONFLICT || error.code === ErrorCode.NOT_FOUND);
          if (!raced || attempt >= 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        }
      }
    };
    const previous = this.queues.get(name) ?? Promise.resolve();
    const result = previous.then(run, run);
    const settled = result.catch(() => undefined);
    this.queues.set(name, settled);
    void settled.then(() => {
      if (this.queues.get(name) === settled) this.queues.delete(name);
    });
    return result;
  }

  private async deleteQuietly(name: string): Promise<void> {
    await this.kube.delete(LOGIN_ATTEMPTS.ref(name)).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === ErrorCode.NOT_FOUND)) throw error;
    });
  }
}

/** Failures still in their window and a lock still in force, as of now. */
function current(record: LoginAttemptsResource | null, rules: AttemptRules): Attempts {
  if (!record) return NONE;
  const now = Date.now();
  const lockedUntil = record.spec.lockedUntil ? Date.parse(record.spec.lockedUntil) : 0;
  const inWindow = now - Date.parse(record.spec.windowStart) < rules.windowMs;
  return { failures: inWindow ? record.spec.failures : 0, lockedUntil: lockedUntil > now ? lockedUntil : 0 };
}

/** Named by a hash: usernames come from anyone, and client addresses are not names. */
function recordName(username: string, address: string | null): string {
  return `la-${sha256Hex(`${username.toLowerCase()}\n${address ?? '*'}`).slice(0, 40)}`;
}

function newRecord(username: string, address: string | null): LoginAttemptsResource {
  const labels = nameProblem(username, 'dns-label') ? undefined : { [CREDENTIAL_LABELS.username]: username };
  return {
    apiVersion: IAM_API_VERSION,
    kind: 'LoginAttempts',
    metadata: { name: recordName(username, address), ...(labels ? { labels } : {}) },
    spec: { failures: 0, windowStart: new Date().toISOString(), ...(address ? { address } : {}) },
  };
}
