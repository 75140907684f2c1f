/**
 * What importing a file would do, given what the store already holds. Pure: the same plan serves the
 * preview and, rebuilt inside the commit's transaction, the commit.
 *
 * **Errors** (the whole file is refused; nothing is written):
 * - the file cannot be read, or has no URN column / no inspection columns (thrown by parse.ts);
 * - a CSV whose text encoding its bytes do not tell, until a person chooses one (the preview offers
 *   the likely encodings, each with a sample row; the rows planned are only the likeliest reading);
 * - a row whose URN is not 6 digits — whatever the school, since its membership cannot be known;
 * - in a kept row (a member school, or every school with allSchools): an unparseable date, a grade
 *   out of range for its column (`5`, `Good-ish`, `Met` under Inclusion), grades without a start date,
 *   grades that contradict the inspection's date (report-card words before 10/11/2025, 1–4 codes
 *   after, an overall grade from September 2024);
 * - the same URN on two rows with different values (which one is right cannot be known).
 * **Warnings** (imported; shown in the preview):
 * - the same URN on two rows with identical values (read once);
 * - an unknown category of concern (kept as given); a report-card grade without its date of grade
 *   (dated by the inspection start); "Not judged" overall before September 2024 (stored as given, no overall grade).
 * Rows of non-member schools are counted as ignored and not checked beyond their URN: a slip in a
 * school the network does not follow must not block the monthly import.
 * Inspections already stored (same URN, start date and framework) are skipped and counted.
 */
import type {
  OfstedImportIssue,
  OfstedImportPreview,
  OfstedInspectionView,
  OfstedPreviewSchool,
} from '@shared/contract/ofsted-import';
import { keyOf, mapRow, rowSignature, type MappedInspection, type RowIssue } from './map-row';
import { describeColumn } from './columns';
import { isBlank, parseOfstedDate, parseUrn } from './values';
import { sourceAsAt } from './source-date';
import type { ParsedOfstedFile } from './parse';
import { undecidedEncoding } from '../files/encoding-question';

/** What the plan needs from the store, loaded once per preview or commit (never per row). */
export interface StoreFacts {
  /** URN → name of every school hubdesk follows (any membership year). */
  members: ReadonlyMap<string, string>;
  /** keyOf(...) of every stored inspection. */
  existingKeys: ReadonlySet<string>;
  previousImport: { batchId: number; createdAt: string } | null;
}

export interface OfstedPlan {
  preview: Omit<OfstedImportPreview, 'stagingId' | 'diffHash'>;
  /** Every new inspection to insert (kept rows only, none already stored). */
  toInsert: MappedInspection[];
}

/** Lists in the preview are capped so a national import stays a reasonable response. */
export const MAX_LISTED_ISSUES = 200;
export const MAX_LISTED_SCHOOLS = 1000;
export const MAX_LISTED_MISSING_MEMBERS = 500;

function issueView(i: RowIssue): OfstedImportIssue {
  return { row: i.row, column: i.column, urn: i.urn, message: i.message };
}

export function inspectionView(i: MappedInspection): OfstedInspectionView {
  return {
    startDate: i.startDate,
    publicationDate: i.publicationDate,
    framework: i.framework,
    inspectionType: i.inspectionType,
    inspectionNumber: i.inspectionNumber,
    categoryOfConcern: i.categoryOfConcern,
    outcomeText: i.outcomeText,
    urnAtInspection: i.urnAtInspection,
    judgements: i.judgements.map((j) => ({ ...j })),
  };
}

