import fc from 'fast-check';
import { isQuantity, parseQuantity } from './quantity';

describe('Kubernetes quantities', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1.5', 1.5],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['2G', 2e9],
    ['1e3', 1000],
    ['100k', 1e5],
    ['250u', 250e-6],
  ])('%s = %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 12);
  });

  it.each(['', 'abc', '1 Gi', '1GB', '--1', 'Mi', '1.2.3', '1mi'])('%p is not a quantity', (text) => {
    expect(isQuantity(text)).toBe(false);
    expect(parseQuantity(text)).toBeNaN();
  });

  it('binary suffixes order as their values do', () => {
    const suffixes = ['Ki', 'Mi', 'Gi', 'Ti'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1023 }), fc.integer({ min: 0, max: 2 }), (n, i) => {
        expect(parseQuantity(`${n}${suffixes[i]}`)).toBeLessThan(parseQuantity(`${n}${suffixes[i + 1]}`));
      }),
    );
  });

  it('milli-units compare as fractions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (m) => {
        expect(parseQuantity(`${m}m`)).toBeCloseTo(m / 1000, 9);
      }),
    );
  });
});
