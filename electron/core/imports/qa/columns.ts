/**
 * The tracker's sheets and columns. Sheets are recognised by their header row (the first row in the
 * first 10 with a URN column), not by their names, so "Reviews 2025-26" or "Sheet1" both work.
 * Headers match case- and spacing-insensitively, with the aliases below.
 */
import { QA_HEADINGS } from '@shared/domain/vocabulary';
import { cellText, type RawRow, type RawSheet } from '../files/cells';
import { squash } from './values';

export type ReviewField = 'urn' | 'start' | 'end' | 'lead' | 'leadership' | 'quality' | 'disadvantaged' | 'aoe' | 'accredited' | 'www' | 'ebi' | 'reportReceived';
export type AssignmentField = 'name' | 'role' | 'home' | 'host' | 'date' | 'status' | 'replaces';
export type PointField = 'urn' | 'kind' | 'heading' | 'text';

const REVIEW_HEADERS: Record<ReviewField, string[]> = {
  urn: ['urn', 'school urn', 'host urn', 'host school urn'],
  start: ['review start', 'review start date', 'start date', 'start', 'review date', 'date of review'],
  end: ['review end', 'review end date', 'end date', 'end'],
  lead: ['lead reviewer', 'lead', 'lead reviewer name'],
  leadership: [squash(QA_HEADINGS[0].label), 'leadership', 'leadership estimate', 'estimate leadership'],
  quality: [squash(QA_HEADINGS[1].label), 'quality', 'quality estimate', 'estimate quality', 'quality of provision'],
  disadvantaged: [squash(QA_HEADINGS[2].label), 'disadvantaged', 'disadvantaged estimate', 'estimate disadvantaged', 'disadvantaged and send', 'send'],
  aoe: ['area of excellence', 'aoe', 'aoe title', 'area of excellence title'],
  accredited: ['accredited', 'aoe accredited', 'area of excellence accredited', 'accredited?', 'aoe accredited?'],
  www: ['wwws', 'www', 'what went well'],
  ebi: ['ebis', 'ebi', 'even better if'],
  reportReceived: ['report received', 'report received on', 'report date'],
};

const ASSIGNMENT_HEADERS: Record<AssignmentField, string[]> = {
  name: ['reviewer', 'reviewer name', 'name'],
  role: ['role', 'reviewer role'],
  home: ['home school urn', 'home urn', 'reviewer school urn', 'from urn'],
  host: ['host school urn', 'host urn', 'reviewing urn', 'to urn'],
  date: ['review date', 'date', 'review start'],
  status: ['status'],
  replaces: ['replaces', 'replacing', 'replacement for'],
};

const POINT_HEADERS: Record<PointField, string[]> = {
  urn: ['urn', 'school urn', 'host urn'],
  kind: ['kind', 'type', 'www/ebi', 'www or ebi'],
  heading: ['heading', 'estimate heading'],
  text: ['text', 'point', 'www/ebi text', 'description'],
};

export interface FoundSheet<F extends string> {
  sheet: RawSheet;
  headerRow: number;
  /** Field → 0-based column index. */
  columns: Partial<Record<F, number>>;
  /** Column index → header text as written. */
  headers: Map<number, string>;
  dataRows: RawRow[];
}

function key(text: string): string {
  return squash(text).replace(/[?:.]$/, '');
}

function match<F extends string>(row: RawRow, table: Record<F, string[]>): { columns: Partial<Record<F, number>>; headers: Map<number, string> } {
  const columns: Partial<Record<F, number>> = {};
  const headers = new Map<number, string>();
  row.cells.forEach((cell, i) => {
    const text = cellText(cell).trim();
    if (text === '') return;
    headers.set(i, text);
    const k = key(text);
    for (const field of Object.keys(table) as F[]) {
      if (columns[field] === undefined && table[field].some((alias) => key(alias) === k)) {
        columns[field] = i;
        break;
      }
    }
  });
  return { columns, headers };
}

function find<F extends string>(sheets: RawSheet[], table: Record<F, string[]>, required: F[], taken: Set<string>): FoundSheet<F> | null {
  for (const sheet of sheets) {
    if (taken.has(sheet.name)) continue;
    for (const row of sheet.rows.slice(0, 10)) {
      const m = match(row, table);
      if (required.every((f) => m.columns[f] !== undefined)) {
        taken.add(sheet.name);
        return { sheet, headerRow: row.row, ...m, dataRows: sheet.rows.filter((r) => r.row > row.row) };
      }
    }
  }
  return null;
}

export interface TrackerSheets {
  reviews: FoundSheet<ReviewField> | null;
  assignments: FoundSheet<AssignmentField> | null;
  points: FoundSheet<PointField> | null;
}

export const REVIEW_REQUIRED: ReviewField[] = ['urn', 'start'];
export const ASSIGNMENT_REQUIRED: AssignmentField[] = ['name', 'home', 'host', 'status'];
export const POINT_REQUIRED: PointField[] = ['urn', 'kind', 'text'];

/** The assignments sheet is looked for first (it has two URN columns), then reviews, then points. */
export function findSheets(sheets: RawSheet[]): TrackerSheets {
  const taken = new Set<string>();
  const assignments = find(sheets, ASSIGNMENT_HEADERS, ASSIGNMENT_REQUIRED, taken);
  const reviews = find(sheets, REVIEW_HEADERS, REVIEW_REQUIRED, taken);
  const points = find(sheets, POINT_HEADERS, POINT_REQUIRED, taken);
  return { reviews, assignments, points };
}

/** "Leadership at all levels (column E)". */
export function columnLabel<F extends string>(found: FoundSheet<F>, field: F): string {
  const i = found.columns[field];
  if (i === undefined) return field;
  return `${found.headers.get(i) ?? field} (column ${columnLetter(i)})`;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
