import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_COLOURS, STATUS_COLOURS, TONE_COLOURS, COLOURS } from '../../electron/core/exports/style';
import { excelDate, poundsValue } from '../../electron/core/exports/cells';
import { penceToPoundsString } from '../../shared/domain/money';

const css = fs.readFileSync(path.resolve('renderer/src/styles.css'), 'utf8');
const root = css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root')));
const cssVar = (name: string) => {
  const m = new RegExp(`--${name}:\\s*#([0-9a-fA-F]{6})`).exec(root);
  if (!m) throw new Error(`--${name} is not in styles.css :root`);
  return m[1]!.toUpperCase();
};

describe('the workbook colours are the app’s', () => {
  it('grade tones match styles.css :root', () => {
    for (const tone of ['best', 'good', 'mid', 'poor'] as const) {
      expect(TONE_COLOURS[tone].ink, tone).toBe(cssVar(tone));
      expect(TONE_COLOURS[tone].fill, tone).toBe(cssVar(`${tone}-soft`));
    }
    expect(TONE_COLOURS.neutral).toEqual({ ink: cssVar('ink-soft'), fill: cssVar('neutral-soft') });
    expect(COLOURS.brand).toBe(cssVar('brand'));
    expect(COLOURS.brandSoft).toBe(cssVar('brand-soft'));
  });

  it('status and profile colours match the app’s chips and bars', () => {
    expect(STATUS_COLOURS['on track']).toEqual({ ink: cssVar('brand'), fill: cssVar('brand-soft') });
    expect(STATUS_COLOURS.behind).toEqual({ ink: cssVar('poor'), fill: cssVar('poor-soft') });
    const tone = (cls: string) => {
      const m = new RegExp(`\\.tone-${cls} \\{ --tone: #([0-9a-f]{6}); --tone-soft: #([0-9a-f]{6}); \\}`, 'i').exec(css);
      if (!m) throw new Error(`.tone-${cls} not found`);
      return { ink: m[1]!.toUpperCase(), fill: m[2]!.toUpperCase() };
    };
    expect(PROFILE_COLOURS['Not judged (2024–25)']).toEqual(tone('interim'));
    expect(PROFILE_COLOURS['Report card']).toEqual(tone('card'));
    expect(PROFILE_COLOURS['No inspection']).toEqual(tone('none'));
  });
});

describe('cell values', () => {
  it('money: the number is the one the exact decimal text names, for awkward amounts too', () => {
    for (const p of [0, 1, 10, 99, 3_858_977, 123_456_789, -1_200, 3_289_77, 2_361_60, 9_007_199_254_740_99]) {
      expect(poundsValue(p)).toBe(Number(penceToPoundsString(p)));
      expect(poundsValue(p).toFixed(2)).toBe(penceToPoundsString(p));
    }
  });

  it('dates: UTC midnight of the day, whatever the time zone; bad dates refused', () => {
    expect(excelDate('2026-11-23').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(excelDate('2026-11-23T18:30:00Z').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(() => excelDate('2026-02-30')).toThrow(/not a real calendar date/);
    expect(() => excelDate('23/11/2026')).toThrow(/not a date/);
  });
});
