import { PHASES, type MembershipStatus, type Phase } from '@shared/domain/vocabulary';
import type { CellValue } from '../files/cells';
import { bad, cleanText, errorMessage, ok, parseDate, type Parsed } from '../files/values';
import { isBlank } from '../files/cells';
import type { DateOrder } from '../files/dates';

/** Cleaning of the roll's own cells: pupils, fee paid, status, phase, contact details, hub names. */

/** Absurd pupil numbers above this need a person to confirm them. */
export const PUPILS_WARNING_ABOVE = 5000;

/** A whole number of pupils: numbers, or text like "1,204" or " 1204 ". */
export function parsePupils(value: CellValue): Parsed<number> {
  if (isBlank(value)) return bad('the number of pupils is missing');
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const t = value.replace(/[\u00a0\s]+/g, '').trim();
    if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return bad(`"${value.trim()}" is not a number of pupils`);
    n = Number(t.replace(/,/g, ''));
  } else if (typeof value === 'object' && value !== null && 'error' in value) return bad(errorMessage(value));
  else return bad(`"${typeof value === 'object' && value !== null ? value.date : String(value)}" is not a number of pupils`);
  if (n < 0) return bad(`the number of pupils cannot be negative (${n})`);
  if (!Number.isInteger(n)) return bad(`the number of pupils must be a whole number (${n})`);
  if (!Number.isSafeInteger(n)) return bad(`${n} is not a usable number of pupils`);
  return ok(n);
}

/**
 * Fee paid: a date, or yes/no. "yes" keeps a date already recorded (else the import date);
 * "no" clears it; a blank cell leaves it as it is.
 */
export type FeePaid = { kind: 'date'; date: string } | { kind: 'yes' } | { kind: 'no' } | null;

export function parseFeePaid(value: CellValue, order: DateOrder = 'dmy'): Parsed<FeePaid> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'boolean') return ok(value ? { kind: 'yes' } : { kind: 'no' });
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (['yes', 'y', 'paid', 'true', '✓'].includes(t)) return ok({ kind: 'yes' });
    if (['no', 'n', 'unpaid', 'not paid', 'false'].includes(t)) return ok({ kind: 'no' });
  }
  const date = parseDate(value, order);
  if (!date.ok) return bad(`${date.message}; write a date or yes/no`);
  return ok(date.value ? { kind: 'date', date: date.value } : null);
}

export function parseStatus(value: CellValue): Parsed<MembershipStatus | null> {
  const text = cleanText(value);
  if (!text.ok) return text;
  if (text.value === null) return ok(null);
  const t = text.value.toLowerCase();
  if (t === 'new' || t === 'joining') return ok('new');
  if (t === 'renewing' || t === 'renewed' || t === 'existing' || t === 'continuing') return ok('renewing');
  if (t === 'leaving' || t === 'left') return ok('leaving');
  return bad(`"${text.value}" is not a membership status (New, Renewing or Leaving)`);
}

const PHASE_SYNONYMS: Record<string, Phase> = {
  ap: 'Alternative Provision',
  pru: 'Alternative Provision',
  'pupil referral unit': 'Alternative Provision',
  '16+': '16 plus',
  'post-16': '16 plus',
  'post 16': '16 plus',
  'sixth form': '16 plus',
  'all through': 'All-through',
  allthrough: 'All-through',
  infant: 'Primary',
  junior: 'Primary',
  'middle deemed primary': 'Middle',
  'middle deemed secondary': 'Middle',
};

export function parsePhase(value: CellValue): Parsed<Phase | null> {
  const text = cleanText(value);
  if (!text.ok) return text;
  if (text.value === null) return ok(null);
  const t = text.value.toLowerCase();
  const exact = PHASES.find((p) => p.toLowerCase() === t);
  if (exact) return ok(exact);
  const synonym = PHASE_SYNONYMS[t];
  if (synonym) return ok(synonym);
  return bad(`"${text.value}" is not a phase (${PHASES.join(', ')})`);
}

export function parseEmail(value: CellValue): Parsed<string | null> {
  const text = cleanText(value);
  if (!text.ok || text.value === null) return text;
  const t = text.value.replace(/^mailto:/i, '');
  if (!/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(t)) return bad(`"${text.value}" is not an email address`);
  return ok(t);
}

export function parsePostcode(value: CellValue): Parsed<string | null> {
  const text = cleanText(value);
  if (!text.ok || text.value === null) return text;
  return ok(text.value.toUpperCase());
}

/** Hub names match ignoring case and extra spaces. */
export function hubKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}
