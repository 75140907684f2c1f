/**
 * The roll read and planned: the sheet, header and mapping chosen, the rows checked and compared with
 * the store. Pure over the read workbook and the store facts sent with it: it runs in the import
 * worker, which keeps the file it read, and only the analysis crosses back (planned.ts).
 */
import crypto from 'node:crypto';
import { HubdeskError } from '../../errors';
import { ROLL_FIELD_LABELS, ROLL_FIELDS, type ImportProblem, type RollMapping, type RollPreview } from '@shared/contract/roll-import';
import { locateHeader, type LocatedHeader } from './header';
import { ROLL_HEADER_ALIASES, autoMap, columnLetter, headerSignature, mappingProblems, missingRequired } from './fields';
import type { RememberedMapping } from './mappings';
import { checkRows, type CheckedRows } from './validate';
import { stateFromFacts, type RollRows, type RollStateFacts, type StoredRows } from './state';
import { planRoll, type PlannedRoll } from './plan';
import type { CellValue, RawSheet } from '../files/cells';
import type { ReadWorkbook } from '../files/read';
import type { TextEncoding } from '../files/encoding';
import { undecidedEncoding } from '../files/encoding-question';
import { dateOrderOf, type DateOrder } from '../files/dates';
import type { FileReference } from '../staging';

export interface RollOptions {
  year: string;
  sheet?: string;
  mapping?: RollMapping;
  createHubs?: boolean;
  confirmWarnings?: boolean;
  /** The text encoding a person chose for a CSV whose bytes did not tell. */
  encoding?: TextEncoding;
  /** The day/month order a person chose for the file's dates. */
  dateOrder?: DateOrder;
}

export type RollRequest = FileReference & RollOptions;

/** The staged file an analysis names in its preview. */
export interface RollFileNames {
  fileName: string;
  sha256: string;
  stagingId: string;
}

/** What the analysis needs from the store, as plain data: the remembered mappings and the state the roll is compared with. */
export interface RollFacts {
  remembered: Map<string, RememberedMapping>;
  state: RollStateFacts;
}

/** The file read, its sheet and header found, its columns mapped and its rows checked (no database state yet). */
export interface ReadRoll {
  fileName: string;
  sha256: string;
  stagingId: string;
  workbook: ReadWorkbook;
  sheet: RawSheet;
  header: LocatedHeader;
  mapping: RollMapping;
  mappingSource: RollPreview['mappingSource'];
  missing: ReturnType<typeof missingRequired>;
  dateOrder: RollPreview['dateOrder'];
  checked: CheckedRows | null;
  fileErrors: ImportProblem[];
  dateWarnings: ImportProblem[];
}

const MAX_ERRORS_SHOWN = 500;

/** A warning that must be confirmed before a commit (not one shown for information only). */
export const needsConfirming = (w: ImportProblem): boolean => w.informational !== true;

function chooseSheet(workbook: ReadWorkbook, requested: string | undefined, remembered: ReadonlySet<string>, fileName: string) {
  if (workbook.sheets.every((s) => s.rows.length === 0)) {
    throw new HubdeskError('validation', `${fileName} has no data: ${workbook.sheets.length <= 1 ? 'its only sheet is' : 'every sheet is'} empty.`);
  }
  const located = workbook.sheets.map((sheet) => ({ sheet, header: locateHeader(sheet, remembered) }));
  if (requested !== undefined) {
    const found =
      located.find((l) => l.sheet.name === requested) ?? located.find((l) => l.sheet.name.trim().toLowerCase() === requested.trim().toLowerCase());
    if (!found) throw new HubdeskError('validation', `${fileName} has no sheet named "${requested}". Its sheets are: ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}.`);
    if (!found.header) throw new HubdeskError('validation', `Sheet "${found.sheet.name}" of ${fileName} has no header row in its first rows (a row of column names such as URN, School, Hub, Pupils).`);
    return { ...found, header: found.header, located };
  }
  const pick = located.find((l) => l.header?.recognised) ?? located.find((l) => l.header);
  if (!pick || !pick.header) {
    throw new HubdeskError('validation', `${fileName} has no header row: no sheet has a row of column names (such as URN, School, Hub, Pupils) in its first rows.`);
  }
  return { ...pick, header: pick.header, located };
}

export const ROLL_ADVICE = 'Save the roll from Excel or LibreOffice as .xlsx, .ods or .csv and import that.';

/**
 * The day/month order of the file's date column (fee paid): chosen by the person, remembered with
 * the mapping, decided by a value over 12, or day first by default when every value could be either
 * (then the preview asks).
 */
