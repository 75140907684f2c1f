/**
 * Money typed by people in plans and claims: `£34, 704.70`, `£3500`, `Approx £1,300`,
 * `£4000 x 2 £2000 x 1`, `£100 per school + refreshment costs`, ...
 *
 * Clean forms parse exactly. Everything else is flagged for a person to confirm, with a reason they
 * understand and, where one can be worked out without guessing at meaning, a suggested figure.
 * Never guess silently: a suggestion always comes with `kind: 'needs_confirmation'`.
 *
 * Clean (exact) forms: an optional `£` (optionally followed by a space), then either plain digits
 * (`3500`) or digits grouped in threes by commas (`34,704`), then optionally `.` and 1 or 2 decimal
 * digits. Negative amounts are never clean: a planned cost or a claim is not negative.
 *
 * **Decision**: a space inside the digits (`£34, 704.70`, `£34 704.70`) is not clean — a space may
 * be where a digit was lost — so it is flagged, with the amount read without the space
 * (£34,704.70) offered as the suggestion.
 */
import { formatPence, MoneyDecimal } from './money';

export type TypedAmount =
  | { kind: 'exact'; pence: number; normalised: string }
  | { kind: 'needs_confirmation'; reason: string; suggestedPence: number | null };

/** The reasons, worded for the person who confirms. Tests and screens may match on these. */
export const TYPED_AMOUNT_REASONS = {
  empty: 'no amount was given',
  noNumber: 'no number in the text',
  negative: 'a negative amount',
  tooManyDecimals: 'more than 2 decimal places',
  tooLarge: 'the amount is too large',
  badGrouping: 'the commas are not in thousands positions (is one a decimal comma?)',
  approximate: 'an approximate amount',
  bound: 'a limit (up to, at least), not a fixed amount',
  percentage: 'a percentage, not an amount',
  rate: 'a rate, not a total',
  multiplication: 'several amounts or a multiplication',
  range: 'a range, not a single amount',
  several: 'several amounts',
  shorthand: 'written in shorthand (k = thousand)',
  plusUncosted: 'an amount plus costs not given as a number',
  extraWords: 'the amount has other words with it',
  unusualForm: 'not written in a standard form like £1,234.56',
  spaceInDigits: 'a space inside the number',
} as const;

const CLEAN = /^£?\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
/** Digits grouped in threes by commas and/or spaces, with at least one space among them. */
const SPACED = /^£?\s?(\d{1,3}(?:(?:, ?| )\d{3})+)(?:\.(\d{1,2}))?$/;

/** A number as it appears in free text; grouping is validated afterwards. */
const NUMBER_TOKEN = /(£\s*)?(\d+(?:, ?\d+)*(?:\.\d+)?|\.\d+)(\s*[kK](?![a-zA-Z]))?/g;
const GOOD_GROUPING = /^(\d{1,3}(?:, ?\d{3})+|\d+)(\.\d+)?$|^\.\d+$/;

const APPROXIMATE = /\b(approx(imately)?|approximate|about|around|circa|roughly|estimated?|est|tbc|tbd)\b|~|\bc\.\s*£?\d/i;
const BOUND = /\b(up to|max|maximum|minimum|at least|at most|no more than|not more than)\b/i;
const RATE = /\b(per|each|every|ea|pp|a head|an hour|a day|a week|a month|a term|a year|hourly|daily|weekly|monthly|termly|annually|pa)\b|\/\s*[a-z]/i;
const MULTIPLY = /\d\s*[x×*]\s*\d|\d\s*[x×*]\s*£/i;
const RANGE = /\d\s*(?:-|–|—|to)\s*£?\s*\d/i;
const NEGATIVE = /^\s*[-\u2212–]\s*£?\s*\d|£\s*[-\u2212–]\s*\d|^\s*\(\s*£\s*[\d.,\s]+\)\s*$|\bminus\b/i;
const PLUS = /\+|\bplus\b|\band\b/i;

interface Token {
  text: string;
  start: number;
  end: number;
  hasPound: boolean;
  digits: string;
  shorthandK: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(NUMBER_TOKEN)) {
    const start = m.index;
    out.push({
      text: m[0],
      start,
      end: start + m[0].length,
      hasPound: m[1] !== undefined,
      digits: m[2] ?? '',
      shorthandK: m[3] !== undefined,
    });
  }
  return out;
}

function decimalsOf(digits: string): number {
  const dot = digits.indexOf('.');
  return dot < 0 ? 0 : digits.length - dot - 1;
}

/** Pence for a well-formed token (≤ 2 decimals, or k shorthand), or null when not a whole number of pence / too large. */
function tokenPence(t: Token): number | null {
  const value = new MoneyDecimal(t.digits.replace(/[,\s]/g, '')).times(t.shorthandK ? 100_000 : 100);
  if (!value.isInteger() || value.gt(Number.MAX_SAFE_INTEGER)) return null;
  return value.toNumber();
}

/** Pence of digits grouped by commas or spaces and their decimals, or null when too large to hold exactly. */
function groupedPence(grouped: string, decimals: string | undefined): number | null {
  const pence = new MoneyDecimal(`${grouped.replace(/[, ]/g, '')}.${decimals ?? '0'}`).times(100);
  return pence.gt(Number.MAX_SAFE_INTEGER) ? null : pence.toNumber();
}

