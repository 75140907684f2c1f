/** The file's bytes → its sheet and column map, or a clear refusal (FileRefused). Runs in the import worker. */
import { FileRefused } from '../files/refused';
import type { TextEncoding } from '../files/encoding';
import { mapColumns, type OfstedColumns } from './columns';
import { readOfstedFile, type OfstedSheet } from './read';

export interface ParsedOfstedFile {
  fileName: string;
  sha256: string;
  sheet: OfstedSheet;
  columns: OfstedColumns;
}

export async function parseOfstedFile(fileName: string, bytes: Uint8Array, sha256: string, encoding?: TextEncoding): Promise<ParsedOfstedFile> {
  const sheet = await readOfstedFile(fileName, bytes, encoding);
  const { columns, problems } = mapColumns(sheet.header);
  if (!columns) {
    const where = `${fileName}${sheet.sheetName ? `, sheet ${sheet.sheetName}` : ''}, header row ${sheet.headerRow}`;
    throw new FileRefused(`${where}: ${problems.join(' ')} Nothing was imported.`);
  }
  return { fileName, sha256, sheet, columns };
}
