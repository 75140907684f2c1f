import type { FeePaid } from './cells';
import { parseEmail, parseFeePaid, parsePhase, parsePostcode, parsePupils, parseStatus, PUPILS_WARNING_ABOVE } from './cells';
import { cleanText, parseUrn, type Parsed } from '../files/values';
import { columnLetter } from './fields';
import { isBlank, type CellValue, type RawRow } from '../files/cells';
import type { DateOrder } from '../files/dates';
import type { ImportProblem, RollField, RollMapping } from '@shared/contract/roll-import';
import type { MembershipStatus, Phase } from '@shared/domain/vocabulary';

/** One clean school row. Optional fields are undefined when not mapped and null when blank (blank leaves stored values alone). */
export interface RollRecord {
  row: number;
  urn: string;
  name: string | null;
  hub: string;
  pupils: number;
  phase?: Phase | null;
  localAuthority?: string | null;
  trust?: string | null;
  headteacher?: string | null;
  email?: string | null;
  phone?: string | null;
  postcode?: string | null;
  status?: MembershipStatus | null;
  feePaid?: FeePaid;
}

export interface CheckedRows {
  records: RollRecord[];
  /** Every URN read from the file, even on rows with other problems (so they are not taken for leavers). */
  urnsInFile: Set<string>;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Row number → its cells, for rows with errors (the error report). */
  badRows: Map<number, CellValue[]>;
  rowsRead: number;
  blankRowsSkipped: number;
}

type Cleaner = (value: CellValue) => Parsed<unknown>;

const CLEANERS: Record<Exclude<RollField, 'urn' | 'pupils'>, Cleaner> = {
  name: cleanText,
  hub: cleanText,
  phase: parsePhase,
  localAuthority: cleanText,
  trust: cleanText,
  headteacher: cleanText,
  email: parseEmail,
  phone: cleanText,
  postcode: parsePostcode,
  status: parseStatus,
  feePaid: parseFeePaid,
};

/** Cleans and checks every row below the header; blank rows are skipped. */
export function checkRows(sheet: string, rows: readonly RawRow[], headers: readonly string[], mapping: RollMapping, dateOrder: DateOrder = 'dmy'): CheckedRows {
  const out: CheckedRows = { records: [], urnsInFile: new Set(), errors: [], warnings: [], badRows: new Map(), rowsRead: 0, blankRowsSkipped: 0 };
  const columnName = (col: number) => (headers[col - 1] ? headers[col - 1]! : `column ${columnLetter(col)}`);
  const firstRowOfUrn = new Map<string, RawRow>();
  const recordByRow = new Map<number, RollRecord>();
  const mappedFields = (Object.keys(CLEANERS) as (keyof typeof CLEANERS)[]).filter((field) => mapping[field] !== undefined);

  for (const raw of rows) {
    if (raw.cells.every(isBlank)) {
      out.blankRowsSkipped += 1;
      continue;
    }
    out.rowsRead += 1;
    const rowErrors: ImportProblem[] = [];
    const fail = (field: RollField, message: string) => rowErrors.push({ sheet, row: raw.row, column: columnName(mapping[field]!), message });
    const cell = (field: RollField): CellValue => raw.cells[mapping[field]! - 1] ?? null;

    const urn = parseUrn(cell('urn'));
    if (!urn.ok) fail('urn', urn.message);
    const pupils = parsePupils(cell('pupils'));
    if (!pupils.ok) fail('pupils', pupils.message);
    const values: Partial<Record<RollField, unknown>> = {};
    for (const field of mappedFields) {
      const parsed = field === 'feePaid' ? parseFeePaid(cell(field), dateOrder) : CLEANERS[field](cell(field));
      if (parsed.ok) values[field] = parsed.value;
      else fail(field, parsed.message);
    }
    if (values.hub === null) fail('hub', 'the hub is missing');

    if (urn.ok) {
      out.urnsInFile.add(urn.value);
      const firstRaw = firstRowOfUrn.get(urn.value);
      if (firstRaw !== undefined) {
        const first = firstRaw.row;
        fail('urn', `URN ${urn.value} is on row ${first} and row ${raw.row}: a school can be listed once`);
        const firstRecord = recordByRow.get(first);
        const firstProblem = { sheet, row: first, column: columnName(mapping.urn!), message: `URN ${urn.value} is on row ${first} and row ${raw.row}: a school can be listed once` };
        out.errors.push(firstProblem);
        if (firstRecord) {
          out.records = out.records.filter((r) => r !== firstRecord);
          recordByRow.delete(first);
        }
        if (!out.badRows.has(first)) out.badRows.set(first, firstRaw.cells);
      } else firstRowOfUrn.set(urn.value, raw);
    }
    if (pupils.ok && pupils.value > PUPILS_WARNING_ABOVE) {
      out.warnings.push({
        sheet,
        row: raw.row,
        column: columnName(mapping.pupils!),
        message: `${pupils.value.toLocaleString('en-GB')} pupils is more than ${PUPILS_WARNING_ABOVE.toLocaleString('en-GB')}: confirm it is right`,
      });
    }

    if (rowErrors.length > 0) {
      out.errors.push(...rowErrors);
      out.badRows.set(raw.row, raw.cells);
      continue;
    }
    // Written out whole, every row the same shape (an unmapped field is undefined): a national roll has 25,000 rows.
    const v = values as Partial<RollRecord>;
    const record: RollRecord = {
      row: raw.row, urn: urn.ok ? urn.value : '', name: v.name ?? null, hub: v.hub as string, pupils: pupils.ok ? pupils.value : 0,
      phase: v.phase, localAuthority: v.localAuthority, trust: v.trust, headteacher: v.headteacher, email: v.email, phone: v.phone,
      postcode: v.postcode, status: v.status, feePaid: v.feePaid,
    };
    out.records.push(record);
    recordByRow.set(raw.row, record);
  }
  out.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return out;
}
