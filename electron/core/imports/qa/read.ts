/**
 * Reads a QA tracker workbook into typed rows, with every problem a cell has (sheet, row, column,
 * reason). Nothing here knows the store: the plan checks URNs, reviews and duplicates against it.
 */
import type { QaImportIssue } from '@shared/contract/qa-import';
import type { QaEstimate, QaHeadingKey } from '@shared/domain/vocabulary';
import { readSpreadsheet } from '../files/read';
import { FileRefused } from '../files/refused';
import { isBlank, type CellValue, type RawRow } from '../files/cells';
import { cleanText, parseDate, parseUrn } from '../files/values';
import { columnLabel, findSheets, type FoundSheet } from './columns';
import { parseEstimate, parseHeading, parseStatus, parseYesNo, splitPoints, type PointText, type TrackerStatus } from './values';

export interface TrackerPoint extends PointText {
  kind: 'www' | 'ebi';
}

export interface TrackerReview {
  sheetRow: number;
  urn: string;
  startDate: string;
  endDate: string;
  leadReviewer: string | null;
  /** undefined: the column is not in the sheet (the stored value is kept). */
  estimates: Record<QaHeadingKey, QaEstimate | null | undefined>;
  aoeTitle: string | null | undefined;
  aoeAccredited: boolean | undefined;
  reportReceivedOn: string | null | undefined;
  points: TrackerPoint[];
}

export interface TrackerAssignment {
  sheetRow: number;
  reviewerName: string;
  role: string | null;
  homeUrn: string;
  hostUrn: string;
  reviewDate: string | null;
  status: TrackerStatus;
  replaces: string | null;
}

export interface TrackerPointRow extends TrackerPoint {
  sheetRow: number;
  urn: string;
}

export interface ParsedTracker {
  fileName: string;
  sha256: string;
  sheets: { reviews: string | null; assignments: string | null; points: string | null };
  reviewRows: number;
  assignmentRows: number;
  pointRows: number;
  reviews: TrackerReview[];
  assignments: TrackerAssignment[];
  pointRowsParsed: TrackerPointRow[];
  /** Cells that could not be read; the plan adds the store's checks. */
  issues: QaImportIssue[];
}

function cellOf<F extends string>(found: FoundSheet<F>, row: RawRow, field: F): CellValue | undefined {
  const i = found.columns[field];
  return i === undefined ? undefined : (row.cells[i] ?? null);
}

function textOf<F extends string>(found: FoundSheet<F>, row: RawRow, field: F): string | null | undefined {
  const v = cellOf(found, row, field);
  if (v === undefined) return undefined;
  const t = cleanText(v);
  return t.ok ? t.value : null;
}

function blankRow(row: RawRow): boolean {
  return row.cells.every((c) => isBlank(c));
}

