import { checkRowCount, IMPORT_LIMITS } from '../limits';
import { parse } from 'csv-parse/sync';
import { UnreadableFileError, type RawWorkbook } from './sheet';

/** Windows-1252's bytes 0x80–0x9F (Node's TextDecoder reads them as Latin-1 control characters). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return out;
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (what Excel on Windows writes as "CSV"). */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

/** The separator used most often, outside quotes, on the first lines: comma, semicolon or tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 50; i += 1) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') lines += 1;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (c < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t') control += 1;
  }
  return control > sample.length / 20;
}

export function readCsv(bytes: Buffer, fileName: string): RawWorkbook {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw new UnreadableFileError(`${fileName} is a PDF, not a CSV or Excel file.`);
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw new UnreadableFileError(`${fileName} is not a text (CSV) file: it contains binary data. Export the roll from Excel as .xlsx or .csv.`);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    // Reads one line past the limit, to know whether the file is longer than it.
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, to_line: IMPORT_LIMITS.maxRows + 51 }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(`${fileName} could not be read as CSV: ${(error as Error).message}`);
  }
  try {
    checkRowCount(records.length - 50, fileName, null);
  } catch (error) {
    throw new UnreadableFileError((error as Error).message);
  }
  const name = fileName.replace(/\.[^.]+$/, '') || 'CSV';
  return {
    format: 'csv',
    encoding,
    delimiter,
    sheets: [{ name, rows: records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) })) }],
  };
}
