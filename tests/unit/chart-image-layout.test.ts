import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { axisPounds, roundMoneyTicks } from '../../renderer/src/charts/money-axis';
import { layoutBarChart, wrapLabel, type BarChartSpec, type DrawOp } from '../../renderer/src/charts/image/bar-chart-layout';

/** A stand-in for canvas text measuring: 7 px a character. */
const measure = (text: string) => text.length * 7;

const texts = (ops: DrawOp[], role: string) => ops.filter((o): o is Extract<DrawOp, { kind: 'text' }> => o.kind === 'text' && o.role === role).map((o) => o.text);
const bars = (ops: DrawOp[]) => ops.filter((o): o is Extract<DrawOp, { kind: 'rect' }> => o.kind === 'rect' && o.series !== undefined);

const aspire: BarChartSpec = {
  title: 'Planned and claimed by network category',
  subtitle: 'Aspire Hub · 2026/27',
  categories: ['Workshops and events', 'Staff training', 'Research projects', 'Hub administration', 'School-to-school support'],
  series: [
    { name: 'Planned', colour: '#9cc9d1', values: [1_200_000, 850_050, 0, 300_000, 1_508_977] },
    { name: 'Claimed', colour: '#0b5d6b', values: [600_000, 850_050, 0, 120_000, 0] },
  ],
  width: 760,
};

describe('the workbook chart picture', () => {
  it('says what it is, whose and which year, with a legend entry per series and a label per category', () => {
    const layout = layoutBarChart(aspire, measure);
    expect(texts(layout.ops, 'title')).toEqual(['Planned and claimed by network category']);
    expect(texts(layout.ops, 'subtitle')).toEqual(['Aspire Hub · 2026/27']);
    expect(texts(layout.ops, 'legend')).toEqual(['Planned', 'Claimed']);
    expect(texts(layout.ops, 'category')).toEqual(aspire.categories);
    expect(texts(layout.ops, 'tick')[0]).toBe('£0');
  });

  it('draws each figure of the table as a bar whose length is its share of the axis, nothing for a zero', () => {
    const layout = layoutBarChart(aspire, measure);
    const drawn = bars(layout.ops);
    expect(drawn).toHaveLength(aspire.series.flatMap((s) => s.values).filter((v) => v > 0).length);
    const planned = drawn.filter((b) => b.series === 0);
    // Staff training planned 850,050p and claimed 850,050p: the same length.
    const staff = drawn.filter((b) => b.category === 1);
    expect(staff[0]!.w).toBeCloseTo(staff[1]!.w, 6);
    // Lengths are proportional to the figures.
    const perPenny = planned[0]!.w / 1_200_000;
    for (const b of drawn) expect(b.w).toBeCloseTo(aspire.series[b.series!]!.values[b.category!]! * perPenny, 6);
    expect(layout.axisMaxPence).toBeGreaterThanOrEqual(1_508_977);
  });

  it('for any figures: every positive figure has one bar, proportional, inside the picture; the axis covers the largest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 12 }).chain((categories) =>
          fc.record({
            categories: fc.constant(categories),
            series: fc.array(fc.array(fc.integer({ min: 0, max: 5_000_000_000 }), { minLength: categories.length, maxLength: categories.length }), { minLength: 1, maxLength: 4 }),
          }),
        ),
        ({ categories, series }) => {
          const spec: BarChartSpec = { title: 't', subtitle: 's', categories, series: series.map((values, i) => ({ name: `S${i}`, colour: '#000', values })), width: 760 };
          const layout = layoutBarChart(spec, measure);
          const drawn = bars(layout.ops);
          expect(drawn).toHaveLength(series.flat().filter((v) => v > 0).length);
          const max = Math.max(0, ...series.flat());
          expect(layout.axisMaxPence).toBeGreaterThanOrEqual(max);
          const widest = Math.max(0, ...drawn.map((b) => b.w));
          for (const b of drawn) {
            expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
            expect(b.y + b.h).toBeLessThanOrEqual(layout.height);
            if (max > 0) expect(b.w / widest).toBeCloseTo(series[b.series!]![b.category!]! / max, 6);
          }
        },
      ),
    );
  });

  it('the axis ticks are those of the screens\' money axes for the same figures (round steps, whole pounds at least)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 6 }), (values) => {
        const layout = layoutBarChart({ title: 't', subtitle: 's', categories: values.map((_, i) => `C${i}`), series: [{ name: 'S', colour: '#000', values }], width: 760 }, measure);
        const ticks = texts(layout.ops, 'tick');
        const expected = roundMoneyTicks(0, Math.max(...values));
        expect(ticks).toEqual(expected.map(axisPounds));
        expect(layout.axisMaxPence).toBe(expected[expected.length - 1]);
      }),
    );
  });

  it('a long category name wraps to two lines, the second cut with an ellipsis, within the label column', () => {
    const lines = wrapLabel('Quality of provision and outcomes for disadvantaged pupils and pupils with additional needs', 140, 'x', measure);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(140);
    expect(wrapLabel('Staff training', 140, 'x', measure)).toEqual(['Staff training']);
    expect(wrapLabel('Supercalifragilisticexpialidocious', 70, 'x', measure)).toEqual(['Supercali…']);
  });
});
