/**
 * The fast .xlsx path (read-xlsx-fast.ts) must give exactly what exceljs's streaming reader gives:
 * compared on every roll fixture, a QA tracker, the bad-input corpus, a workbook written by
 * LibreOffice, and hand-made workbooks with every kind of cell and the XML quirks exceljs has.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { readXlsx } from '../../electron/core/imports/roll/read-xlsx';
import { readWorksheetsFast } from '../../electron/core/imports/roll/read-xlsx-fast';
import { ZipArchive } from '../../electron/core/imports/roll/zip';
import { openTestStore, tempDir, type TestStore } from '../helpers/store';
import { convertWithLibreOffice, csvText, generateRollFixtures, rollFromDb, standardCells, STANDARD_HEADERS } from '../fixtures/roll/generate';
import { buildTracker, goodTrackerSpec } from '../fixtures/qa/generate';
import { generateBadCorpus } from '../fixtures/bad/generate';

async function both(bytes: Buffer, name: string) {
  const run = async (exceljsOnly: boolean) => {
    try {
      return { ok: true as const, value: await readXlsx(bytes, name, { exceljsOnly }) };
    } catch (error) {
      return { ok: false as const, message: (error as Error).message };
    }
  };
  return { fast: await run(false), slow: await run(true), handled: handledFast(bytes) };
}

function handledFast(bytes: Buffer): boolean {
  try {
    return readWorksheetsFast(new ZipArchive(bytes, 'x.xlsx'), () => undefined) !== null;
  } catch {
    return false;
  }
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0.00"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="14"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="3" applyNumberFormat="1"/></cellXfs></styleSheet>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Roll &amp; more" sheetId="1" r:id="rId1"/><sheet name="Second" sheetId="2" r:id="rId2"/></sheets></workbook>`;
const WORKBOOK_PLAIN = WORKBOOK.replace('Roll &amp; more', 'Roll');
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const SHARED = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6"><si><t>URN</t></si><si><t xml:space="preserve"> Aspire  Hub </t></si><si><r><rPr><b/></rPr><t>Rich </t></r><r><t>text</t></r></si><si><t>Smith &amp; Jones &lt;Academy&gt; &#233;&#x20AC;</t></si><si><t/></si><si><t>two\r\nlines</t></si><si><t>Ph</t><rPh sb="0" eb="1"><t>ふ</t></rPh></si></sst>`;

/** Every kind of cell exceljs distinguishes, and its quirks (whitespace after values, a re-decoded 'str'). */
const SHEET1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:L9"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>99</v></c></row>
<row r="2" spans="1:12"><c r="A2"><v>104829</v></c><c r="B2" s="1"><v>45000</v></c><c r="C2" s="2"><v>45292.5</v></c><c r="D2" s="3"><v>12.5</v></c><c r="E2" s="4"><v>1204</v></c><c r="F2" s="0"><v>45000</v></c><c r="G2" s="9"><v>7</v></c><c r="H2" t="n"><v>1.5E3</v></c></row>
<row r="3"><c r="A3" t="str"><v>&amp;lt;tag&amp;gt;</v></c><c r="B3" t="inlineStr"><is><t>inline &amp; text</t></is></c><c r="C3" t="inlineStr"><is><r><t>first</t></r><r><t>last</t></r></is></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="b"><v>0</v></c><c r="F3" t="e"><v>#N/A</v></c></row>
<row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4"><f>A1</f></c><c r="E4"><f t="shared" si="0" ref="E4:E5"/><v>3</v></c><c r="F4" s="1"><f>TODAY()</f><v>45000</v></c><c r="G4" t="b"><f>TRUE()</f><v>1</v></c></row>
<row r="5"><c r="C5"><v>9</v></c><c r="A5"><v>1</v></c><c r="A5"><v>2</v></c><c r="E5" s="3"/><c r="F5"><v></v></c><c r="G5" t="str"><v></v></c></row>
<row r="6"/>
<row r="7"><c r="B7" t="s"><v>1</v></c>
  <c r="D7"><v>5</v>
  </c>
