import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MINUS_SIGN,
  assertPence,
  formatPence,
  isPence,
  penceToPoundsString,
  percentOf,
  poundsToPence,
  sumPence,
} from '../../shared/domain/money';

describe('formatPence', () => {
  it('shows pounds with thousands commas and two decimals', () => {
    expect(formatPence(123456)).toBe('£1,234.56');
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(5)).toBe('£0.05');
    expect(formatPence(100)).toBe('£1.00');
    expect(formatPence(3858977)).toBe('£38,589.77');
    expect(formatPence(100_000_000_00)).toBe('£100,000,000.00');
  });
  it('shows negatives with a true minus sign (U+2212) before the pound sign', () => {
    expect(formatPence(-1200)).toBe('\u2212£12.00');
    expect(formatPence(-1200)).toBe(`${MINUS_SIGN}£12.00`);
    expect(formatPence(-123456)).toBe('−£1,234.56');
  });
  it('never shows a negative zero', () => {
    expect(formatPence(-0)).toBe('£0.00');
  });
  it('refuses anything that is not a whole number of pence', () => {
    expect(() => formatPence(12.5)).toThrow(/whole number of pence/);
    expect(() => formatPence(Number.NaN)).toThrow();
    expect(() => formatPence(Number.MAX_SAFE_INTEGER + 1)).toThrow();
  });
  it('is exact for every safe integer (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (p) => {
        const shown = formatPence(p);
        expect(shown).toMatch(/^−?£\d{1,3}(,\d{3})*\.\d{2}$/);
        const digits = shown.replace(/[^\d]/g, '');
        expect(BigInt(digits)).toBe(BigInt(Math.abs(p)));
      }),
    );
  });
});

describe('penceToPoundsString', () => {
  it('writes an exact plain decimal for CSV and Excel', () => {
    expect(penceToPoundsString(123456)).toBe('1234.56');
    expect(penceToPoundsString(0)).toBe('0.00');
    expect(penceToPoundsString(7)).toBe('0.07');
    expect(penceToPoundsString(-1200)).toBe('-12.00');
  });
  it('round-trips through poundsToPence (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (p) => {
        expect(poundsToPence(penceToPoundsString(p))).toBe(p);
      }),
    );
  });
});

describe('poundsToPence', () => {
  it('parses plain decimals exactly (no binary floating point)', () => {
    expect(poundsToPence('1234.56')).toBe(123456);
    expect(poundsToPence('0.1')).toBe(10);
    expect(poundsToPence('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(poundsToPence(' 12 ')).toBe(1200);
    expect(poundsToPence('12.')).toBe(1200);
    expect(poundsToPence('.5')).toBe(50);
    expect(poundsToPence('-12.00')).toBe(-1200);
    expect(poundsToPence('−12')).toBe(-1200);
    expect(poundsToPence('+3')).toBe(300);
    expect(poundsToPence('-0')).toBe(0);
    expect(Object.is(poundsToPence('-0'), -0)).toBe(false);
  });
  it('throws on more than 2 decimal places', () => {
    expect(() => poundsToPence('1.005')).toThrow(/more than 2 decimal places/);
    expect(() => poundsToPence('0.001')).toThrow(/more than 2 decimal places/);
  });
  it('throws on anything that is not a plain number', () => {
    for (const bad of ['', 'abc', '£12', '1,234.56', '1e3', 'Infinity', 'NaN', '0x10', '12 34', '--1', '1.2.3']) {
      expect(() => poundsToPence(bad), bad).toThrow(/not an amount/);
    }
  });
  it('throws when the amount cannot be held exactly', () => {
    expect(() => poundsToPence('99999999999999999')).toThrow(/too large/);
  });
});

describe('sumPence', () => {
  it('adds exactly', () => {
    expect(sumPence([])).toBe(0);
    expect(sumPence([388777, 3470470])).toBe(3859247); // £3,887.77 + £34,704.70 = £38,592.47
    expect(sumPence([10, 20, -5])).toBe(25);
  });
  it('refuses non-pence values and overflow', () => {
    expect(() => sumPence([1, 0.5])).toThrow(/value 2/);
    expect(() => sumPence([Number.MAX_SAFE_INTEGER, 1])).toThrow(/too large/);
  });
  it('matches BigInt addition (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 })), (xs) => {
        expect(BigInt(sumPence(xs))).toBe(xs.reduce((a, b) => a + BigInt(b), 0n));
      }),
    );
  });
});

describe('percentOf', () => {
  it('gives one decimal place, rounded half up', () => {
    expect(percentOf(452, 1000)).toBe('45.2%');
    expect(percentOf(1, 2)).toBe('50.0%');
    expect(percentOf(1, 3)).toBe('33.3%');
    expect(percentOf(2, 3)).toBe('66.7%');
    expect(percentOf(1, 8)).toBe('12.5%');
    expect(percentOf(1, 16, 1)).toBe('6.3%'); // 6.25 → 6.3 (half up)
    expect(percentOf(3858977, 3858977)).toBe('100.0%');
    expect(percentOf(0, 5)).toBe('0.0%');
    expect(percentOf(150, 100, 0)).toBe('150%');
  });
  it('shows negatives with a minus sign and no negative zero', () => {
    expect(percentOf(-1, 4)).toBe('−25.0%');
    expect(percentOf(-1, 100000)).toBe('0.0%');
  });
  it('gives an em dash for a percentage of nothing', () => {
    expect(percentOf(5, 0)).toBe('—');
    expect(percentOf(0, 0)).toBe('—');
  });
});

describe('assertPence', () => {
  it('accepts safe integers and rejects everything else', () => {
    expect(() => assertPence(0)).not.toThrow();
    expect(() => assertPence(-5)).not.toThrow();
    expect(() => assertPence(Number.MAX_SAFE_INTEGER)).not.toThrow();
    for (const bad of [1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '12', null, undefined]) {
      expect(() => assertPence(bad), String(bad)).toThrow(/whole number of pence/);
    }
    expect(() => assertPence(0.1, 'the fee')).toThrow(/^the fee must be/);
    expect(isPence(3)).toBe(true);
    expect(isPence(3.1)).toBe(false);
  });
});