export function buildPlan(parsed: ParsedOfstedFile, facts: StoreFacts, allSchools: boolean): OfstedPlan {
  const { sheet, columns } = parsed;
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const firstSeen = new Map<string, { row: number; cells: readonly string[] }>();
  const schools: OfstedPreviewSchool[] = [];
  const toInsert: MappedInspection[] = [];
  /** The latest publication date in the file (for its as-at date when its name gives none). */
  let latestPublication: string | null = null;
  let rowsKept = 0;
  let rowsIgnored = 0;
  let blankRows = 0;
  let duplicatesSkipped = 0;
  let newJudgements = 0;
  /** Schools with something new or already stored; only the first MAX_LISTED_SCHOOLS are described. */
  let schoolCount = 0;
  const newByFramework: Record<string, number> = {};

  for (const sheetRow of sheet.rows) {
    const cells = sheetRow.cells;
    for (const c of columns.publicationColumns) {
      const raw = cells[c.index];
      if (isBlank(raw)) continue;
      const d = parseOfstedDate(raw!);
      if (d.ok && (latestPublication === null || d.date > latestPublication)) latestPublication = d.date;
    }
    if (cells.every((c) => c.trim() === '')) {
      blankRows += 1;
      continue;
    }
    const urn = parseUrn(cells[columns.urn.index]);
    if (!urn.ok) {
      errors.push({ severity: 'error', row: sheetRow.row, column: describeColumn(columns.urn), urn: null, message: `${urn.reason}.` });
      continue;
    }
    const member = facts.members.has(urn.urn);
    if (!member && !allSchools) {
      rowsIgnored += 1;
      continue;
    }
    const mapped = mapRow(columns, sheetRow);
    const first = firstSeen.get(urn.urn);
    if (first) {
      const same = rowSignature(first.cells) === rowSignature(cells);
      (same ? warnings : errors).push({
        severity: same ? 'warning' : 'error',
        row: mapped.row,
        column: describeColumn(columns.urn),
        urn: urn.urn,
        message: same
          ? `URN ${urn.urn} repeats row ${first.row} exactly; it is read once.`
          : `URN ${urn.urn} is also on row ${first.row}, with different values: which row is right cannot be known.`,
      });
      continue;
    }
    firstSeen.set(urn.urn, { row: mapped.row, cells });
    rowsKept += 1;
    let rowHasError = false;
    for (const issue of mapped.issues) {
      if (issue.severity === 'error') {
        rowHasError = true;
        errors.push(issue);
      } else warnings.push(issue);
    }
    if (rowHasError) continue;
    const fresh: MappedInspection[] = [];
    let duplicates = 0;
    for (const i of mapped.inspections) {
      if (facts.existingKeys.has(keyOf(i))) duplicates += 1;
      else fresh.push(i);
    }
    duplicatesSkipped += duplicates;
    for (const i of fresh) {
      toInsert.push(i);
      newJudgements += i.judgements.length;
      newByFramework[i.framework] = (newByFramework[i.framework] ?? 0) + 1;
    }
    if ((fresh.length > 0 || duplicates > 0) && schoolCount++ < MAX_LISTED_SCHOOLS) {
      schools.push({
        urn: urn.urn,
        name: mapped.name ?? facts.members.get(urn.urn) ?? null,
        member,
        row: mapped.row,
        newInspections: fresh.map(inspectionView),
        duplicates,
      });
    }
  }

  const membersNotInFile = [...facts.members]
    .filter(([urn]) => !firstSeen.has(urn))
    .map(([urn, name]) => ({ urn, name }))
    .sort((a, b) => a.urn.localeCompare(b.urn));
  const asAt = sourceAsAt(parsed.fileName, latestPublication === null ? [] : [latestPublication]);
  const fileErrors: OfstedImportIssue[] = sheet.encodingUncertain ? [{ row: null, column: null, urn: null, message: undecidedEncoding(sheet.encodingUncertain) }] : [];
  const preview: Omit<OfstedImportPreview, 'stagingId' | 'diffHash'> = {
    fileName: parsed.fileName,
    sha256: parsed.sha256,
    format: sheet.format,
    encoding: sheet.encoding,
    encodingChoice: sheet.encodingUncertain,
    sheetName: sheet.sheetName,
    headerRow: sheet.headerRow,
    sourceAsAt: asAt.date,
    sourceAsAtFrom: asAt.from,
    allSchools,
    rows: sheet.rows.length,
    rowsKept,
    rowsIgnored,
    blankRows,
    newInspections: toInsert.length,
    newJudgements,
    duplicatesSkipped,
    newByFramework,
    schools,
    schoolsOmitted: Math.max(0, schoolCount - MAX_LISTED_SCHOOLS),
    membersNotInFile: membersNotInFile.slice(0, MAX_LISTED_MISSING_MEMBERS),
    errors: [...fileErrors, ...errors.slice(0, MAX_LISTED_ISSUES - fileErrors.length).map(issueView)],
    errorCount: fileErrors.length + errors.length,
    warnings: warnings.slice(0, MAX_LISTED_ISSUES).map(issueView),
    warningCount: warnings.length,
    previousImport: facts.previousImport,
    canCommit: fileErrors.length + errors.length === 0,
  };
  return { preview, toInsert };
}

/** "row 12, "Latest OEIF overall effectiveness" (column BP): "5" is not a grade …" */
export function issueText(i: OfstedImportIssue): string {
  const where = [i.row !== null ? `row ${i.row}` : null, i.column, i.urn ? `URN ${i.urn}` : null].filter(Boolean).join(', ');
  return where ? `${where}: ${i.message}` : i.message;
}
