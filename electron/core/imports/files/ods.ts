import { checkRowCount } from './limits';
import { FileRefused } from './refused';
import { ZipArchive } from './zip';
import { attr, parseXmlStream } from './xml';
import { fillMerges, type CellValue, type MergedRange, type RawRow, type RawSheet, type RawWorkbook } from './cells';

export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Repeated empty rows and columns (LibreOffice pads every sheet to its last row) are skipped, not expanded. */
const MAX_REPEAT_EXPANDED = 1_000;

export function isOds(zip: ZipArchive): boolean {
  return (zip.readText('mimetype', 200)?.trim() ?? '') === ODS_MIMETYPE;
}

/**
 * Reads an OpenDocument spreadsheet (.ods, LibreOffice's own format) from its content.xml:
 * cells typed by office:value-type (numbers, dates, booleans and text kept apart), paragraphs of a
 * cell joined by line breaks, repeated rows and cells expanded, spanned (merged) cells filled.
 */
export async function readOds(bytes: Buffer, fileName: string): Promise<RawWorkbook> {
  const zip = new ZipArchive(bytes, fileName, 'OpenDocument spreadsheet');
  if (!zip.has('content.xml')) throw zip.damaged('it has no content.xml');
  const fail = (message: string) => new FileRefused(`${fileName} could not be read as an OpenDocument spreadsheet: content.xml: ${message}`);

  const sheets: RawSheet[] = [];
  let sheet: { name: string; rows: RawRow[]; merges: MergedRange[] } | null = null;
  let rowNumber = 0;
  let rowRepeat = 1;
  let cells: CellValue[] = [];
  let col = 0;
  let cell: { value: CellValue; repeat: number; type: string | null; paragraphs: string[][]; spanRows: number; spanCols: number } | null = null;
  let paragraph: string[] | null = null;
  let annotation = 0;

  const endRow = () => {
    if (!sheet) return;
    let end = cells.length;
    while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end -= 1;
    if (end === 0) {
      rowNumber += rowRepeat; // empty rows (however many repeated) only move the row number on
      return;
    }
    const trimmed = cells.slice(0, end).map((c) => c ?? null);
    for (let i = 0; i < Math.min(rowRepeat, MAX_REPEAT_EXPANDED); i++) {
      rowNumber += 1;
      sheet.rows.push({ row: rowNumber, cells: i === 0 ? trimmed : [...trimmed] });
      checkRowCount(sheet.rows.length, fileName, sheet.name);
    }
    if (rowRepeat > MAX_REPEAT_EXPANDED) checkRowCount(Number.MAX_SAFE_INTEGER, fileName, sheet.name);
  };

  // saxes reports a self-closing tag's close as well, so every element is ended in close().
  await parseXmlStream(
    zip.stream('content.xml'),
    {
      open(name, a) {
        switch (name) {
          case 'table':
            sheet = { name: attr(a, 'name') ?? `Sheet${sheets.length + 1}`, rows: [], merges: [] };
            rowNumber = 0;
            break;
          case 'table-row':
            rowRepeat = Math.max(1, Number(attr(a, 'number-rows-repeated') ?? 1) || 1);
            cells = [];
            col = 0;
            break;
          case 'table-cell':
          case 'covered-table-cell': {
            const type = attr(a, 'value-type') ?? null;
            let value: CellValue = null;
            if (type === 'float' || type === 'percentage' || type === 'currency') {
              const n = Number(attr(a, 'value'));
              value = Number.isFinite(n) ? n : null;
            } else if (type === 'date') {
              const d = /^\d{4}-\d{2}-\d{2}/.exec(attr(a, 'date-value') ?? '')?.[0];
              value = d ? { date: d } : null;
            } else if (type === 'boolean') value = attr(a, 'boolean-value') === 'true';
            else if (type === 'string' && attr(a, 'string-value') !== undefined) value = attr(a, 'string-value')!;
            cell = {
              value,
              type,
              repeat: Math.max(1, Number(attr(a, 'number-columns-repeated') ?? 1) || 1),
              paragraphs: [],
              spanRows: name === 'table-cell' ? Number(attr(a, 'number-rows-spanned') ?? 1) || 1 : 1,
              spanCols: name === 'table-cell' ? Number(attr(a, 'number-columns-spanned') ?? 1) || 1 : 1,
            };
            break;
          }
          case 'annotation':
            annotation += 1;
            break;
          case 'p':
          case 'h':
            if (cell && annotation === 0) {
              paragraph = [];
              cell.paragraphs.push(paragraph);
            }
            break;
          case 's':
            if (paragraph) paragraph.push(' '.repeat(Math.min(1000, Math.max(1, Number(attr(a, 'c') ?? 1) || 1))));
            break;
          case 'tab':
            if (paragraph) paragraph.push('\t');
            break;
          case 'line-break':
            if (paragraph) paragraph.push('\n');
            break;
        }
      },
      close(name) {
        switch (name) {
          case 'p':
          case 'h':
            paragraph = null;
            break;
          case 'annotation':
            annotation -= 1;
            break;
          case 'table-cell':
          case 'covered-table-cell': {
            if (!cell) break;
            let value = cell.value;
            if (value === null && (cell.type === 'string' || cell.type === null) && cell.paragraphs.length > 0) {
              value = cell.paragraphs.map((p) => p.join('')).join('\n');
              if (value === '') value = null;
            }
            if (value === null && name === 'covered-table-cell') {
              col += cell.repeat; // filled from the spanning cell
            } else if (value === null) {
              col += cell.repeat;
            } else {
              for (let i = 0; i < Math.min(cell.repeat, MAX_REPEAT_EXPANDED); i++) cells[col + i] = value;
              if (sheet && (cell.spanRows > 1 || cell.spanCols > 1)) {
                sheet.merges.push({ top: rowNumber + 1, left: col + 1, bottom: rowNumber + cell.spanRows, right: col + cell.spanCols });
              }
              col += cell.repeat;
            }
            cell = null;
            break;
          }
          case 'table-row':
            endRow();
            break;
          case 'table':
            if (sheet) sheets.push({ name: sheet.name, rows: fillMerges(sheet.rows, sheet.merges) });
            sheet = null;
            break;
        }
      },
      text(t) {
        if (paragraph) paragraph.push(t);
      },
    },
    fail,
  );
  return { format: 'ods', encoding: null, delimiter: null, sheets };
}
