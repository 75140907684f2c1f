/** Reading single cells of Ofsted's files: missing values, dates, URNs. Pure functions. */

/** Ofsted writes "nothing here" as an empty cell or the literal text NULL. */
export function isBlank(raw: string | undefined): boolean {
  if (raw === undefined || raw === '') return true;
  const t = raw.trim();
  return t === '' || (t.length === 4 && t.toUpperCase() === 'NULL');
}

/** Whitespace that collapsing would change: a run of two, or any but a plain space (a cheap test before the replace). */
const UNCOLLAPSED = /\s\s|[^\S ]/;

/** Trimmed, with inner runs of white space collapsed to one space. */
export function collapseSpaces(text: string): string {
  const t = text.trim();
  return UNCOLLAPSED.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** The cell's text, trimmed and with inner runs of spaces collapsed, or null when blank / NULL. */
export function cleanText(raw: string | undefined): string | null {
  return isBlank(raw) ? null : collapseSpaces(raw!);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

export type DateResult = Readonly<{ ok: true; date: string } | { ok: false; reason: string }>;

/**
 * A date cell: `dd/mm/yyyy` as Ofsted writes it (a midnight time is tolerated), `yyyy-mm-dd` (how
 * Excel dates arrive from a workbook), or an Excel serial number (a workbook date without its date
 * format). Years must have four digits (a two-digit year leaves the century to guess) and fall
 * between 1990 and 2100 (no school inspection is older; anything else is a typing slip).
 */
export function parseOfstedDate(raw: string): DateResult {
  // A national file repeats the same few thousand dates tens of thousands of times.
  let result = knownDates.get(raw);
  if (result === undefined) {
    if (knownDates.size >= MAX_KNOWN_DATES) knownDates.clear();
    result = readDate(raw);
    knownDates.set(raw, result);
  }
  return result;
}

const knownDates = new Map<string, DateResult>();
const MAX_KNOWN_DATES = 20_000;

function readDate(raw: string): DateResult {
  const t = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+00:00(?::00)?)?$/.exec(t);
  if (match) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.000)?)?Z?)?$/.exec(t))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if (/^\d{5}$/.test(t)) {
    const when = new Date(EXCEL_EPOCH_MS + Number(t) * MS_PER_DAY);
    [y, m, d] = [when.getUTCFullYear(), when.getUTCMonth() + 1, when.getUTCDate()];
  } else if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(t)) {
    return { ok: false, reason: `"${t}" has a two-digit year; write it as dd/mm/yyyy` };
  } else {
    return { ok: false, reason: `"${t}" is not a date (expected dd/mm/yyyy)` };
  }
  if (!isRealDate(y, m, d)) return { ok: false, reason: `"${t}" is not a real calendar date` };
  if (y < 1990 || y > 2100) return { ok: false, reason: `"${t}" is outside 1990–2100` };
  return { ok: true, date: iso(y, m, d) };
}

export type UrnResult = { ok: true; urn: string } | { ok: false; reason: string };

/**
 * A URN is 6 digits (DfE's Unique Reference Number). A leading apostrophe (Excel's "text" marker) and
 * surrounding spaces are tolerated; a workbook number like 100000 arrives as "100000".
 */
export function parseUrn(raw: string | undefined): UrnResult {
  const t = (raw ?? '').trim().replace(/^'/, '');
  if (/^\d{6}$/.test(t)) return { ok: true, urn: t };
  if (t === '' || t.toUpperCase() === 'NULL') return { ok: false, reason: 'the URN is missing' };
  return { ok: false, reason: `"${t}" is not a URN (a URN is 6 digits)` };
}

/** dd/mm/yyyy for messages, from an ISO date. */
export function ukDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}
