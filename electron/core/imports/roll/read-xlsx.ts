import { Readable } from 'node:stream';
import { loadExcelJs } from '../../exceljs';
import { ZipArchive } from './zip';
import { checkRowCount, checkWorkbookExpansion, ImportLimitError } from '../limits';
import { UnreadableFileError, type CellValue, type RawRow, type RawSheet, type RawWorkbook } from './sheet';

interface SheetEntry {
  name: string;
  path: string;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : null;
}

/** The worksheets in workbook order, with the part holding each. */
function sheetEntries(zip: ZipArchive): SheetEntry[] {
  const workbook = zip.readText('xl/workbook.xml') ?? '';
  const rels = zip.readText('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out: SheetEntry[] = [];
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const rid = attribute(tag, 'r:id') ?? /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1] ?? null;
    const path = rid ? targets.get(rid) : undefined;
    if (name && path) out.push({ name, path });
  }
  return out;
}

function decodeRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Merged ranges of a sheet part (the streaming reader skips them). */
function mergedRanges(zip: ZipArchive, path: string): { top: number; left: number; bottom: number; right: number }[] {
  const xml = zip.readText(path);
  if (!xml) return [];
  const at = xml.lastIndexOf('<mergeCells');
  if (at < 0) return [];
  const out = [];
  for (const tag of xml.slice(at).match(/<mergeCell\b[^>]*>/g) ?? []) {
    const ref = attribute(tag, 'ref');
    if (!ref || !ref.includes(':')) continue;
    const [a, b] = ref.split(':') as [string, string];
    const s = decodeRef(a);
    const e = decodeRef(b);
    if (s.row > 0 && e.row > 0) out.push({ top: s.row, left: s.col, bottom: e.row, right: e.col });
  }
  return out;
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: '#NUM!' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: '#VALUE!' } : { date: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      // Excel saves an error result as text ("#REF!"), which the streaming reader turns into NaN.
      if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) return { error: '' };
      if (typeof result === 'object' && result !== null && 'error' in result) return { error: String((result as { error: unknown }).error) };
      return toCell(result);
    }
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('text' in v) return toCell(v.text);
  }
  return String(value);
}

function fillMerges(rows: RawRow[], merges: ReturnType<typeof mergedRanges>): RawRow[] {
  if (merges.length === 0) return rows;
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  for (const m of merges) {
    const master = byNumber.get(m.top)?.cells[m.left - 1] ?? null;
    for (let r = m.top; r <= m.bottom; r += 1) {
      let row = byNumber.get(r);
      if (!row) {
        row = { row: r, cells: [] };
        byNumber.set(r, row);
      }
      for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) row.cells[c - 1] = master;
    }
  }
  return [...byNumber.values()].sort((a, b) => a.row - b.row).map((r) => ({ row: r.row, cells: Array.from(r.cells, (c) => c ?? null) }));
}

/** Every worksheet's rows, by sheet name, through exceljs's streaming reader. */
async function streamSheets(bytes: Buffer, fileName: string): Promise<Map<string, RawRow[]>> {
  const readRows = new Map<string, RawRow[]>();
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name: string };
    const rows: RawRow[] = [];
    for await (const row of ws) {
      const values = Array.isArray(row.values) ? row.values : [];
      const cells: CellValue[] = [];
      for (let i = 1; i < values.length; i += 1) cells.push(toCell(values[i]));
      rows.push({ row: row.number, cells });
      checkRowCount(rows.length, fileName, ws.name);
    }
    readRows.set(ws.name, rows);
  }
  return readRows;
}

/** Reads every sheet of an .xlsx with exceljs's streaming reader (cached formula results, dates, merges filled). */
export async function readXlsx(bytes: Buffer, fileName: string): Promise<RawWorkbook> {
  const zip = new ZipArchive(bytes, fileName);
  if (!zip.has('xl/workbook.xml')) {
    const what = zip.has('word/document.xml') ? 'a Word document' : zip.has('ppt/presentation.xml') ? 'a PowerPoint file' : 'a zip archive';
    throw new UnreadableFileError(`${fileName} is not an Excel workbook: it is ${what}. Export the roll from Excel as .xlsx or .csv.`);
  }
  try {
    checkWorkbookExpansion(bytes, fileName);
  } catch (error) {
    throw new UnreadableFileError((error as Error).message);
  }
  const entries = sheetEntries(zip);
  let readRows: Map<string, RawRow[]>;
  try {
    readRows = await streamSheets(bytes, fileName).catch((error: unknown) => {
      // Under heavy load exceljs's streaming reader has (rarely) failed inside itself on a file it reads
      // the next time ("reading 'sheets'" of a workbook part it had not parsed). A TypeError from inside
      // the library is that, not the file: read once more. A damaged file fails again the same way.
      if (error instanceof TypeError) return streamSheets(bytes, fileName);
      throw error;
    });
  } catch (error) {
    if (error instanceof ImportLimitError) throw new UnreadableFileError(error.message);
    throw new UnreadableFileError(`${fileName} could not be read as an Excel workbook: ${(error as Error).message}`);
  }
  const ordered = entries.length > 0 ? entries : [...readRows.keys()].map((name) => ({ name, path: '' }));
  const sheets: RawSheet[] = ordered
    .filter((e) => readRows.has(e.name))
    .map((e) => ({ name: e.name, rows: fillMerges(readRows.get(e.name)!, e.path ? mergedRanges(zip, e.path) : []) }));
  return { format: 'xlsx', encoding: null, delimiter: null, sheets };
}
