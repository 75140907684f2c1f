import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { HubdeskError } from '../../errors';
import { ROLL_FIELD_LABELS, ROLL_FIELDS, type ImportProblem, type RollMapping, type RollPreview } from '@shared/contract/roll-import';
import { locateHeader, type LocatedHeader } from './header';
import { ROLL_HEADER_ALIASES, autoMap, columnLetter, headerSignature, mappingProblems, missingRequired } from './fields';
import { rememberedMappings } from './mappings';
import { checkRows, type CheckedRows } from './validate';
import { loadRollState } from './state';
import { planRoll, type PlannedRoll } from './plan';
import type { RawSheet } from '../files/cells';
import type { ReadWorkbook } from '../files/read';
import type { TextEncoding } from '../files/encoding';
import { dateOrderOf, type DateOrder } from '../files/dates';
import type { CoreContext } from '../../context';
import { plannedOnce, forget, type StampedPlan } from '../memo';
import { readStaged, stagedFrom, type FileReference, type StagedFile } from '../staging';
import { runInWorker } from '../worker/pool';

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

const ADVICE = 'Save the roll from Excel or LibreOffice as .xlsx, .ods or .csv and import that.';

/** The staged file read in the import worker (once per encoding). */
export function readRollStaged(file: StagedFile, encoding?: TextEncoding): Promise<ReadWorkbook> {
  return readStaged(file, `roll|${encoding ?? ''}`, () =>
    runInWorker({ kind: 'spreadsheet', fileName: file.fileName, bytes: file.bytes, advice: ADVICE, csv: true, encoding }),
  );
}

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
 * Reads the staged file (once: the workbook is kept with it), then chooses the sheet, the header and
 * the mapping and checks the rows, which depend on the remembered mappings in the store as well.
 */
export async function readRoll(db: Kysely<Database> | Transaction<Database>, file: StagedFile, request: RollOptions): Promise<ReadRoll & { sheets: RollPreview['sheets'] }> {
  const workbook = await readRollStaged(file, request.encoding);
  const remembered = await rememberedMappings(db);
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
      message: `the text encoding cannot be told (${workbook.encodingUncertain.reason}), so names could be read wrongly: choose the encoding whose sample row reads right`,
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
    stagingId: file.id,
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

export interface AnalysedRoll {
  read: ReadRoll;
  planned: PlannedRoll | null;
  preview: RollPreview;
  /** Every error, not just those shown. */
  allErrors: ImportProblem[];
}

/** Compares a read roll with the database: what would change, and every problem. Writes nothing. */
export async function planFromRead(
  db: Kysely<Database> | Transaction<Database>,
  read: ReadRoll & { sheets: RollPreview['sheets'] },
  request: RollOptions,
  today: string,
): Promise<AnalysedRoll> {
  const { header, mapping } = read;
  const columnOf = (field: 'hub' | 'name' | 'status') => {
    const col = mapping[field];
    return col === undefined ? ROLL_FIELD_LABELS[field] : header.headers[col - 1] || `column ${columnLetter(col)}`;
  };
  let planned: PlannedRoll | null = null;
  if (read.checked) {
    const state = await loadRollState(db, request.year);
    planned = planRoll(read.checked.records, read.checked.urnsInFile, state, { year: request.year, sheet: read.sheet.name, createHubs: Boolean(request.createHubs), today, columnOf });
  }
  const allErrors = [...read.fileErrors, ...(read.checked?.errors ?? []), ...(planned?.errors ?? [])].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const warnings = [...read.dateWarnings, ...(read.checked?.warnings ?? []), ...(planned?.warnings ?? [])];
  const yearExists = planned ? !planned.plan.createYear : Boolean(await db.selectFrom('membership_years').select('id').where('label', '=', request.year).executeTakeFirst());
  const badRowCount = (read.checked?.badRows.size ?? 0) + (planned?.badRows.size ?? 0);
  const canCommitIgnoringWarnings = allErrors.length === 0 && planned !== null;
  const preview: RollPreview = {
    fileName: read.fileName,
    stagingId: read.stagingId,
    sha256: read.sha256,
    diffHash: planned?.diffHash ?? crypto.createHash('sha256').update('nothing').digest('hex'),
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
  return { read, planned, preview, allErrors };
}

/** Everything the plan depends on besides the store: the staged file, the year, the sheet, the mapping, the options and today. */
export function rollPlanKey(file: StagedFile, request: RollOptions, today: string): string {
  const mapping = request.mapping ? Object.entries(request.mapping).sort(([a], [b]) => a.localeCompare(b)) : null;
  return JSON.stringify(['roll', file.id, request.year, request.sheet ?? null, mapping, Boolean(request.createHubs), request.encoding ?? null, request.dateOrder ?? null, today]);
}

/**
 * The roll analysed against the store as it is now. The preview's analysis is reused (by the next
 * preview of the same file and options, and by the commit) while nothing has been written to the
 * store since; the read workbook is kept with the staged file whatever the store holds. Only whether
 * warnings were confirmed is taken from this request.
 */
export async function plannedRoll(ctx: CoreContext, file: StagedFile, request: RollOptions): Promise<StampedPlan<AnalysedRoll>> {
  const today = ctx.today();
  const planned = await plannedOnce(ctx.store, rollPlanKey(file, request, today), async () => planFromRead(ctx.db, await readRoll(ctx.db, file, request), request, today));
  const a = planned.value;
  const canCommit = a.allErrors.length === 0 && a.planned !== null && (!a.preview.needsConfirmation || Boolean(request.confirmWarnings));
  return canCommit === a.preview.canCommit ? planned : { ...planned, value: { ...a, preview: { ...a.preview, canCommit } } };
}

export async function previewRoll(ctx: CoreContext, request: RollRequest): Promise<AnalysedRoll> {
  return (await plannedRoll(ctx, stagedFrom('roll', request), request)).value;
}

/** Drops the cached analysis of a committed file. */
export function forgetRoll(ctx: CoreContext, file: StagedFile, request: RollOptions): void {
  forget(ctx.store, rollPlanKey(file, request, ctx.today()));
}
