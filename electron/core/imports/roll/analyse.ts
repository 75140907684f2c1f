import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { HubdeskError } from '../../errors';
import { ROLL_FIELD_LABELS, ROLL_FIELDS, type ImportProblem, type RollMapping, type RollPreview } from '@shared/contract/imports';
import { readWorkbook } from './read';
import { locateHeader, type LocatedHeader } from './header';
import { autoMap, columnLetter, headerSignature, mappingProblems, missingRequired } from './fields';
import { rememberedMappings } from './mappings';
import { checkRows, type CheckedRows } from './validate';
import { loadRollState } from './state';
import { planRoll, type PlannedRoll } from './plan';
import { UnreadableFileError, type RawSheet, type RawWorkbook } from './sheet';
import type { CoreContext } from '../../context';
import { forget, parsedOnce, plannedOnce, type StampedPlan } from '../memo';

export interface RollRequest {
  fileName: string;
  contentBase64: string;
  year: string;
  sheet?: string;
  mapping?: RollMapping;
  createHubs?: boolean;
  confirmWarnings?: boolean;
}

/** The file read, its sheet and header found, its columns mapped and its rows checked (no database state yet). */
export interface ReadRoll {
  fileName: string;
  sha256: string;
  workbook: RawWorkbook;
  sheet: RawSheet;
  header: LocatedHeader;
  mapping: RollMapping;
  mappingSource: RollPreview['mappingSource'];
  missing: ReturnType<typeof missingRequired>;
  checked: CheckedRows | null;
  fileErrors: ImportProblem[];
}

const MAX_ERRORS_SHOWN = 500;

/** A warning that must be confirmed before a commit (not one shown for information only). */
export const needsConfirming = (w: ImportProblem): boolean => w.informational !== true;

