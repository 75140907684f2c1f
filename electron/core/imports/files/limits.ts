import { FileRefused } from './refused';

/**
 * Bounds on what an import will read, so a damaged or hostile file gets a clear refusal instead of
 * exhausting memory or time. A membership roll has ~500 rows; Ofsted's national file ~22,000 and
 * GIAS's all-establishment extract ~50,000.
 */
export const FILE_LIMITS = Object.freeze({
  /** The largest file accepted (its base64 stays under browser mode's request limit). */
  maxFileBytes: 40 * 1024 * 1024,
  /** GIAS's national all-establishment extract is about 60 MB. */
  maxGiasFileBytes: 80 * 1024 * 1024,
  /** Data rows read from one sheet or CSV before the file is refused. */
  maxRows: 100_000,
  /** Everything inflated from one workbook together, counted as it inflates (the sizes a zip declares are not trusted). */
  maxUnzippedBytes: 400 * 1024 * 1024,
  /** A part that inflates past this many times its packed size is treated as a zip bomb… */
  maxCompressionRatio: 200,
  /** …once it is bigger than this (tiny parts compress very well legitimately). */
  ratioCheckFromBytes: 10 * 1024 * 1024,
  /** Workbook parts read whole (workbook, relationships, styles): real ones are a few KB. */
  maxSmallPartBytes: 16 * 1024 * 1024,
  /** The text of all shared strings together (held in memory while the sheets are read). */
  maxSharedStringChars: 120 * 1024 * 1024,
});

export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Called as rows are read: refuses a sheet with more rows than any file hubdesk reads has. */
export function checkRowCount(count: number, fileName: string, sheet: string | null): void {
  if (count > FILE_LIMITS.maxRows) {
    throw new FileRefused(
      `${fileName} is refused: ${sheet ? `sheet "${sheet}" has` : 'it has'} more than ${FILE_LIMITS.maxRows.toLocaleString('en-GB')} rows, far more than a membership roll, Ofsted's national file or the GIAS extract. Check that this is the right file.`,
    );
  }
}

export function checkFileSize(size: number, fileName: string, maxBytes: number = FILE_LIMITS.maxFileBytes): void {
  if (size === 0) throw new FileRefused(`${fileName} is empty (0 bytes).`);
  if (size > maxBytes) {
    throw new FileRefused(`${fileName} is larger than ${maxBytes / 1024 / 1024} MB, more than hubdesk reads. Check that this is the right file.`);
  }
}
