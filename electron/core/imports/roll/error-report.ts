import { loadExcelJs } from '../../exceljs';
import type { ErrorReportFile, ImportProblem } from '@shared/contract/roll-import';
import type { AnalysedRoll } from './analyse';
import type { CellValue } from '../files/cells';
import { fitCellText } from '../../exports/excel-limits';

/**
 * The rows of a roll that have problems, as an .xlsx: the original header row and cells, plus a
 * "Problem" column, so a person can fix them and import again.
 *
 * **Decision** on formula injection: every text cell is written as a string cell (exceljs writes it as
 * a shared string), never as a formula, so text such as "=HYPERLINK(…)" or "+44…" from the original file
 * is shown as text and never evaluated. (exceljs has no quotePrefix style; string cells need none to stay text.)
 */
export async function buildErrorReport(analysed: AnalysedRoll): Promise<ErrorReportFile> {
  const { read, allErrors } = analysed;
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'hubdesk';
  const sheet = workbook.addWorksheet('Problems');
  const headers = read.header.headers;
  const rowsByNumber = read.problemRows;
  const width = read.width;
  const headerRow = sheet.addRow(['Row in file', ...Array.from({ length: width }, (_, i) => fitCellText(headers[i] ?? '')), 'Problem']);
  headerRow.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const byRow = new Map<number, ImportProblem[]>();
  const wholeFile: ImportProblem[] = [];
  for (const p of allErrors) {
    if (p.row === null || p.row === read.header.row) wholeFile.push(p);
    else byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  }

  let rows = 0;
  for (const [rowNumber, problems] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const cells = rowsByNumber.get(rowNumber) ?? [];
    const values = Array.from({ length: width }, (_, i) => toExcel(cells[i] ?? null));
    const message = problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; ');
    const added = sheet.addRow([rowNumber, ...values, fitCellText(message)]);
    added.getCell(width + 2).font = { color: { argb: 'FFB42318' } };
    rows += 1;
  }
  for (const p of wholeFile) {
    sheet.addRow(['', ...Array.from({ length: width }, () => ''), fitCellText(`Whole file${p.row ? ` (header row ${p.row})` : ''}: ${p.message}`)]);
    rows += 1;
  }
  sheet.getColumn(1).width = 12;
  sheet.getColumn(width + 2).width = 80;
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const base = read.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base} - problems.xlsx`, contentBase64: buffer.toString('base64'), rows };
}

/** A cell as exceljs should write it: numbers and dates as such, everything else as plain text. */
function toExcel(value: CellValue): string | number | boolean | Date | null {
  if (value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // A CSV cell can be longer than an Excel cell holds: cut with a visible "… (truncated)".
  if (typeof value === 'string') return fitCellText(value);
  if ('date' in value) return new Date(`${value.date}T00:00:00Z`);
  return value.error || '(formula with no saved result)';
}
