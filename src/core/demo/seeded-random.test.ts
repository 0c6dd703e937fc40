import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoRandom, SeededRandom } from './seeded-random.ts';

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, ((random) => () => random.next())(new SeededRandom(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps every draw inside its range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }), (seed, min, span) => {
        const random = new SeededRandom(seed);
        for (let index = 0; index < 50; index += 1) {
          const unit = random.next();
          expect(unit).toBeGreaterThanOrEqual(0);
          expect(unit).toBeLessThan(1);
          const whole = random.int(min, min + span);
          expect(whole).toBeGreaterThanOrEqual(min);
          expect(whole).toBeLessThanOrEqual(min + span);
          expect(Number.isInteger(whole)).toBe(true);
        }
      }),
    );
  });

  it('never picks an item of zero weight and follows the weights roughly', () => {
    const random = new SeededRandom(7);
    const counts = { a: 0, b: 0, never: 0 };
    for (let index = 0; index < 10_000; index += 1) counts[random.weighted([['a', 3], ['b', 1], ['never', 0]] as const)] += 1;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it('draws normal values with about the asked mean and spread', () => {
    const random = new SeededRandom(3);
    const values = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);
  });

  it('gives independent, reproducible streams per part of the demo', () => {
    expect(demoRandom(1, 'leads').next()).toBe(demoRandom(1, 'leads').next());
    expect(demoRandom(1, 'leads').next()).not.toBe(demoRandom(1, 'accounts').next());
    expect(demoRandom(1, 'leads').next()).not.toBe(demoRandom(2, 'leads').next());
  });

  it('shuffles without losing or adding items', () => {
    const items = Array.from({ length: 30 }, (_, index) => index);
    const shuffled = new SeededRandom(9).shuffled(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
