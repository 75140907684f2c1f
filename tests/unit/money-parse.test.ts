import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPence } from '../../shared/domain/money';
import { TYPED_AMOUNT_REASONS as R, parseTypedAmount } from '../../shared/domain/money-parse';

function flagged(text: string) {
  const r = parseTypedAmount(text);
  if (r.kind !== 'needs_confirmation') throw new Error(`"${text}" parsed as exact ${r.pence}, expected a flag`);
  return r;
}

describe('parseTypedAmount: clean forms are exact', () => {
  it.each([
    ['£34,704.70', 3470470, '£34,704.70'],
    ['£3500', 350000, '£3,500.00'],
    ['3,500.00', 350000, '£3,500.00'],
    ['£0', 0, '£0.00'],
    ['£ 2,000', 200000, '£2,000.00'],
    ['£3,887.77', 388777, '£3,887.77'],
    ['£38,589.77', 3858977, '£38,589.77'],
    ['£3289.77', 328977, '£3,289.77'],
    ['£2,361.60', 236160, '£2,361.60'],
    ['  £1,300  ', 130000, '£1,300.00'],
    ['£1,234,567.5', 123456750, '£1,234,567.50'],
    ['12', 1200, '£12.00'],
    ['£0.05', 5, '£0.05'],
  ])('%s → %i pence', (text, pence, normalised) => {
    expect(parseTypedAmount(text)).toEqual({ kind: 'exact', pence, normalised });
  });

  it('reads every formatted amount back exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (p) => {
        expect(parseTypedAmount(formatPence(p))).toEqual({ kind: 'exact', pence: p, normalised: formatPence(p) });
      }),
    );
  });
});

describe('parseTypedAmount: a space inside the digits is not clean', () => {
  it.each([
    ['£34, 704.70', 3470470],
    ['£34 704.70', 3470470],
    ['34 704.70', 3470470],
    ['£1 234 567', 123456700],
    ['£1, 234,567.5', 123456750],
  ])('%s is flagged, suggesting the amount without the space (%i pence)', (text, pence) => {
    const r = flagged(text);
    expect(r.reason.startsWith(R.spaceInDigits)).toBe(true);
    expect(r.suggestedPence).toBe(pence);
  });

  it('the real source’s £34, 704.70 suggests £34,704.70', () => {
    expect(flagged('£34, 704.70')).toEqual({ kind: 'needs_confirmation', reason: R.spaceInDigits, suggestedPence: 3470470 });
  });

  it('a space after the £ sign is not inside the digits: £ 2,000 stays exact', () => {
    expect(parseTypedAmount('£ 2,000')).toEqual({ kind: 'exact', pence: 200000, normalised: '£2,000.00' });
  });

  it('any formatted amount with a space put after one of its commas, or in place of it, is flagged with that amount suggested (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: Number.MAX_SAFE_INTEGER }), fc.nat(), fc.boolean(), (p, pick, replace) => {
        const text = formatPence(p);
        const commas = [...text].flatMap((ch, i) => (ch === ',' ? [i] : []));
        const at = commas[pick % commas.length]!;
        const spaced = replace ? `${text.slice(0, at)} ${text.slice(at + 1)}` : `${text.slice(0, at + 1)} ${text.slice(at + 1)}`;
        const r = flagged(spaced);
        expect(r.reason.startsWith(R.spaceInDigits)).toBe(true);
        expect(r.suggestedPence).toBe(p);
      }),
    );
  });
});

