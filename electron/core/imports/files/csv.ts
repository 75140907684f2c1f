import { parse } from 'csv-parse/sync';
import { checkRowCount, FILE_LIMITS } from './limits';
import { FileRefused } from './refused';
import { decodeCsvBytes, type TextEncoding, type UncertainEncoding } from './encoding';
import type { RawWorkbook } from './cells';

/** A CSV read: the workbook of one sheet, and the encoding question when the bytes did not tell. */
export interface CsvWorkbook extends RawWorkbook {
  format: 'csv';
  /** Set when the encoding could not be told: the rows are only the likeliest reading. */
  encodingUncertain: UncertainEncoding | null;
}

/** The separator used most often, outside quotes, on the first lines: comma, semicolon, tab or bar. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
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

export interface CsvOptions {
  /** The encoding a person chose for a file whose bytes did not tell. */
  encoding?: TextEncoding;
  /** Lines read before the data rows start (title rows above a header): allowed on top of the row limit. */
  headerAllowance?: number;
  /** What to export instead, for the refusal of a file that is not text. */
  advice: string;
  /** Keep empty fields as '' (every cell a string) instead of null, for a reader that wants text only. */
  blankAsText?: boolean;
}

/** Reads a CSV (or tab-separated) file: the encoding and the separator found, every field as text. */
export function readCsv(bytes: Buffer, fileName: string, options: CsvOptions): CsvWorkbook {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw new FileRefused(`${fileName} is a PDF, not a CSV or spreadsheet file. ${options.advice}`);
  const decoded = decodeCsvBytes(bytes, options.encoding);
  if (looksBinary(decoded.text)) throw new FileRefused(`${fileName} is not a text (CSV) file: it contains binary data. ${options.advice}`);
  const delimiter = detectDelimiter(decoded.text);
  const allowance = options.headerAllowance ?? 50;
  let records: string[][];
  try {
    // Reads one line past the limit, to know whether the file is longer than it.
    records = parse(decoded.text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      to_line: FILE_LIMITS.maxRows + allowance + 1,
    }) as string[][];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new FileRefused(`${fileName} could not be read as CSV${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message}`);
  }
  checkRowCount(records.length - allowance, fileName, null);
  const name = fileName.replace(/\.[^.]+$/, '') || 'CSV';
  return {
    format: 'csv',
    encoding: decoded.encoding,
    delimiter,
    encodingUncertain: decoded.uncertain,
    sheets: [{ name, rows: records.map((cells, i) => ({ row: i + 1, cells: options.blankAsText ? cells : cells.map((c) => (c === '' ? null : c)) })) }],
  };
}