function chooseSheet(workbook: RawWorkbook, requested: string | undefined, remembered: ReadonlySet<string>, fileName: string) {
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

/** The bytes of a request and their SHA-256. */
export function requestFile(request: Pick<RollRequest, 'contentBase64'>): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.from(request.contentBase64, 'base64');
  return { bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

async function readFileOf(bytes: Buffer, fileName: string): Promise<RawWorkbook> {
  try {
    return await readWorkbook(bytes, fileName);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new HubdeskError('validation', error.message);
    throw error;
  }
}

/**
 * Reads the request's file (the workbook from the parsed-file cache when `reuseParsed`: it depends
 * on the bytes and the name only), then chooses the sheet, the header and the mapping and checks the
 * rows, which depend on the remembered mappings in the store as well.
 */
export async function readRoll(
  db: Kysely<Database> | Transaction<Database>,
  request: RollRequest,
  options: { file?: { bytes: Buffer; sha256: string }; reuseParsed?: boolean } = {},
): Promise<ReadRoll & { sheets: RollPreview['sheets'] }> {
  const { bytes, sha256 } = options.file ?? requestFile(request);
  const workbook = options.reuseParsed
    ? await parsedOnce(`roll|${sha256}|${request.fileName}`, () => readFileOf(bytes, request.fileName))
    : await readFileOf(bytes, request.fileName);
  const remembered = await rememberedMappings(db);
  const { sheet, header, located } = chooseSheet(workbook, request.sheet, new Set(remembered.keys()), request.fileName);

  let mapping: RollMapping;
  let mappingSource: RollPreview['mappingSource'];
  if (request.mapping) {
    const problems = mappingProblems(request.mapping, header.headers.length);
    if (problems.length > 0) throw new HubdeskError('validation', `The column mapping cannot be used: ${problems.join('; ')}.`);
    mapping = request.mapping;
    mappingSource = 'given';
  } else {
    const saved = remembered.get(headerSignature(header.headers));
    if (saved && mappingProblems(saved, header.headers.length).length === 0) {
      mapping = saved;
      mappingSource = 'remembered';
    } else {
      mapping = autoMap(header.headers);
      mappingSource = 'automatic';
    }
  }
  const missing = missingRequired(mapping);
  const fileErrors: ImportProblem[] = [];
  let checked: CheckedRows | null = null;
  if (missing.length > 0) {
    fileErrors.push({
      sheet: sheet.name,
      row: header.row,
      column: null,
      message: `no column is mapped to ${missing.map((f) => ROLL_FIELD_LABELS[f]).join(', ')}: map ${missing.length === 1 ? 'it' : 'them'} by hand, or name the column${missing.length === 1 ? '' : 's'} as DOMAIN.md §8 lists`,
    });
  } else {
    checked = checkRows(sheet.name, sheet.rows.slice(header.index + 1), header.headers, mapping);
    if (checked.rowsRead === 0) fileErrors.push({ sheet: sheet.name, row: null, column: null, message: `there are no school rows below the header (row ${header.row})` });
  }
  return {
    fileName: request.fileName,
    sha256,
    workbook,
    sheet,
    header,
    mapping,
    mappingSource,
    missing,
    checked,
    fileErrors,
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
  request: RollRequest,
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
  const warnings = [...(read.checked?.warnings ?? []), ...(planned?.warnings ?? [])];
  const yearExists = planned ? !planned.plan.createYear : Boolean(await db.selectFrom('membership_years').select('id').where('label', '=', request.year).executeTakeFirst());
  const badRowCount = (read.checked?.badRows.size ?? 0) + (planned?.badRows.size ?? 0);
  const canCommitIgnoringWarnings = allErrors.length === 0 && planned !== null;
  const preview: RollPreview = {
    fileName: read.fileName,
    sha256: read.sha256,
    diffHash: planned?.diffHash ?? crypto.createHash('sha256').update('nothing').digest('hex'),
    format: read.workbook.format,
    encoding: read.workbook.encoding,
    delimiter: read.workbook.delimiter,
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

export async function analyseRoll(db: Kysely<Database> | Transaction<Database>, request: RollRequest, today: string): Promise<AnalysedRoll> {
  return planFromRead(db, await readRoll(db, request), request, today);
}

/** Everything the plan depends on besides the store: the file, the year, the sheet, the mapping, the options and today. */
export function rollPlanKey(request: RollRequest, sha256: string, today: string): string {
  const mapping = request.mapping ? Object.entries(request.mapping).sort(([a], [b]) => a.localeCompare(b)) : null;
  return JSON.stringify(['roll', sha256, request.fileName, request.year, request.sheet ?? null, mapping, Boolean(request.createHubs), today]);
}

/**
 * The roll analysed against the store as it is now. The preview's analysis is reused (by the next
 * preview of the same file and options, and by the commit) while nothing has been written to the
 * store since; the read workbook is reused whatever the store holds. Only whether warnings were
 * confirmed is taken from this request.
 */
export async function plannedRoll(ctx: CoreContext, request: RollRequest): Promise<StampedPlan<AnalysedRoll>> {
  const file = requestFile(request);
  const today = ctx.today();
  const planned = await plannedOnce(ctx.store, rollPlanKey(request, file.sha256, today), async () =>
    planFromRead(ctx.db, await readRoll(ctx.db, request, { file, reuseParsed: true }), request, today),
  );
  const a = planned.value;
  const canCommit = a.allErrors.length === 0 && a.planned !== null && (!a.preview.needsConfirmation || Boolean(request.confirmWarnings));
  return canCommit === a.preview.canCommit ? planned : { ...planned, value: { ...a, preview: { ...a.preview, canCommit } } };
}

export async function previewRoll(ctx: CoreContext, request: RollRequest): Promise<AnalysedRoll> {
  return (await plannedRoll(ctx, request)).value;
}

/** Drops the cached analysis and workbook of a committed file. */
export function forgetRoll(ctx: CoreContext, request: RollRequest, sha256: string): void {
  forget(ctx.store, rollPlanKey(request, sha256, ctx.today()), `roll|${sha256}|${request.fileName}`);
}
