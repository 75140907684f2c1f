/**
 * Reads GIAS's all-establishment extract ("Get Information About Schools", DfE: ~50,000 rows × 120
 * columns, Windows-1252 in the national download, dates dd-mm-yyyy, "Not applicable" common) and
 * its links file (URN, LinkURN, LinkName, LinkType, LinkEstablishedDate). Runs in the import worker
 * and keeps only the columns hubdesk uses, so little crosses back to the app.
 */
import { readSpreadsheet } from '../files/read';
import { cellText, type CellValue, type RawRow } from '../files/cells';
import { FileRefused } from '../files/refused';
import { FILE_LIMITS } from '../files/limits';
import { numericDate, pairToIso } from '../files/dates';
import type { TextEncoding, UncertainEncoding } from '../files/encoding';

/** The columns read, as GIAS names them (compared without case or spacing). */
export const GIAS_COLUMNS = {
  urn: 'URN',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  status: 'EstablishmentStatus (name)',
  closeDate: 'CloseDate',
  closeReason: 'ReasonEstablishmentClosed (name)',
  phase: 'PhaseOfEducation (name)',
  localAuthority: 'LA (name)',
  trust: 'Trusts (name)',
  headFirst: 'HeadFirstName',
  headLast: 'HeadLastName',
  postcode: 'Postcode',
  pupils: 'NumberOfPupils',
  censusDate: 'CensusDate',
} as const;
type GiasField = keyof typeof GIAS_COLUMNS;

export const LINK_COLUMNS = { urn: 'URN', linkUrn: 'LinkURN', linkName: 'LinkName', linkType: 'LinkType', established: 'LinkEstablishedDate' } as const;

export interface GiasRow {
  /** The line in the file (the header is line 1). */
  row: number;
  urn: string;
  name: string | null;
  type: string | null;
  status: string | null;
  closeDate: string | null;
  closeReason: string | null;
  phase: string | null;
  localAuthority: string | null;
  trust: string | null;
  headteacher: string | null;
  postcode: string | null;
  pupils: number | null;
  censusDate: string | null;
}

export interface GiasIssue {
  row: number;
  column: string;
  message: string;
}

export interface GiasExtract {
  fileName: string;
  format: string;
  encoding: string | null;
  /** Set when a CSV's bytes did not tell its encoding: the rows are only its likeliest reading, until a person chooses. */
  encodingUncertain: UncertainEncoding | null;
  rowsRead: number;
  rows: GiasRow[];
  /** Cells that could not be read (rows whose URN is not one, unreadable dates and counts). */
  issues: GiasIssue[];
}

export interface GiasLink {
  row: number;
  urn: string;
  linkUrn: string;
  linkName: string | null;
  linkType: string;
  establishedOn: string | null;
}

export interface GiasLinks {
  fileName: string;
  encoding: string | null;
  encodingUncertain: UncertainEncoding | null;
  rowsRead: number;
  links: GiasLink[];
  issues: GiasIssue[];
}

const ADVICE = 'Download the establishment fields extract from Get Information About Schools (CSV) and import it as it is.';
const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** GIAS writes "nothing here" as an empty cell, "Not applicable", "Not recorded" or "..". */
function clean(value: CellValue | undefined): string | null {
  const t = cellText(value ?? null).replace(/\s+/g, ' ').trim();
  if (t === '' || t === '..' || /^not (applicable|recorded|collected)$/i.test(t)) return null;
  return t;
}

/** GIAS dates are dd-mm-yyyy (a workbook's date cells are read as dates). */
function giasDate(value: CellValue | undefined): string | null | undefined {
  if (value !== null && typeof value === 'object' && 'date' in value) return value.date;
  const t = clean(value);
  if (t === null) return null;
  const d = numericDate(t);
  if (!d) return undefined;
  return d.kind === 'iso' ? (d.iso ?? undefined) : (pairToIso(d, 'dmy') ?? undefined);
}

async function sheetOf(bytes: Buffer, fileName: string, encoding: TextEncoding | undefined, required: readonly string[], what: string) {
  const workbook = await readSpreadsheet(bytes, fileName, { advice: ADVICE, csv: true, encoding, maxBytes: FILE_LIMITS.maxGiasFileBytes });
  for (const sheet of workbook.sheets) {
    const headerIndex = sheet.rows.findIndex((r, i) => i < 10 && r.cells.some((c) => typeof c === 'string' && key(c) === 'urn'));
    if (headerIndex < 0) continue;
    const header = sheet.rows[headerIndex]!.cells.map((c) => key(cellText(c)));
    const missing = required.filter((h) => !header.includes(key(h)));
    if (missing.length > 0) {
      throw new FileRefused(`${fileName} is not ${what}: it has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length === 1 ? '' : 's'}. ${ADVICE}`);
    }
    return { workbook, header, rows: sheet.rows.slice(headerIndex + 1) };
  }
  throw new FileRefused(`${fileName} is not ${what}: it has no "URN" column in its first rows. ${ADVICE}`);
}

