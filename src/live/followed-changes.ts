import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Informer, KubeObject } from '../kube';
import { ChangeBatcher } from './change-batcher';

/** One kind a feed follows, and which of the feed's keys (e.g. StatefulSet names) a change of it touches. */
export interface FollowedKind<T extends KubeObject = KubeObject> {
  informer: Informer<T>;
  /** `key` is the object's `namespace/name`; `object` is undefined for one no longer held. */
  keysOf(key: string, object: T | undefined): readonly string[];
}

/** A FollowedKind of a particular kind (the informer's type erased where kinds are mixed). */
export function followedKind<T extends KubeObject>(
  informer: Informer<T>,
  keysOf: (key: string, object: T | undefined) => readonly string[],
): FollowedKind {
  return {
    informer: informer as unknown as Informer<KubeObject>,
    keysOf: (key, object) => keysOf(key, object as T | undefined),
  };
}

export interface Followed {
  /** The keys changed after the resume cursor (empty without one). */
  resumed: string[];
  /** Where the feed stands: a cursor to resume after (the highest resourceVersion its kinds have seen). */
  cursor(): string;
  /**
   * Sends the first state with the cursor taken before it is read (so no change is missed), then
   * lets the batches of changes through; if it fails, following stops. Answers the stop function.
   */
  first(send: (cursor: string) => Promise<void>): Promise<() => void>;
  stop(): void;
}

/** A resourceVersion given as a cursor: digits only (etcd's revisions), else the field is named. */
export function checkCursor(after: string | undefined | null, field = 'after'): string | undefined {
  if (after === undefined || after === null || after === '') return undefined;
  if (!/^\d{1,30}$/.test(after))
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be a resourceVersion from an earlier message`,
      {
        fields: [{ path: field, message: 'must be a resourceVersion (digits) from an earlier message' }],
      },
    );
  return after;
}

/**
 * Follows changes of some cached kinds as the keys a feed is made of, in batches (ChangeBatcher:
 * one per window, the first at once), held until the feed's first state is sent (`first`). With `after`, the keys changed since that cursor come first,
 * or EXPIRED when it is older than the informers remember. The kinds must be synced.
 */
export function followChanges(
  kinds: readonly FollowedKind[],
  options: {
    windowMs: number;
    after?: string;
    batch: (keys: string[]) => Promise<void>;
    failed: (error: unknown) => void;
  },
): Followed {
  if (kinds.some((k) => !k.informer.synced))
    throw new DomainError(ErrorCode.UNAVAILABLE, 'Live updates are starting: retry in a moment');
  const resumed = new Set<string>();
  if (options.after !== undefined) {
    for (const kind of kinds) {
      const changed = kind.informer.changedSince(options.after);
      if (changed === null)
        throw new DomainError(
          ErrorCode.EXPIRED,
          `Changes after ${options.after} are no longer known: subscribe again without a cursor`,
        );
      for (const key of changed)
        for (const k of kind.keysOf(key, objectAt(kind.informer, key))) resumed.add(k);
    }
  }
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const batcher = new ChangeBatcher<string>(
    options.windowMs,
    async (keys) => {
      await opened;
      await options.batch(keys);
    },
    options.failed,
  );
  const stops = kinds.map((kind) =>
    kind.informer.onChange((change) => {
      const key = `${change.object.metadata?.namespace ?? ''}/${change.object.metadata?.name ?? ''}`;
      for (const k of kind.keysOf(key, change.type === 'DELETED' ? undefined : change.object)) batcher.add(k);
    }),
  );
  const cursor = () => highest(kinds.map((k) => k.informer.resourceVersion));
  const stop = () => {
    for (const unsubscribe of stops) unsubscribe();
    batcher.stop();
  };
  return {
    resumed: [...resumed],
    cursor,
    first: async (send) => {
      try {
        await send(cursor());
      } catch (error) {
        stop();
        throw error;
      }
      open();
      return stop;
    },
    stop,
  };
}

function objectAt<T extends KubeObject>(informer: Informer<T>, key: string): T | undefined {
  const slash = key.indexOf('/');
  return informer.get(key.slice(0, slash) || undefined, key.slice(slash + 1));
}

function highest(versions: readonly string[]): string {
  let best: bigint | null = null;
  for (const v of versions) {
    if (!/^\d{1,30}$/.test(v)) continue;
    const n = BigInt(v);
    if (best === null || n > best) best = n;
  }
  return best === null ? '' : String(best);
}
