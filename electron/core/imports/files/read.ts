import { looksLikeZip, ZipArchive } from './zip';
import { readXlsx, notAWorkbook } from './xlsx';
import { isOds, readOds } from './ods';
import { readCsv, type CsvWorkbook } from './csv';
import { checkFileSize } from './limits';
import { FileRefused } from './refused';
import type { TextEncoding } from './encoding';
import type { RawWorkbook } from './cells';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type ReadWorkbook = RawWorkbook & { encodingUncertain?: CsvWorkbook['encodingUncertain'] };

export interface ReadOptions {
  /** What to do instead, said when the file cannot be read ("Save the roll from Excel as .xlsx or .csv."). */
  advice: string;
  /** Whether a CSV is acceptable (the QA tracker has several sheets: it needs a workbook). */
  csv: boolean;
  encoding?: TextEncoding;
  /** The largest file accepted (FILE_LIMITS.maxFileBytes unless the importer reads bigger files). */
  maxBytes?: number;
  /** CSV: empty fields as '' rather than null (for a reader that wants every cell as text). */
  blankAsText?: boolean;
}

function utf16Le(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

/** An OLE compound file: an Excel 97–2003 workbook, or a password-protected .xlsx (kept encrypted inside one). */
function refuseCompoundFile(bytes: Buffer, fileName: string): never {
  if (bytes.includes(utf16Le('EncryptedPackage'))) {
    throw new FileRefused(`${fileName} is a password-protected workbook, which hubdesk cannot open. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.`);
  }
  throw new FileRefused(`${fileName} is an Excel 97–2003 workbook (.xls), an old format hubdesk does not read. Open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook), then import that.`);
}

/**
 * Reads a spreadsheet from its bytes, telling the format by its content, not its name: .xlsx (any
 * writer), .ods, CSV; refuses anything else saying what the file is and what to do.
 */
export async function readSpreadsheet(bytes: Buffer, fileName: string, options: ReadOptions): Promise<ReadWorkbook> {
  checkFileSize(bytes.length, fileName, options.maxBytes);
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) refuseCompoundFile(bytes, fileName);
  if (looksLikeZip(bytes)) {
    const zip = new ZipArchive(bytes, fileName, ext === 'ods' ? 'OpenDocument spreadsheet' : 'Excel file');
    if (isOds(zip)) return readOds(bytes, fileName);
    if (!zip.has('xl/workbook.xml') && !zip.has('_rels/.rels')) throw notAWorkbook(zip, fileName, options.advice);
    return readXlsx(bytes, fileName, options.advice);
  }
  if (['xlsx', 'xlsm', 'xltx', 'ods'].includes(ext)) {
    throw new FileRefused(`${fileName} is not ${ext === 'ods' ? 'an OpenDocument spreadsheet' : 'an Excel workbook'}: its content is not in the .${ext} format (was another file renamed?). ${options.advice}`);
  }
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') throw new FileRefused(`${fileName} is a Rich Text document, not a spreadsheet. ${options.advice}`);
  if (/^\s*<(\?xml|html|!doctype)/i.test(bytes.subarray(0, 100).toString('latin1'))) {
    throw new FileRefused(`${fileName} is an XML or web page file, not a spreadsheet (Excel's "XML Spreadsheet 2003" and web pages are not read). ${options.advice}`);
  }
  if (!options.csv) throw new FileRefused(`${fileName} is not an Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods). ${options.advice}`);
  return readCsv(bytes, fileName, { advice: options.advice, encoding: options.encoding, blankAsText: options.blankAsText });
}