function columnsOf<T extends Record<string, string>>(header: string[], names: T): Record<keyof T, number> {
  const out = {} as Record<keyof T, number>;
  for (const [field, name] of Object.entries(names)) out[field as keyof T] = header.indexOf(key(name));
  return out;
}

function urnOf(value: CellValue | undefined): string | null {
  const t = cellText(value ?? null).trim().replace(/^'/, '');
  return /^\d{6}$/.test(t) ? t : null;
}

export async function readGiasExtract(bytes: Buffer, fileName: string, encoding?: TextEncoding): Promise<GiasExtract> {
  const { workbook, header, rows } = await sheetOf(bytes, fileName, encoding, [GIAS_COLUMNS.urn, GIAS_COLUMNS.name, GIAS_COLUMNS.status], "GIAS's establishment extract");
  const col = columnsOf(header, GIAS_COLUMNS);
  const issues: GiasIssue[] = [];
  const out: GiasRow[] = [];
  let rowsRead = 0;
  const at = (r: RawRow, f: GiasField) => (col[f] < 0 ? undefined : r.cells[col[f]]);
  for (const r of rows) {
    if (r.cells.every((c) => c === null)) continue;
    rowsRead += 1;
    const urn = urnOf(at(r, 'urn'));
    if (!urn) {
      issues.push({ row: r.row, column: GIAS_COLUMNS.urn, message: `"${cellText(at(r, 'urn') ?? null)}" is not a URN (a URN is 6 digits)` });
      continue;
    }
    const closeDate = giasDate(at(r, 'closeDate'));
    const censusDate = giasDate(at(r, 'censusDate'));
    if (closeDate === undefined) issues.push({ row: r.row, column: GIAS_COLUMNS.closeDate, message: `"${cellText(at(r, 'closeDate') ?? null)}" is not a date (GIAS writes dd-mm-yyyy)` });
    if (censusDate === undefined) issues.push({ row: r.row, column: GIAS_COLUMNS.censusDate, message: `"${cellText(at(r, 'censusDate') ?? null)}" is not a date (GIAS writes dd-mm-yyyy)` });
    const pupilsText = clean(at(r, 'pupils'));
    let pupils: number | null = null;
    if (pupilsText !== null) {
      const n = Number(pupilsText.replace(/,/g, ''));
      if (Number.isSafeInteger(n) && n >= 0) pupils = n;
      else issues.push({ row: r.row, column: GIAS_COLUMNS.pupils, message: `"${pupilsText}" is not a number of pupils` });
    }
    const head = [clean(at(r, 'headFirst')), clean(at(r, 'headLast'))].filter(Boolean).join(' ');
    out.push({
      row: r.row,
      urn,
      name: clean(at(r, 'name')),
      type: clean(at(r, 'type')),
      status: clean(at(r, 'status')),
      closeDate: closeDate ?? null,
      closeReason: clean(at(r, 'closeReason')),
      phase: clean(at(r, 'phase')),
      localAuthority: clean(at(r, 'localAuthority')),
      trust: clean(at(r, 'trust')),
      headteacher: head === '' ? null : head,
      postcode: clean(at(r, 'postcode'))?.toUpperCase() ?? null,
      pupils: pupilsText === null ? null : pupils,
      censusDate: censusDate ?? null,
    });
  }
  return { fileName, format: workbook.format, encoding: workbook.encoding, encodingUncertain: workbook.encodingUncertain ?? null, rowsRead, rows: out, issues };
}

export async function readGiasLinks(bytes: Buffer, fileName: string, encoding?: TextEncoding): Promise<GiasLinks> {
  const { workbook, header, rows } = await sheetOf(bytes, fileName, encoding, Object.values(LINK_COLUMNS).slice(0, 4), "GIAS's links file");
  const col = columnsOf(header, LINK_COLUMNS);
  const issues: GiasIssue[] = [];
  const links: GiasLink[] = [];
  let rowsRead = 0;
  for (const r of rows) {
    if (r.cells.every((c) => c === null)) continue;
    rowsRead += 1;
    const urn = urnOf(r.cells[col.urn]);
    const linkUrn = urnOf(r.cells[col.linkUrn]);
    const linkType = clean(r.cells[col.linkType]);
    if (!urn || !linkUrn || !linkType) {
      issues.push({ row: r.row, column: !urn ? LINK_COLUMNS.urn : !linkUrn ? LINK_COLUMNS.linkUrn : LINK_COLUMNS.linkType, message: 'the link is incomplete (a URN, a linked URN and a link type are needed)' });
      continue;
    }
    const established = col.established < 0 ? null : giasDate(r.cells[col.established]);
    links.push({ row: r.row, urn, linkUrn, linkName: clean(r.cells[col.linkName]), linkType, establishedOn: established ?? null });
  }
  return { fileName, encoding: workbook.encoding, encodingUncertain: workbook.encodingUncertain ?? null, rowsRead, links, issues };
}
