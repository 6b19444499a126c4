import { ChangeBatcher } from './change-batcher';

describe('ChangeBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends the first change at once and coalesces a burst into one batch per window', async () => {
    const batches: string[][] = [];
    const batcher = new ChangeBatcher<string>(
      100,
      (keys) => Promise.resolve(void batches.push(keys)),
      () => undefined,
    );
    batcher.add('a');
    await jest.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([['a']]);
    for (const key of ['b', 'c', 'b', 'a']) batcher.add(key);
    await jest.advanceTimersByTimeAsync(50);
    expect(batches).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(50);
    expect(batches).toEqual([['a'], ['b', 'c', 'a']]);
    batcher.stop();
    batcher.add('d');
    await jest.advanceTimersByTimeAsync(500);
    expect(batches).toHaveLength(2);
  });

  it('never overlaps batches, and reports a batch that failed', async () => {
    const failures: unknown[] = [];
    let release: () => void = () => undefined;
    const batches: string[][] = [];
    const batcher = new ChangeBatcher<string>(
      10,
      (keys) => {
        batches.push(keys);
        if (keys.includes('boom')) return Promise.reject(new Error('boom'));
        return new Promise<void>((resolve) => (release = resolve));
      },
      (error) => failures.push(error),
    );
    batcher.add('a');
    await jest.advanceTimersByTimeAsync(0);
    batcher.add('b');
    await jest.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([['a']]); // 'b' waits for 'a' to be handled
    release();
    await jest.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([['a'], ['b']]);
    release();
    batcher.add('boom');
    await jest.advanceTimersByTimeAsync(100);
    expect(failures).toHaveLength(1);
    batcher.stop();
  });
});