describe('parseTypedAmount: everything else is flagged, never guessed silently', () => {
  it('Approx £1,300: an approximate amount, suggesting £1,300', () => {
    const r = flagged('Approx £1,300');
    expect(r.reason).toContain('approximate amount');
    expect(r.suggestedPence).toBe(130000);
  });

  it('£4000 x 2 £2000 x 1: several amounts or a multiplication, suggesting the evaluated £10,000', () => {
    const r = flagged('£4000 x 2 £2000 x 1');
    expect(r.reason).toContain('several amounts or a multiplication');
    expect(r.reason).toContain('£4,000.00 × 2 + £2,000.00 × 1 = £10,000.00');
    expect(r.suggestedPence).toBe(1_000_000);
  });

  it('£100 per school + refreshment costs: a rate, not a total, with no suggestion', () => {
    const r = flagged('£100 per school + refreshment costs');
    expect(r.reason).toContain('a rate, not a total');
    expect(r.suggestedPence).toBeNull();
  });

  it('£3500 (18) £6500 (15): several amounts, the bracketed numbers read as counts', () => {
    const r = flagged('£3500 (18) £6500 (15)');
    expect(r.reason).toContain('several amounts');
    expect(r.reason).toContain('£3,500.00, £6,500.00');
    expect(r.reason).toContain('counts');
    expect(r.suggestedPence).toBe(1_000_000);
  });

  it.each(['', '   ', '\u00a0'])('empty text %j: no amount was given', (text) => {
    expect(flagged(text)).toEqual({ kind: 'needs_confirmation', reason: R.empty, suggestedPence: null });
  });

  it.each(['None', 'TBC', 'Y (self-funded)', 'free', '£'])('text with no number %j', (text) => {
    expect(flagged(text)).toEqual({ kind: 'needs_confirmation', reason: R.noNumber, suggestedPence: null });
  });

  it.each(['-£12', '−£12.00', '£-12', '- 500', '(£250.00)', 'minus £5'])('negative amount %j', (text) => {
    expect(flagged(text)).toEqual({ kind: 'needs_confirmation', reason: R.negative, suggestedPence: null });
  });

  it.each(['£12.345', '3500.001', '£1,000.999'])('more than 2 decimal places %j', (text) => {
    const r = flagged(text);
    expect(r.reason).toContain('more than 2 decimal places');
    expect(r.suggestedPence).toBeNull();
  });

  it('other forms, each with its own reason', () => {
    expect(flagged('£1,000 - £2,000')).toMatchObject({ reason: R.range, suggestedPence: null });
    expect(flagged('£1,000 to £2,000')).toMatchObject({ reason: R.range, suggestedPence: null });
    expect(flagged('£2000 + £3289.77')).toMatchObject({ suggestedPence: 528977 });
    expect(flagged('£2000 + £3289.77').reason).toContain(R.several);
    expect(flagged('£3.5k')).toMatchObject({ reason: R.shorthand, suggestedPence: 350000 });
    expect(flagged('£2000 plus costs')).toMatchObject({ reason: R.plusUncosted, suggestedPence: 200000 });
    expect(flagged('£500 for speakers')).toMatchObject({ reason: R.extraWords, suggestedPence: 50000 });
    expect(flagged('up to £500')).toMatchObject({ reason: R.bound, suggestedPence: 50000 });
    expect(flagged('c. £750')).toMatchObject({ reason: R.approximate, suggestedPence: 75000 });
    expect(flagged('10% of budget')).toMatchObject({ reason: R.percentage, suggestedPence: null });
    expect(flagged('£50/pupil')).toMatchObject({ reason: R.rate, suggestedPence: null });
    expect(flagged('2 x £500')).toMatchObject({ suggestedPence: 100000 });
    expect(flagged('£34,70').reason).toContain(R.badGrouping);
    expect(flagged('£1,0000').reason).toContain(R.badGrouping);
    expect(flagged('1.234,56').reason).toContain(R.badGrouping);
    expect(flagged('£99999999999999999999')).toMatchObject({ reason: R.tooLarge, suggestedPence: null });
  });

  it('never returns exact for text with letters in it, and every suggestion is a safe non-negative integer (property)', () => {
    const pieces = fc.constantFrom('£', '£ ', ' ', ',', ', ', '.', 'x', '×', '+', '-', 'per', 'approx', 'k', '(', ')', '%', 'and');
    const digits = fc.integer({ min: 0, max: 99999 }).map(String);
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, digits), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const r = parseTypedAmount(text);
        if (r.kind === 'exact') {
          expect(text).not.toMatch(/[a-z%+()×]/i);
          expect(Number.isSafeInteger(r.pence) && r.pence >= 0).toBe(true);
          expect(r.normalised).toBe(formatPence(r.pence));
        } else {
          expect(r.reason.length).toBeGreaterThan(0);
          if (r.suggestedPence !== null) expect(Number.isSafeInteger(r.suggestedPence) && r.suggestedPence >= 0).toBe(true);
        }
      }),
    );
  });
});
