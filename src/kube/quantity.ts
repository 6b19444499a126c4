/**
 * Kubernetes resource quantities ("500m", "1.5", "128Mi", "1e3", "2G"), as the API server accepts
 * them. Parsed to a number only to compare requests with limits; the original string is what Berth
 * stores and returns.
 */
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

export function isQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

/** The quantity's value in base units (cores, bytes), or NaN when it is not a quantity. */
export function parseQuantity(value: string): number {
  const match = QUANTITY.exec(value);
  if (!match) return Number.NaN;
  const [, number, suffix, exponent] = match;
  if (exponent !== undefined) return Number(number) * 10 ** Number(exponent);
  return Number(number) * SUFFIX[suffix ?? ''];
}

export const QUANTITY_MESSAGE = 'must be a Kubernetes quantity such as 500m, 2, 128Mi or 1Gi';
