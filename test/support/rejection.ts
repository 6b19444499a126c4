/** The error `promise` rejects with, which must be an `expected`; a test fails if it resolves or throws another. */
export async function rejection<E extends Error>(
  promise: Promise<unknown>,
  expected: abstract new (...args: never[]) => E,
): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof expected) return error;
    throw error;
  }
  throw new Error(`expected a ${expected.name}`);
}
