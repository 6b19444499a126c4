import { AttemptGate } from './attempt-gate';

/** One attempt with a budget of one: the gate refuses a second while the first holds it. */
const enterOnce = (gate: AttemptGate, key: string) =>
  gate.enter(
    key,
    () => Promise.resolve(1),
    () => new Error('full'),
  );

describe('AttemptGate', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('lets at most the budget in at once; the rest wait their turn', async () => {
    const gate = new AttemptGate();
    const releases: (() => void)[] = [];
    let entered = 0;
    const attempts = Array.from({ length: 6 }, () =>
      gate
        .enter(
          'k',
          () => Promise.resolve(2),
          () => new Error('full'),
        )
        .then((release) => {
          entered++;
          releases.push(release);
        }),
    );
    await tick();
    expect(entered).toBe(2);
    releases.shift()!();
    await tick();
    expect(entered).toBe(3);
    while (entered < 6) {
      releases.shift()!();
      await tick();
    }
    await Promise.all(attempts);
  });

  it('when the budget runs out, every waiter is refused in turn (none is left waiting)', async () => {
    const gate = new AttemptGate();
    let failures = 0;
    const budget = () =>
      failures >= 2 ? Promise.reject(new Error('locked')) : Promise.resolve(2 - failures);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, async () => {
        const release = await gate.enter('k', budget, () => new Error('full'));
        await tick();
        failures++;
        release();
      }),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
    expect(refusals).toEqual(Array<string>(6).fill('Error: locked'));
  });

  it('a budget read while others finish never lets more through than the budget allows', async () => {
    // The budget is read from the cluster, which takes time; attempts that finish meanwhile have
    // spent budget the answer does not show yet. Five failures lock; nothing may check a sixth.
    const gate = new AttemptGate();
    const max = 5;
    let failures = 0;
    let checked = 0;
    const slowBudget = async () => {
      const seen = failures;
      for (let i = 0; i < 3; i++) await tick();
      return seen >= max ? Promise.reject(new Error('locked')) : max - seen;
    };
    await Promise.allSettled(
      Array.from({ length: 24 }, async () => {
        const release = await gate.enter('k', slowBudget, () => new Error('full'));
        checked++;
        await tick();
        failures++;
        release();
      }),
    );
    expect(checked).toBe(max);
  });

  it('refuses beyond the longest queue it keeps', async () => {
    const gate = new AttemptGate(1);
    await enterOnce(gate, 'k');
    void enterOnce(gate, 'k');
    await expect(enterOnce(gate, 'k')).rejects.toThrow('full');
  });

  it('keys are independent', async () => {
    const gate = new AttemptGate();
    await enterOnce(gate, 'a');
    await expect(enterOnce(gate, 'b')).resolves.toBeInstanceOf(Function);
  });
});
