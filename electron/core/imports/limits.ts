import { ZipArchive } from './roll/zip';

/**
 * Bounds on what an import will read, so a damaged or hostile file gets a clear refusal instead of
 * exhausting memory or time. A membership roll has ~500 rows and Ofsted's national file ~22,000.
 */
export const IMPORT_LIMITS = Object.freeze({
  /** Data rows read from one sheet or CSV before the file is refused. */
  maxRows: 100_000,
  /** The most a workbook may expand to when unzipped (all its parts together). */
  maxUnzippedBytes: 400 * 1024 * 1024,
  /** A part that expands more than this many times its packed size is treated as a zip bomb. */
  maxCompressionRatio: 200,
  /** Only ratios of parts bigger than this are checked (tiny parts compress very well legitimately). */
  ratioCheckFromBytes: 10 * 1024 * 1024,
});

export class ImportLimitError extends Error {}

function mb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * Refuses a workbook whose parts would expand beyond the limits, reading only the zip's table of
 * contents (nothing is decompressed). Throws the zip reader's own error for a damaged file.
 */
export function checkWorkbookExpansion(bytes: Buffer, fileName: string): void {
  const zip = new ZipArchive(bytes, fileName);
  let total = 0;
  for (const e of zip.entries.values()) {
    // 0xFFFFFFFF marks a Zip64 size: more than 4 GB.
    const size = e.size === 0xffffffff ? Number.MAX_SAFE_INTEGER : e.size;
    total += size;
    if (size > IMPORT_LIMITS.ratioCheckFromBytes && size / Math.max(1, e.compressedSize) > IMPORT_LIMITS.maxCompressionRatio) {
      throw new ImportLimitError(
        `${fileName} is refused: its part ${e.name} would expand from ${mb(e.compressedSize)} to ${mb(size)}, far more than a real spreadsheet does. The file may be damaged or built to exhaust memory.`,
      );
    }
  }
  if (total > IMPORT_LIMITS.maxUnzippedBytes) {
    throw new ImportLimitError(`${fileName} is refused: it would expand to ${mb(total)} when opened, more than the ${mb(IMPORT_LIMITS.maxUnzippedBytes)} hubdesk reads.`);
  }
}

/** Called as rows are read: refuses a sheet with more rows than any roll or Ofsted file has. */
export function checkRowCount(count: number, fileName: string, sheet: string | null): void {
  if (count > IMPORT_LIMITS.maxRows) {
    throw new ImportLimitError(
      `${fileName} is refused: ${sheet ? `sheet "${sheet}" has` : 'it has'} more than ${IMPORT_LIMITS.maxRows.toLocaleString('en-GB')} rows, far more than a membership roll or Ofsted's national file. Check that this is the right file.`,
    );
  }
}