function flag(reason: string, suggestedPence: number | null, detail?: string): TypedAmount {
  return { kind: 'needs_confirmation', reason: detail ? `${reason}: ${detail}` : reason, suggestedPence };
}

function safeSum(values: number[]): number | null {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) return null;
  }
  return total;
}

/**
 * Parse an amount of money typed by a person. Exact only for the clean forms described above;
 * everything else is `needs_confirmation` with a reason (which begins with one of
 * `TYPED_AMOUNT_REASONS`) and a suggested figure where one follows from the text alone.
 */
export function parseTypedAmount(text: string): TypedAmount {
  const s = text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
  const R = TYPED_AMOUNT_REASONS;
  if (s === '') return flag(R.empty, null);

  const clean = CLEAN.exec(s);
  if (clean) {
    const n = groupedPence(clean[1] ?? '', clean[2]);
    if (n === null) return flag(R.tooLarge, null);
    return { kind: 'exact', pence: n, normalised: formatPence(n) };
  }
  const spaced = SPACED.exec(s);
  if (spaced && / \d/.test(spaced[1] ?? '')) {
    const n = groupedPence(spaced[1] ?? '', spaced[2]);
    if (n === null) return flag(R.tooLarge, null);
    return flag(R.spaceInDigits, n);
  }

  if (NEGATIVE.test(s)) return flag(R.negative, null);

  const found = tokens(s);
  if (found.length === 0) return flag(R.noNumber, null);

  // When any number carries £, those are the amounts; other numbers are counts, dates, places.
  const amounts = found.some((t) => t.hasPound) ? found.filter((t) => t.hasPound) : found;

  const european = /\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d)/.exec(s);
  if (european) return flag(R.badGrouping, null, `"${european[0]}"`);
  const badGroup = amounts.find((t) => !GOOD_GROUPING.test(t.digits));
  if (badGroup) return flag(R.badGrouping, null, `"${badGroup.text.trim()}"`);

  const tooPrecise = amounts.find((t) => !t.shorthandK && decimalsOf(t.digits) > 2);
  if (tooPrecise) return flag(R.tooManyDecimals, null, `"${tooPrecise.text.trim()}"`);

  const pences = amounts.map(tokenPence);
  if (pences.some((p) => p === null)) return flag(R.tooLarge, null);
  const values = pences as number[];
  const single = values.length === 1 ? (values[0] ?? null) : null;

  if (APPROXIMATE.test(s)) return flag(R.approximate, single);
  if (BOUND.test(s)) return flag(R.bound, single);
  if (/%/.test(s) || /\bper ?cent\b/i.test(s)) return flag(R.percentage, null);
  if (RATE.test(s)) return flag(R.rate, null);

  if (MULTIPLY.test(s)) {
    const evaluated = evaluateProducts(s, found);
    if (evaluated === null) return flag(R.multiplication, null);
    const detail = `${evaluated.terms.join(' + ')} = ${formatPence(evaluated.total)}`;
    return flag(R.multiplication, evaluated.total, detail);
  }

  if (amounts.length >= 2) {
    if (amounts.length === 2 && RANGE.test(s)) return flag(R.range, null);
    const total = safeSum(values);
    const ignored = found.length > amounts.length ? ' (the numbers without £ are read as counts, not money)' : '';
    return flag(R.several, total, values.map(formatPence).join(', ') + ignored);
  }

  const only = amounts[0];
  if (only === undefined || single === null) return flag(R.unusualForm, null);
  if (only.shorthandK) return flag(R.shorthand, single);

  const rest = (s.slice(0, only.start) + ' ' + s.slice(only.end)).trim();
  if (PLUS.test(rest)) return flag(R.plusUncosted, single);
  if (/[a-z]/i.test(rest)) return flag(R.extraWords, single);
  return flag(R.unusualForm, single);
}

/**
 * Evaluate `£A x N` pairs (and any other £ amounts standing alone) as a sum of products. The
 * multiplier is the number right after `x`/`×`/`*`. Returns null when it cannot be read that way.
 */
function evaluateProducts(s: string, found: Token[]): { total: number; terms: string[] } | null {
  let total = 0;
  const terms: string[] = [];
  for (let i = 0; i < found.length; i++) {
    const t = found[i];
    if (t === undefined) break;
    const next = found[i + 1];
    const between = next ? s.slice(t.end, next.start) : '';
    const amount = tokenPence(t);
    if (amount === null) return null;
    if (next && /^\s*[x×*]\s*$/i.test(between)) {
      // "A x N": A is the amount when it has £ (or neither has), N the count; "N x £A" the other way round.
      const [money, count] = next.hasPound && !t.hasPound ? [next, t] : [t, next];
      const moneyPence = tokenPence(money);
      const times = new MoneyDecimal(count.digits.replace(/[,\s]/g, ''));
      if (moneyPence === null || !times.isInteger() || count.shorthandK) return null;
      const product = times.times(moneyPence);
      if (product.gt(Number.MAX_SAFE_INTEGER)) return null;
      total += product.toNumber();
      terms.push(`${formatPence(moneyPence)} × ${times.toString()}`);
      i++;
    } else if (t.hasPound || !found.some((f) => f.hasPound)) {
      total += amount;
      terms.push(formatPence(amount));
    } else {
      // A bare number beside £ amounts and not a multiplier: we cannot tell what it means.
      return null;
    }
    if (!Number.isSafeInteger(total)) return null;
  }
  return terms.length > 0 ? { total, terms } : null;
}