/** Reads a tracker workbook (.xlsx or .ods) into typed rows; runs in the import worker. */
export async function readTracker(fileName: string, bytes: Uint8Array, sha256: string): Promise<ParsedTracker> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const workbook = await readSpreadsheet(buffer, fileName, {
    csv: false,
    advice: 'The QA tracker has several sheets: save it from Excel or LibreOffice as .xlsx (or .ods).',
  });
  const found = findSheets(workbook.sheets);
  if (!found.reviews) {
    throw new FileRefused(
      `${fileName} has no sheet of reviews: no sheet has a header row (in its first 10 rows) with "URN" and "Review start" columns. Sheets: ${workbook.sheets.map((s) => `"${s.name}"`).join(', ') || 'none'}.`,
    );
  }
  const issues: QaImportIssue[] = [];
  const parsed: ParsedTracker = {
    fileName,
    sha256,
    sheets: { reviews: found.reviews.sheet.name, assignments: found.assignments?.sheet.name ?? null, points: found.points?.sheet.name ?? null },
    reviewRows: 0,
    assignmentRows: 0,
    pointRows: 0,
    reviews: [],
    assignments: [],
    pointRowsParsed: [],
    issues,
  };

  const r = found.reviews;
  for (const row of r.dataRows) {
    if (blankRow(row)) continue;
    parsed.reviewRows += 1;
    const problem = (field: Parameters<typeof columnLabel<typeof r extends FoundSheet<infer F> ? F : never>>[1], message: string) =>
      issues.push({ sheet: r.sheet.name, row: row.row, column: columnLabel(r, field), message });
    const before = issues.length;
    const urn = parseUrn(cellOf(r, row, 'urn') ?? null);
    if (!urn.ok) problem('urn', urn.message);
    const start = parseDate(cellOf(r, row, 'start') ?? null);
    if (!start.ok) problem('start', start.message);
    else if (start.value === null) problem('start', 'the review start date is missing');
    const endCell = cellOf(r, row, 'end');
    const end = parseDate(endCell ?? null);
    if (!end.ok) problem('end', end.message);
    const estimates = {} as TrackerReview['estimates'];
    for (const h of ['leadership', 'quality', 'disadvantaged'] as const) {
      const t = textOf(r, row, h);
      if (t === undefined) {
        estimates[h] = undefined;
        continue;
      }
      const e = parseEstimate(t);
      if (!e.ok) problem(h, e.message);
      else estimates[h] = e.value;
    }
    const accreditedCell = cellOf(r, row, 'accredited');
    let accredited: boolean | undefined;
    if (accreditedCell !== undefined) {
      const raw = accreditedCell === null || typeof accreditedCell === 'object' ? null : accreditedCell;
      const a = parseYesNo(raw);
      if (!a.ok) problem('accredited', a.message);
      else accredited = a.value;
    }
    const receivedCell = cellOf(r, row, 'reportReceived');
    let received: string | null | undefined;
    if (receivedCell !== undefined) {
      const d = parseDate(receivedCell);
      if (!d.ok) problem('reportReceived', d.message);
      else received = d.value;
    }
    const startDate = start.ok ? start.value : null;
    const endDate = end.ok && end.value !== null ? end.value : null;
    if (startDate && end.ok && end.value === null) problem('end', endCell === undefined ? 'there is no "Review end" column' : 'the review end date is missing');
    if (startDate && endDate && endDate < startDate) problem('end', `the review ends (${endDate}) before it starts (${startDate})`);
    if (issues.length > before || !urn.ok || !startDate || !endDate) continue;
    const points: TrackerPoint[] = [
      ...splitPoints(textOf(r, row, 'www') ?? null).map((p) => ({ ...p, kind: 'www' as const })),
      ...splitPoints(textOf(r, row, 'ebi') ?? null).map((p) => ({ ...p, kind: 'ebi' as const })),
    ];
    parsed.reviews.push({
      sheetRow: row.row,
      urn: urn.value,
      startDate,
      endDate,
      leadReviewer: textOf(r, row, 'lead') ?? null,
      estimates,
      aoeTitle: textOf(r, row, 'aoe'),
      aoeAccredited: accredited,
      reportReceivedOn: received,
      points,
    });
  }

  const a = found.assignments;
  if (a) {
    for (const row of a.dataRows) {
      if (blankRow(row)) continue;
      parsed.assignmentRows += 1;
      const before = issues.length;
      const problem = (field: 'name' | 'role' | 'home' | 'host' | 'date' | 'status' | 'replaces', message: string) =>
        issues.push({ sheet: a.sheet.name, row: row.row, column: columnLabel(a, field), message });
      const name = textOf(a, row, 'name') ?? null;
      if (!name) problem('name', 'the reviewer name is missing');
      const home = parseUrn(cellOf(a, row, 'home') ?? null);
      if (!home.ok) problem('home', home.message);
      const host = parseUrn(cellOf(a, row, 'host') ?? null);
      if (!host.ok) problem('host', host.message);
      const date = parseDate(cellOf(a, row, 'date') ?? null);
      if (!date.ok) problem('date', date.message);
      const status = parseStatus(textOf(a, row, 'status') ?? null);
      if (!status.ok) problem('status', status.message);
      if (home.ok && host.ok && home.value === host.value) problem('home', `a reviewer cannot review their own school (home and host are both ${home.value})`);
      if (issues.length > before || !name || !home.ok || !host.ok || !date.ok || !status.ok) continue;
      parsed.assignments.push({
        sheetRow: row.row,
        reviewerName: name.replace(/\s+/g, ' '),
        role: textOf(a, row, 'role') ?? null,
        homeUrn: home.value,
        hostUrn: host.value,
        reviewDate: date.value,
        status: status.value,
        replaces: textOf(a, row, 'replaces') ?? null,
      });
    }
  }

  const p = found.points;
  if (p) {
    for (const row of p.dataRows) {
      if (blankRow(row)) continue;
      parsed.pointRows += 1;
      const before = issues.length;
      const problem = (field: 'urn' | 'kind' | 'heading' | 'text', message: string) => issues.push({ sheet: p.sheet.name, row: row.row, column: columnLabel(p, field), message });
      const urn = parseUrn(cellOf(p, row, 'urn') ?? null);
      if (!urn.ok) problem('urn', urn.message);
      const kindText = (textOf(p, row, 'kind') ?? '').trim().toLowerCase();
      const kind = kindText === 'www' || kindText === 'what went well' ? 'www' : kindText === 'ebi' || kindText === 'even better if' ? 'ebi' : null;
      if (!kind) problem('kind', kindText ? `"${textOf(p, row, 'kind')}" is not WWW or EBI` : 'the kind (WWW or EBI) is missing');
      const heading = parseHeading(textOf(p, row, 'heading') ?? null);
      if (!heading.ok) problem('heading', heading.message);
      const text = splitPoints(textOf(p, row, 'text') ?? null);
      if (text.length === 0) problem('text', 'the text is missing');
      if (issues.length > before || !urn.ok || !kind || !heading.ok) continue;
      for (const t of text) parsed.pointRowsParsed.push({ sheetRow: row.row, urn: urn.value, kind, heading: heading.value ?? t.heading, text: t.text });
    }
  }
  return parsed;
}
