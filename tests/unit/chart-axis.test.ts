import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { axisPounds, roundMoneyTicks } from '../../renderer/src/charts/money-axis';

const ROUND = [1, 2, 2.5, 5];

/** Is a step (pence) a round number of pounds: 1, 2, 2.5 or 5 times a power of ten? */
function isRound(stepPence: number): boolean {
  const pounds = stepPence / 100;
  const power = 10 ** Math.floor(Math.log10(pounds));
  return ROUND.some((f) => Math.abs(f * power - pounds) < 1e-9 * pounds);
}

describe('chart axes on round numbers', () => {
  it('count in round steps of pounds from 0 to just past the largest figure', () => {
    // A few pence still count in whole pounds.
    expect(roundMoneyTicks(-4, 9)).toEqual([-100, 0, 100]);
    // Aspire Hub's £38,589.77: £0 to £40k in £10k steps (not £9.6k, £19.3k…).
    expect(roundMoneyTicks(0, 3_858_977)).toEqual([0, 1_000_000, 2_000_000, 3_000_000, 4_000_000]);
    expect(roundMoneyTicks(0, 3_858_977).map(axisPounds)).toEqual(['£0', '£10k', '£20k', '£30k', '£40k']);
    expect(roundMoneyTicks(0, 1_000_000).map(axisPounds)).toEqual(['£0', '£2k', '£4k', '£6k', '£8k', '£10k']);
    expect(roundMoneyTicks(-250_000, 1_000_000).map(axisPounds)).toEqual(['−£2.5k', '£0', '£2.5k', '£5k', '£7.5k', '£10k']);
    expect(roundMoneyTicks(0, 38_000).map(axisPounds)).toEqual(['£0', '£100', '£200', '£300', '£400']);
  });

  it('always: ticks evenly spaced by a round step, the first at or below both 0 and the smallest figure, the last at or above the largest, at most 7', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000_000, max: 0 }), fc.integer({ min: 1, max: 5_000_000_000 }), (min, max) => {
        const ticks = roundMoneyTicks(min, max);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(8);
        expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, min));
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
        expect(ticks).toContain(0);
        const step = ticks[1]! - ticks[0]!;
        expect(isRound(step)).toBe(true);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBe(step);
        // Not needlessly far past the figures: within one step of them.
        expect(ticks[ticks.length - 1]! - max).toBeLessThan(step);
      }),
    );
  });

  it('label ticks without needless decimals', () => {
    expect(axisPounds(1_250_000)).toBe('£12.5k');
    expect(axisPounds(4_000_000)).toBe('£40k');
    expect(axisPounds(250_000_000)).toBe('£2.5m');
    expect(axisPounds(-50_000)).toBe('−£500');
  });
});
