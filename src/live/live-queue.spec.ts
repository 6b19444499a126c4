import { LiveQueue } from './live-queue';

describe('LiveQueue', () => {
  const hooks = () => ({ overflow: jest.fn(), closed: jest.fn() });

  it('hands messages over in order, to a waiting reader at once', async () => {
    const h = hooks();
    const queue = new LiveQueue<number>(3, h);
    const waiting = queue.next();
    queue.push(1);
    queue.push(2);
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
    expect(h.overflow).not.toHaveBeenCalled();
  });

  it('gives up past its bound (what a slow reader has not taken), dropping what waited', async () => {
    const h = hooks();
    const queue = new LiveQueue<number>(2, h);
    for (const n of [1, 2, 3]) queue.push(n);
    expect(h.overflow).toHaveBeenCalledTimes(1);
    expect(h.closed).toHaveBeenCalledTimes(1);
    expect(queue.pending).toBe(0);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
    queue.push(4); // nothing after the end
    expect(queue.pending).toBe(0);
  });

  it('ends with an error after what was queued, and ends normally once drained', async () => {
    const failing = new LiveQueue<number>(5, hooks());
    failing.push(1);
    failing.fail(new Error('access lost'));
    expect(await failing.next()).toEqual({ value: 1, done: false });
    await expect(failing.next()).rejects.toThrow('access lost');
    expect(await failing.next()).toEqual({ value: undefined, done: true });

    const h = hooks();
    const ending = new LiveQueue<number>(5, h);
    ending.push(1);
    ending.end();
    expect(await ending.next()).toEqual({ value: 1, done: false });
    expect(await ending.next()).toEqual({ value: undefined, done: true });
    expect(h.closed).toHaveBeenCalledTimes(1);
  });

  it('lets the subscriber go: return() ends it and tells the feed once', async () => {
    const h = hooks();
    const queue = new LiveQueue<number>(5, h);
    const waiting = queue.next();
    await queue.return();
    await queue.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(h.closed).toHaveBeenCalledTimes(1);
  });
});