function decideDateOrder(
  sheet: RawSheet,
  header: LocatedHeader,
  mapping: RollMapping,
  chosen: DateOrder | undefined,
  remembered: DateOrder | null,
): { dateOrder: RollPreview['dateOrder']; warning: ImportProblem | null } {
  const col = mapping.feePaid;
  if (col === undefined) return { dateOrder: null, warning: null };
  const column = header.headers[col - 1] || `column ${columnLetter(col)}`;
  if (chosen) return { dateOrder: { column, order: chosen, how: 'chosen', decidedBy: null }, warning: null };
  const values: string[] = [];
  for (let i = header.index + 1; i < sheet.rows.length; i++) {
    const v = sheet.rows[i]!.cells[col - 1];
    if (typeof v === 'string') values.push(v);
  }
  const found = dateOrderOf(values);
  if (!found) return { dateOrder: null, warning: null };
  if (found.order !== 'ambiguous') return { dateOrder: { column, order: found.order, how: 'values', decidedBy: found.decidedBy }, warning: null };
  if (remembered) return { dateOrder: { column, order: remembered, how: 'remembered', decidedBy: null }, warning: null };
  return {
    dateOrder: { column, order: 'dmy', how: 'default', decidedBy: null },
    warning: {
      sheet: sheet.name,
      row: null,
      column,
      message: 'every date in this column could be day first or month first (no day is over 12); they are read day first (01/09/2025 is 1 September): confirm, or choose month first',
    },
  };
}

/**
 * Chooses the sheet, the header and the mapping of the read workbook and checks the rows, which
 * depend on the remembered mappings in the store as well.
 */
export function readRoll(workbook: ReadWorkbook, file: RollFileNames, remembered: Map<string, RememberedMapping>, request: RollOptions): ReadRoll & { sheets: RollPreview['sheets'] } {
  const { sheet, header, located } = chooseSheet(workbook, request.sheet, new Set(remembered.keys()), file.fileName);

  let mapping: RollMapping;
  let mappingSource: RollPreview['mappingSource'];
  const saved = remembered.get(headerSignature(header.headers));
  if (request.mapping) {
    const problems = mappingProblems(request.mapping, header.headers.length);
    if (problems.length > 0) throw new HubdeskError('validation', `The column mapping cannot be used: ${problems.join('; ')}.`);
    mapping = request.mapping;
    mappingSource = 'given';
  } else if (saved && mappingProblems(saved.mapping, header.headers.length).length === 0) {
    mapping = saved.mapping;
    mappingSource = 'remembered';
  } else {
    mapping = autoMap(header.headers);
    mappingSource = 'automatic';
  }
  const missing = missingRequired(mapping);
  const fileErrors: ImportProblem[] = [];
  if (workbook.encodingUncertain) {
    fileErrors.push({
      sheet: sheet.name,
      row: null,
      column: null,
      message: undecidedEncoding(workbook.encodingUncertain),
    });
  }
  const { dateOrder, warning } = decideDateOrder(sheet, header, mapping, request.dateOrder, saved?.dateOrder ?? null);
  let checked: CheckedRows | null = null;
  if (missing.length > 0) {
    fileErrors.push({
      sheet: sheet.name,
      row: header.row,
      column: null,
      message: `no column is mapped to ${missing.map((f) => ROLL_FIELD_LABELS[f]).join(', ')}: map ${missing.length === 1 ? 'it' : 'them'} by hand, or head the column${missing.length === 1 ? '' : 's'} ${missing.map((f) => ROLL_HEADER_ALIASES[f].map((a) => `"${a}"`).join(' or ')).join('; ')}`,
    });
  } else {
    checked = checkRows(sheet.name, sheet.rows.slice(header.index + 1), header.headers, mapping, dateOrder?.order ?? 'dmy');
    if (checked.rowsRead === 0) fileErrors.push({ sheet: sheet.name, row: null, column: null, message: `there are no school rows below the header (row ${header.row})` });
  }
  return {
    fileName: file.fileName,
    sha256: file.sha256,
    stagingId: file.stagingId,
    workbook,
    sheet,
    header,
    mapping,
    mappingSource,
    missing,
    dateOrder,
    checked,
    fileErrors,
    dateWarnings: warning ? [warning] : [],
    sheets: located.map((l) => ({ name: l.sheet.name, hasHeader: Boolean(l.header?.recognised) })),
  };
}

/** What the commit and the error report need of the read file: never its rows, only those with problems. */
export type AnalysedRead = Pick<ReadRoll, 'fileName' | 'header' | 'mapping' | 'mappingSource' | 'dateOrder'> & {
  /** The cells of each row with a problem, by row number (the error report). */
  problemRows: Map<number, CellValue[]>;
  /** The widest row below the header, in cells. */
  width: number;
};

/**
 * A roll compared with the store. The worker's analysis holds the plan over the fields it reads and
 * no diff hash; the app's (planned.ts) the stored rows and the hash of what the commit would write.
 */
export interface AnalysedRoll<R extends RollRows = StoredRows> {
  read: AnalysedRead;
  planned: PlannedRoll<R> | null;
  preview: RollPreview;
  /** Every error, not just those shown. */
  allErrors: ImportProblem[];
}

