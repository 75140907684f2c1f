import { PHASES, type MembershipStatus, type Phase } from '@shared/domain/vocabulary';
import { isBlank, type CellValue } from './sheet';

/** Cleaning of one cell: the value, or why a person would question it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

/** Absurd pupil numbers above this need a person to confirm them. */
export const PUPILS_WARNING_ABOVE = 5000;

function errorMessage(value: { error: string }): string {
  return value.error ? `the cell holds the error ${value.error}` : 'the cell holds a formula whose result is an error or was not saved (open the file in Excel, fix the formula and save it)';
}

/** Trimmed text (inner spacing kept as written); null for a blank cell. Errors are refused. */
export function cleanText(value: CellValue): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'object' && value !== null && 'error' in value) return bad(errorMessage(value));
  if (typeof value === 'object' && value !== null) return ok(value.date);
  const text = String(value).replace(/^[\u00a0\s]+|[\u00a0\s]+$/g, '');
  return ok(text === '' ? null : text);
}

/** URNs: 6 digits, typed as a number, as text, or with Excel's leading apostrophe. */
export function parseUrn(value: CellValue): Parsed<string> {
  if (isBlank(value)) return bad('the URN is missing');
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return bad(`"${value}" is not a URN (a URN is 6 digits)`);
    value = String(value);
  }
  const text = cleanText(value);
  if (!text.ok) return text;
  const raw = text.value!.replace(/^['‘’`]/, '').trim();
  if (!/^\d+$/.test(raw)) return bad(`"${text.value}" is not a URN (a URN is 6 digits)`);
  if (raw.length !== 6) return bad(`URN "${raw}" has ${raw.length} digits; a URN has 6`);
  return ok(raw);
}

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Excel's day count (1900 system) → ISO date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date: a date cell, an Excel day number, 2025-09-01, or a UK date. **Decision**: 01/09/2025 is
 * read day first (1 September), as UK spreadsheets write it; two-digit years are 20xx.
 */
export function parseDate(value: CellValue): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'object' && value !== null) return 'date' in value ? ok(value.date) : bad(errorMessage(value));
  if (typeof value === 'number') {
    const iso = excelSerialToIso(value);
    return iso ? ok(iso) : bad(`${value} is not a date`);
  }
  const t = String(value).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : bad(`"${t}" is not a real date`);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = isoOf(y, Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : bad(`"${t}" is not a real date (dates are read day/month/year)`);
  }
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = month > 0 ? isoOf(y, month, Number(m[1])) : null;
    return iso ? ok(iso) : bad(`"${t}" is not a real date`);
  }
  if (/^\d+(\.0+)?$/.test(t)) {
    const iso = excelSerialToIso(Number(t));
    if (iso) return ok(iso);
  }
  return bad(`"${t}" is not a date (use a date like 01/09/2025)`);
}

/**
 * Fee paid: a date, or yes/no. "yes" keeps a date already recorded (else the import date);
 * "no" clears it; a blank cell leaves it as it is.
 */
export type FeePaid = { kind: 'date'; date: string } | { kind: 'yes' } | { kind: 'no' } | null;

export function parseFeePaid(value: CellValue): Parsed<FeePaid> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'boolean') return ok(value ? { kind: 'yes' } : { kind: 'no' });
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (['yes', 'y', 'paid', 'true', '✓'].includes(t)) return ok({ kind: 'yes' });
    if (['no', 'n', 'unpaid', 'not paid', 'false'].includes(t)) return ok({ kind: 'no' });
  }
  const date = parseDate(value);
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
