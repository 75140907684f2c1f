import type { GradeTone } from '@shared/domain/ofsted';

/**
 * The look of every exported workbook. The grade colours are the app's (renderer/src/styles.css
 * :root --best/--good/--mid/--poor and their -soft backgrounds); tests/unit/export-style.test.ts
 * reads styles.css and fails if the two drift apart.
 */
export const TONE_COLOURS: Readonly<Record<GradeTone, { ink: string; fill: string }>> = Object.freeze({
  best: { ink: '0F5C3A', fill: 'CDEEDD' },
  good: { ink: '1F7A4D', fill: 'E3F4EA' },
  mid: { ink: '9A6700', fill: 'FFF4D6' },
  poor: { ink: 'B42318', fill: 'FDE7E5' },
  neutral: { ink: '4D5867', fill: 'EEF0F3' },
});

/** The app's brand and table colours (styles.css --brand, --brand-soft, --ink, --ink-soft, --line). */
export const COLOURS = Object.freeze({
  brand: '0B5D6B',
  brandSoft: 'E3F1F3',
  ink: '1C2430',
  inkSoft: '4D5867',
  line: 'CFD4DB',
  headerFill: 'E3F1F3',
  warn: 'B42318',
});

export const FONT = 'Calibri';

/** Pounds with pence; negatives in red with a minus sign; a little space on the right (`_)`) before the next column. */
export const MONEY_FORMAT = '"£"#,##0.00_);[Red]-"£"#,##0.00_)';
/** A whole number with thousands separators, spaced like money. */
export const COUNT_FORMAT = '#,##0_)';
/** A real date, shown day first and unambiguous (23 Nov 2026). */
export const DATE_FORMAT = 'd mmm yyyy';

/** Column widths (characters) for the kinds of column the sheets use. */
export const WIDTHS = Object.freeze({
  name: 36,
  urn: 9,
  short: 14,
  date: 13,
  money: 14,
  count: 10,
  text: 24,
  long: 70,
  grade: 27,
});

/** Reviewer-commitment statuses, as the app's chips colour them (styles.css .dash-status.status-*). */
export const STATUS_COLOURS: Readonly<Record<string, { ink: string; fill: string }>> = Object.freeze({
  met: { ink: '1F7A4D', fill: 'E3F4EA' },
  'on track': { ink: '0B5D6B', fill: 'E3F1F3' },
  behind: { ink: 'B42318', fill: 'FDE7E5' },
});

/** The Ofsted profile buckets, as the app's bars colour them (Bars.tsx OFSTED_TONE; styles.css .tone-*). */
export const PROFILE_COLOURS: Readonly<Record<string, { ink: string; fill: string }>> = Object.freeze({
  Outstanding: TONE_COLOURS.best,
  Good: TONE_COLOURS.good,
  'Requires improvement': TONE_COLOURS.mid,
  Inadequate: TONE_COLOURS.poor,
  'Not judged (2024–25)': { ink: '6941C6', fill: 'ECE6FB' },
  'Report card': { ink: '1F5FA8', fill: 'DDE9F8' },
  'Grade not recorded': TONE_COLOURS.neutral,
  'No graded inspection': TONE_COLOURS.neutral,
  'No inspection': { ink: 'AAB1BC', fill: 'F1F3F6' },
});

/** A font in the house face (a cell font without a name falls back to a serif face in LibreOffice). */
export function font(f: Partial<import('exceljs').Font>): Partial<import('exceljs').Font> {
  return { name: FONT, size: 11, ...f };
}