/** The hash of a roll with nothing to plan (a missing column, no rows). */
export const NOTHING_PLANNED_HASH = crypto.createHash('sha256').update('nothing').digest('hex');

function analysedRead(read: ReadRoll, allErrors: readonly ImportProblem[]): AnalysedRead {
  const wanted = new Set<number>();
  for (const e of allErrors) if (e.row !== null && e.row !== read.header.row) wanted.add(e.row);
  const problemRows = new Map<number, CellValue[]>();
  let width = read.header.headers.length;
  for (const r of read.sheet.rows) {
    if (r.row <= read.header.row) continue;
    width = Math.max(width, r.cells.length);
    if (wanted.has(r.row)) problemRows.set(r.row, r.cells);
  }
  return { fileName: read.fileName, header: read.header, mapping: read.mapping, mappingSource: read.mappingSource, dateOrder: read.dateOrder, problemRows, width };
}

/**
 * Compares a read roll with the store facts: what would change, and every problem. The preview's
 * diffHash is the app's to fill when something is planned (it hashes the plan with the stored rows).
 */
export function planFromRead(read: ReadRoll & { sheets: RollPreview['sheets'] }, facts: RollStateFacts, request: RollOptions, today: string): AnalysedRoll<RollRows> {
  const { header, mapping } = read;
  const columnOf = (field: 'hub' | 'name' | 'status') => {
    const col = mapping[field];
    return col === undefined ? ROLL_FIELD_LABELS[field] : header.headers[col - 1] || `column ${columnLetter(col)}`;
  };
  let planned: PlannedRoll<RollRows> | null = null;
  if (read.checked) {
    const state = stateFromFacts(facts);
    planned = planRoll(read.checked.records, read.checked.urnsInFile, state, { year: request.year, sheet: read.sheet.name, createHubs: Boolean(request.createHubs), today, columnOf });
  }
  const allErrors = [...read.fileErrors, ...(read.checked?.errors ?? []), ...(planned?.errors ?? [])].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const warnings = [...read.dateWarnings, ...(read.checked?.warnings ?? []), ...(planned?.warnings ?? [])];
  const yearExists = facts.year !== null;
  const badRowCount = (read.checked?.badRows.size ?? 0) + (planned?.badRows.size ?? 0);
  const canCommitIgnoringWarnings = allErrors.length === 0 && planned !== null;
  const preview: RollPreview = {
    fileName: read.fileName,
    stagingId: read.stagingId,
    sha256: read.sha256,
    diffHash: planned ? '' : NOTHING_PLANNED_HASH,
    format: read.workbook.format,
    encoding: read.workbook.encoding,
    delimiter: read.workbook.delimiter,
    encodingChoice: read.workbook.encodingUncertain ?? null,
    dateOrder: read.dateOrder,
    year: request.year,
    yearExists,
    sheets: read.sheets,
    sheet: read.sheet.name,
    headerRow: header.row,
    headers: header.headers.map((h, i) => {
      const field = ROLL_FIELDS.find((f) => mapping[f] === i + 1) ?? null;
      return { column: i + 1, letter: columnLetter(i + 1), header: h, field };
    }),
    mapping,
    mappingSource: read.mappingSource,
    missingFields: read.missing,
    rowsRead: read.checked?.rowsRead ?? 0,
    validRows: Math.max(0, (read.checked?.rowsRead ?? 0) - badRowCount),
    blankRowsSkipped: read.checked?.blankRowsSkipped ?? 0,
    errorCount: allErrors.length,
    errors: allErrors.slice(0, MAX_ERRORS_SHOWN),
    warnings,
    joiners: planned?.joiners ?? [],
    leavers: planned?.leavers ?? [],
    moves: planned?.moves ?? [],
    pupilChanges: planned?.pupilChanges ?? [],
    contactChanges: planned?.contactChanges ?? [],
    detailChanges: planned?.detailChanges ?? [],
    newHubs: planned?.plan.newHubs.map((h) => h.name) ?? [],
    funding: planned?.funding ?? [],
    unchangedRows: planned?.unchangedRows ?? 0,
    noChanges: planned?.noChanges ?? false,
    canCommit: canCommitIgnoringWarnings && (!warnings.some(needsConfirming) || Boolean(request.confirmWarnings)),
    needsConfirmation: warnings.some(needsConfirming),
  };
  return { read: analysedRead(read, allErrors), planned, preview, allErrors };
}

/** The file read in the worker analysed against the store facts sent with it. */
export function analyseRoll(workbook: ReadWorkbook, file: RollFileNames, facts: RollFacts, request: RollOptions, today: string): AnalysedRoll<RollRows> {
  return planFromRead(readRoll(workbook, file, facts.remembered, request), facts.state, request, today);
}
