import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { isDateFormat } from '../../electron/core/imports/files/xlsx';
import { resolveTarget } from '../../electron/core/imports/files/zip';
import { dateOrderOf, numericDate, pairToIso, serialToIso } from '../../electron/core/imports/files/dates';
import { decodeCsvBytes, plausibility } from '../../electron/core/imports/files/encoding';
import { parseDate } from '../../electron/core/imports/files/values';
import JSZip from 'jszip';
import { readSpreadsheet } from '../../electron/core/imports/files/read';

const isoDate = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('workbook parts', () => {
  it('resolves relationship targets relative to the part that names them, or from the root', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/My%20Sheet.xml')).toBe('xl/worksheets/My Sheet.xml');
  });

  it('tells date formats from number formats', () => {
    for (const f of ['dd/mm/yyyy', 'd mmm yyyy', 'yyyy-mm-dd', '[$-809]dd mmmm yyyy', 'dd\\-mmm\\-yyyy', 'mm/dd/yy;@']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['0', '#,##0.00', '"£"#,##0.00', '0%', '@', '[Red]0.00', '"days"0']) expect(isDateFormat(f), f).toBe(false);
  });
});

describe('dates', () => {
  it('counts days in both date systems', () => {
    expect(serialToIso(45536)).toBe('2024-09-01');
    expect(serialToIso(45536 - 1462, true)).toBe('2024-09-01');
    expect(serialToIso(45536.75)).toBe('2024-09-01');
    expect(serialToIso(-1)).toBeNull();
  });

  it('reads any date written day first, month first or year first back to itself', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [y, m, d] = iso.split('-') as [string, string, string];
        expect(parseDate(`${d}/${m}/${y}`, 'dmy')).toEqual({ ok: true, value: iso });
        expect(parseDate(`${m}/${d}/${y.slice(2)}`, 'mdy')).toEqual({ ok: true, value: iso });
        expect(parseDate(`${y}/${m}/${d}`, 'mdy')).toEqual({ ok: true, value: iso });
        expect(parseDate(iso)).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('decides a column’s order only from a value that cannot be the other way round', () => {
    fc.assert(
      fc.property(fc.array(isoDate, { minLength: 1, maxLength: 30 }), (dates) => {
        const dmy = dates.map((iso) => iso.split('-').reverse().join('/'));
        const found = dateOrderOf(dmy)!;
        const decidable = dates.some((iso) => Number(iso.slice(8)) > 12);
        expect(found.order).toBe(decidable ? 'dmy' : 'ambiguous');
        const n = numericDate(dmy[0]!);
        expect(n && n.kind === 'pair' && pairToIso(n, 'dmy')).toBe(dates[0]);
      }),
    );
  });
});

describe('text encodings', () => {
  const names = ['St Anne’s Catholic Primary School', 'École Notre-Dame', 'Siobhán O’Neill – Head', 'Ysgol “Gymraeg” Bro Ogwr'];

  it('reads names written by each single-byte writer as written, without asking', () => {
    for (const [encoding, name] of [['win1252', 'Windows-1252'], ['macintosh', 'Mac Roman']] as const) {
      for (const text of names) {
        const d = decodeCsvBytes(iconv.encode(`URN,School\n100000,${text}\n`, encoding));
        expect(d.uncertain, `${text} in ${name}`).toBeNull();
        expect(d.encoding, text).toBe(name);
        expect(d.text).toContain(text);
      }
    }
  });

  it('judges a misreading implausible: a capital letter inside a word, a control character, a rare letter', () => {
    expect(plausibility('St Anne’s').implausible).toBe(0);
    expect(plausibility('St AnneÕs').implausible).toBe(1);
    expect(plausibility('St Anne\u0092s').implausible).toBe(1);
    expect(plausibility('St Anneıs').implausible).toBe(1);
  });
});

describe('odd but valid parts', () => {
  it('xlsx: rich runs joined, an empty phonetic run ignored, a prefix-free workbook without content types', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="S" r:id="a"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="a" Type="x/worksheet" Target="s.xml"/></Relationships>');
    zip.file('xl/s.xml', '<worksheet><sheetData><row><c t="inlineStr"><is><r><t>St </t></r><rPh/><r><t>Anne</t></r></is></c><c/><c t="b"><v>1</v></c></row></sheetData></worksheet>');
    const wb = await readSpreadsheet(await zip.generateAsync({ type: 'nodebuffer' }), 'x.xlsx', { advice: '', csv: false });
    expect(wb.sheets).toEqual([{ name: 'S', rows: [{ row: 1, cells: ['St Anne', null, true] }] }]);
  });

  it('ods: spaces kept (text:s), repeated empty rows move the row number on, covered cells take the spanning value', async () => {
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    ods.file(
      'content.xml',
      '<d xmlns:t="t" xmlns:x="x"><t:table t:name="R"><t:table-row><t:table-cell x:value-type="string" t:number-columns-spanned="2"><x:p>a<x:s x:c="2"/>b</x:p></t:table-cell><t:covered-table-cell/><t:table-cell x:value-type="float" x:value="3"/></t:table-row>' +
        '<t:table-row t:number-rows-repeated="3"/><t:table-row><t:table-cell/><t:table-cell x:value-type="date" x:date-value="2025-09-01T00:00:00"/></t:table-row></t:table></d>',
    );
    const wb = await readSpreadsheet(await ods.generateAsync({ type: 'nodebuffer' }), 'x.ods', { advice: '', csv: false });
    expect(wb.sheets).toEqual([{ name: 'R', rows: [{ row: 1, cells: ['a  b', 'a  b', 3] }, { row: 5, cells: [null, { date: '2025-09-01' }] }] }]);
  });
});

describe('the sample row of an encoding question', () => {
  it('is the first row with a non-ASCII byte, whole when short, and from the field holding it when long', () => {
    const short = decodeCsvBytes(iconv.encode('URN,School\n100000,Plain\n100001,St Anne’s ThinkWell™\n', 'macintosh'));
    expect(short.uncertain?.options.find((o) => o.encoding === 'Mac Roman')?.sample).toBe('100001,St Anne’s ThinkWell™');
    const filler = Array.from({ length: 40 }, (_, i) => `"Not applicable ${i}"`).join(',');
    const long = decodeCsvBytes(iconv.encode(`URN,A,B\r\n100001,${filler},"St Anne’s ThinkWell™ Trust",${filler}\r\n`, 'macintosh'));
    const sample = long.uncertain?.options.find((o) => o.encoding === 'Windows-1252')?.sample;
    expect(sample).toMatch(/^…"St AnneÕs ThinkWellª Trust","Not applicable 0",.*…$/);
    expect(sample!.length).toBe(202);
  });
});
