import { axisPounds, roundMoneyTicks } from '../money-axis';
import { CHART } from '../palette';

/**
 * A bar chart drawn as a picture for a workbook (no chart library, no page layout): a title, a
 * subtitle naming whose figures and which year, a legend, and for each category one horizontal bar
 * per series, all on one scale of pounds. Pure: text is measured by the function given, so the
 * layout is the same in a test as on a canvas.
 */
export interface BarChartSpec {
  title: string;
  subtitle: string;
  categories: string[];
  /** Each series' values in pence, one per category (negative values are drawn as 0). */
  series: { name: string; colour: string; values: number[] }[];
  /** Width in CSS pixels; the height follows from the number of categories and series. */
  width: number;
}

export type MeasureText = (text: string, font: string) => number;

export type DrawOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; series?: number; category?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string }
  | { kind: 'text'; x: number; y: number; text: string; font: string; fill: string; align: 'left' | 'right' | 'center'; role: 'title' | 'subtitle' | 'legend' | 'category' | 'tick' };

export interface BarChartLayout {
  width: number;
  height: number;
  ops: DrawOp[];
  /** The scale: pence at the right end of the axis. */
  axisMaxPence: number;
}

const FAMILY = "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";
export const FONTS = {
  title: `600 16px ${FAMILY}`,
  subtitle: `13px ${FAMILY}`,
  label: `12px ${FAMILY}`,
} as const;
const INK = '#1c2430';
const PAD = 16;
const BAR = 14;
const BAR_GAP = 2;
const ROW_GAP = 14;
const LABEL_MAX = 220;
const LINE = 15;

/** The label in at most two lines of `width`, the second ending in "…" when it does not fit. */
export function wrapLabel(text: string, width: number, font: string, measure: MeasureText): string[] {
  if (measure(text, font) <= width) return [text];
  const words = text.split(/\s+/);
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = first ? `${first} ${words[i]}` : words[i]!;
    if (measure(next, font) > width) break;
    first = next;
  }
  if (!first) {
    // One word longer than the column: cut it.
    return [ellipsis(text, width, font, measure)];
  }
  const rest = words.slice(i).join(' ');
  return [first, measure(rest, font) <= width ? rest : ellipsis(rest, width, font, measure)];
}

function ellipsis(text: string, width: number, font: string, measure: MeasureText): string {
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`, font) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function layoutBarChart(spec: BarChartSpec, measure: MeasureText): BarChartLayout {
  const ops: DrawOp[] = [];
  const { width } = spec;
  let y = PAD;
  ops.push({ kind: 'text', x: PAD, y: y + 16, text: spec.title, font: FONTS.title, fill: INK, align: 'left', role: 'title' });
  y += 24;
  ops.push({ kind: 'text', x: PAD, y: y + 13, text: spec.subtitle, font: FONTS.subtitle, fill: CHART.ink, align: 'left', role: 'subtitle' });
  y += 26;

  // The legend: a swatch and a name per series, in a row.
  let lx = PAD;
  for (const s of spec.series) {
    ops.push({ kind: 'rect', x: lx, y: y + 2, w: 12, h: 12, fill: s.colour });
    ops.push({ kind: 'text', x: lx + 17, y: y + 12, text: s.name, font: FONTS.label, fill: INK, align: 'left', role: 'legend' });
    lx += 17 + measure(s.name, FONTS.label) + 18;
  }
  y += 28;

  const labels = spec.categories.map((c) => wrapLabel(c, LABEL_MAX, FONTS.label, measure));
  const labelWidth = Math.min(LABEL_MAX, Math.max(60, ...labels.flat().map((l) => measure(l, FONTS.label))));
  const maxValue = Math.max(0, ...spec.series.flatMap((s) => s.values));
  // The same round steps as the screens' money axes (whole pounds at least).
  const ticks = roundMoneyTicks(0, maxValue);
  const axisMaxPence = ticks[ticks.length - 1]!;
  const plotLeft = PAD + labelWidth + 10;
  const lastTick = axisPounds(axisMaxPence);
  const plotRight = width - PAD - measure(lastTick, FONTS.label) / 2;
  const plotWidth = Math.max(40, plotRight - plotLeft);
  const scale = (pence: number) => (Math.max(0, pence) / axisMaxPence) * plotWidth;

  const groupHeight = Math.max(spec.series.length * BAR + (spec.series.length - 1) * BAR_GAP, labels.some((l) => l.length > 1) ? 2 * LINE : LINE);
  const plotTop = y;
  const plotBottom = plotTop + spec.categories.length * (groupHeight + ROW_GAP) + ROW_GAP / 2;

  // Grid lines and the axis's ticks below.
  for (const t of ticks) {
    const x = plotLeft + scale(t);
    ops.push({ kind: 'line', x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: CHART.grid });
    ops.push({ kind: 'text', x, y: plotBottom + 16, text: axisPounds(t), font: FONTS.label, fill: CHART.ink, align: 'center', role: 'tick' });
  }
  ops.push({ kind: 'line', x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: CHART.ink });

  spec.categories.forEach((_, c) => {
    const top = plotTop + ROW_GAP / 2 + c * (groupHeight + ROW_GAP);
    const lines = labels[c]!;
    const mid = top + groupHeight / 2;
    lines.forEach((line, i) => {
      const ly = mid + (i - (lines.length - 1) / 2) * LINE + 4;
      ops.push({ kind: 'text', x: plotLeft - 8, y: ly, text: line, font: FONTS.label, fill: INK, align: 'right', role: 'category' });
    });
    const barsHeight = spec.series.length * BAR + (spec.series.length - 1) * BAR_GAP;
    spec.series.forEach((s, k) => {
      const w = scale(s.values[c] ?? 0);
      if (w > 0) ops.push({ kind: 'rect', x: plotLeft, y: mid - barsHeight / 2 + k * (BAR + BAR_GAP), w, h: BAR, fill: s.colour, series: k, category: c });
    });
  });
  return { width, height: Math.ceil(plotBottom + 16 + PAD + 4), ops, axisMaxPence };
}
