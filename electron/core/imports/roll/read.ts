import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { looksLikeZip } from './zip';
import { UnreadableFileError, type RawWorkbook } from './sheet';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Reads a roll from its bytes: .xlsx (by its zip signature) or CSV; explains any other file. */
export async function readWorkbook(bytes: Buffer, fileName: string): Promise<RawWorkbook> {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (bytes.length === 0) throw new UnreadableFileError(`${fileName} is empty (0 bytes).`);
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new UnreadableFileError(`${fileName} is an old-style Excel 97–2003 (.xls) file or another legacy Office file. Open it in Excel and save it as .xlsx.`);
  }
  if (looksLikeZip(bytes)) return readXlsx(bytes, fileName);
  if (ext === 'xlsx' || ext === 'xlsm') {
    throw new UnreadableFileError(`${fileName} is not an Excel workbook: its content is not in the .xlsx format (was another file renamed to .xlsx?).`);
  }
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return readCsv(bytes, fileName);
  throw new UnreadableFileError(`${fileName}: hubdesk reads membership rolls from .xlsx or .csv files.`);
}
