/** The file as received (name + base64 bytes) → its sheet and column map, or a clear refusal. */
import crypto from 'node:crypto';
import { HubdeskError } from '../../errors';
import { mapColumns, type OfstedColumns } from './columns';
import { OfstedFileError, readOfstedFile, type OfstedSheet } from './read';

export interface ParsedOfstedFile {
  fileName: string;
  sha256: string;
  sheet: OfstedSheet;
  columns: OfstedColumns;
}

/** The base name only: a path a browser or the CLI passes along is not part of the provenance. */
export function baseName(fileName: string): string {
  return fileName.trim().split(/[\\/]/).pop() || fileName.trim();
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** sha256: the bytes' SHA-256 when the caller has it already. */
export async function parseOfstedFile(fileNameIn: string, bytes: Uint8Array, sha256: string = sha256Of(bytes)): Promise<ParsedOfstedFile> {
  const fileName = baseName(fileNameIn);
  let sheet: OfstedSheet;
  try {
    sheet = await readOfstedFile(fileName, bytes);
  } catch (error) {
    if (error instanceof OfstedFileError) throw new HubdeskError('validation', error.message);
    throw error;
  }
  const { columns, problems } = mapColumns(sheet.header);
  if (!columns) {
    const where = `${fileName}${sheet.sheetName ? `, sheet ${sheet.sheetName}` : ''}, header row ${sheet.headerRow}`;
    throw new HubdeskError('validation', `${where}: ${problems.join(' ')} Nothing was imported.`, {
      issues: problems.map((message) => ({ path: `header row ${sheet.headerRow}`, message })),
    });
  }
  return { fileName, sha256, sheet, columns };
}

export function decodeBase64(contentBase64: string): Uint8Array {
  return Buffer.from(contentBase64, 'base64');
}
