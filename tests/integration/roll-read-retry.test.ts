import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readXlsx } from '../../electron/core/imports/roll/read-xlsx';

/** A small roll written by exceljs. */
async function roll(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Roll');
  ws.addRow(['URN', 'School name', 'Hub', 'Pupils']);
  ws.addRow(['104829', 'Cowley International College', 'Aspire Hub', 1511]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { [Symbol.asyncIterator](): AsyncIterator<unknown> };
const realIterator = proto[Symbol.asyncIterator];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reading a roll when exceljs fails inside itself', () => {
  it('reads once more after a TypeError from the library and gives the rows', async () => {
    const bytes = await roll();
    let calls = 0;
    vi.spyOn(proto, Symbol.asyncIterator).mockImplementation(function (this: unknown) {
      calls += 1;
      if (calls === 1) throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
      return realIterator.call(this);
    });
    const wb = await readXlsx(bytes, 'roll.xlsx');
    expect(calls).toBe(2);
    expect(wb.sheets[0]!.rows.map((r) => r.cells)).toEqual([
      ['URN', 'School name', 'Hub', 'Pupils'],
      ['104829', 'Cowley International College', 'Aspire Hub', 1511],
    ]);
  });

  it('says the file could not be read when the second read fails too, and does not try a third time', async () => {
    const bytes = await roll();
    let calls = 0;
    vi.spyOn(proto, Symbol.asyncIterator).mockImplementation(() => {
      calls += 1;
      throw new TypeError('broken inside');
    });
    await expect(readXlsx(bytes, 'roll.xlsx')).rejects.toThrow(/roll\.xlsx could not be read as an Excel workbook: broken inside/);
    expect(calls).toBe(2);
  });

  it('does not read again after an error in the file itself', async () => {
    const bytes = await roll();
    let calls = 0;
    vi.spyOn(proto, Symbol.asyncIterator).mockImplementation(() => {
      calls += 1;
      throw new Error('1:122: unexpected close tag.');
    });
    await expect(readXlsx(bytes, 'roll.xlsx')).rejects.toThrow(/could not be read as an Excel workbook: 1:122: unexpected close tag/);
    expect(calls).toBe(1);
  });
});