</row>
<row r="9"><c r="$A$9"><v>-0.25</v></c><c r="L9" t="d"><v>2026-01-01</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A7:A8"/></mergeCells></worksheet>`;
const SHEET2 = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="3"><c r="C3" t="s"><v>0</v></c></row></sheetData></worksheet>`;

async function workbook(parts: [string, string][]): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of parts) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

let t: TestStore;
let dir: string;
beforeAll(async () => {
  t = await openTestStore();
  await dispatch(t.ctx, 'loadDemo', { confirm: true });
  dir = tempDir();
});
afterAll(async () => {
  await t?.close();
});

describe('the fast .xlsx path reads exactly what exceljs reads', () => {
  it('on every roll fixture and a QA tracker, taking the fast path for the workbooks exceljs writes', async () => {
    const base = await rollFromDb(t.ctx.db, '2026/27');
    const { files } = await generateRollFixtures(path.join(dir, 'roll'), base);
    const xlsx = Object.entries(files).filter(([, f]) => f.endsWith('.xlsx'));
    expect(xlsx.length).toBeGreaterThan(10);
    const readable: string[] = [];
    const fast: string[] = [];
    for (const [name, file] of xlsx) {
      const r = await both(fs.readFileSync(file), path.basename(file));
      expect(r.fast, name).toEqual(r.slow);
      if (r.slow.ok) readable.push(name);
      if (r.handled) fast.push(name);
    }
    // Every workbook exceljs can read (the others are the damaged and renamed fixtures) took the fast path.
    expect(readable.length).toBeGreaterThan(10);
    expect(fast).toEqual(readable);
    const members = base.slice(0, 5).map((r) => r.urn);
    const tracker = await buildTracker(goodTrackerSpec([members[0]!, members[1]!, members[2]!], [members[3]!, members[4]!]));
    const q = await both(tracker, 'tracker.xlsx');
    expect(q.handled).toBe(true);
    expect(q.fast).toEqual(q.slow);
  });

  it('on hand-made workbooks with every kind of cell, in both orders exceljs reads parts in', async () => {
    const early: [string, string][] = [
      ['xl/_rels/workbook.xml.rels', RELS],
      ['xl/workbook.xml', WORKBOOK_PLAIN],
      ['xl/sharedStrings.xml', SHARED],
      ['xl/styles.xml', STYLES],
      ['xl/worksheets/sheet1.xml', SHEET1],
      ['xl/worksheets/sheet2.xml', SHEET2],
    ];
    // The worksheets first: exceljs sets them aside until the shared strings are read.
    const late: [string, string][] = [early[4]!, early[5]!, early[0]!, early[1]!, early[2]!, early[3]!];
    for (const parts of [early, late]) {
      const r = await both(await workbook(parts), 'cells.xlsx');
      expect(r.handled).toBe(true);
      expect(r.slow.ok).toBe(true);
      expect(r.fast).toEqual(r.slow);
      if (r.fast.ok) {
        // A few values, to know the comparison is about something.
        const rows = r.fast.value.sheets[0]!.rows;
        expect(rows[0]!.cells.slice(0, 3)).toEqual(['URN', ' Aspire  Hub ', 'Rich text']);
        expect(rows[1]!.cells[1]).toEqual({ date: '2023-03-15' });
        expect(rows[2]!.cells[5]).toEqual({ error: '#N/A' });
      }
    }
    // A sheet name with an entity, a row style, CDATA, a comment: exceljs reads these itself.
    for (const parts of [
      early.map(([n, x]): [string, string] => (n === 'xl/workbook.xml' ? [n, WORKBOOK] : [n, x])),
      early.map(([n, x]): [string, string] => (n === 'xl/worksheets/sheet2.xml' ? [n, SHEET2.replace('<row r="3">', '<row r="3" s="1" customFormat="1">')] : [n, x])),
      early.map(([n, x]): [string, string] => (n === 'xl/worksheets/sheet2.xml' ? [n, SHEET2.replace('<v>0</v>', '<v><![CDATA[0]]></v>')] : [n, x])),
      early.map(([n, x]): [string, string] => (n === 'xl/sharedStrings.xml' ? [n, SHARED.replace('<si><t>URN</t></si>', '<!-- x --><si><t>URN</t></si>')] : [n, x])),
    ]) {
      const r = await both(await workbook(parts), 'odd.xlsx');
      expect(r.handled).toBe(false);
      expect(r.fast).toEqual(r.slow);
    }
  });

  it('on every workbook of the bad-input corpus (same refusal, same message)', async () => {
    const cases = (await generateBadCorpus(path.join(dir, 'bad'))).filter((c) => c.file.endsWith('.xlsx') && fs.statSync(c.file).size < 20 * 1024 * 1024);
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) {
      const r = await both(fs.readFileSync(c.file), path.basename(c.file));
      expect(r.fast, c.name).toEqual(r.slow);
    }
  }, 120_000);

  it.skipIf(!fs.existsSync('/usr/bin/soffice'))('on a workbook written by LibreOffice', async () => {
    const base = await rollFromDb(t.ctx.db, '2026/27');
    const csv = path.join(dir, 'lo.csv');
    fs.writeFileSync(csv, csvText([STANDARD_HEADERS, ...base.map(standardCells)]));
    const file = convertWithLibreOffice(csv, dir);
    expect(file).toBeTruthy();
    const r = await both(fs.readFileSync(file!), 'lo.xlsx');
    expect(r.fast).toEqual(r.slow);
  }, 120_000);
});
