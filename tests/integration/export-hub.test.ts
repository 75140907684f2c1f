import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, TEST_NOW, type TestStore, storeHash } from '../helpers/store';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import { hubFunding, schoolContribution } from '../../shared/domain/funding';
import { poundsToPence, formatPence } from '../../shared/domain/money';
import { gradeTone } from '../../shared/domain/ofsted';
import { DATE_FORMAT, MONEY_FORMAT, TONE_COLOURS } from '../../electron/core/exports/style';
import { makePng } from './export-fixtures';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

async function read(file: { contentBase64: string }): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

function headers(ws: ExcelJS.Worksheet, row = 1): string[] {
  const out: string[] = [];
  ws.getRow(row).eachCell({ includeEmpty: false }, (c) => out.push(String(c.value)));
  return out;
}

/** The row whose first cell is `label` (first match below `from`). */
function rowOf(ws: ExcelJS.Worksheet, label: string, from = 1): ExcelJS.Row {
  for (let r = from; r <= ws.rowCount; r += 1) if (ws.getCell(r, 1).value === label) return ws.getRow(r);
  throw new Error(`no row "${label}" in ${ws.name}`);
}

const pence = (v: ExcelJS.CellValue) => poundsToPence(String(v));

describe('the hub workbook (Aspire Hub, 2026/27)', () => {
  let wb: ExcelJS.Workbook;
  let file: ResponseOf<'exportHubWorkbook'>;
  const png = makePng(1200, 560);

  beforeAll(async () => {
    file = await call('exportHubWorkbook', { hubName: 'Aspire Hub', year: '2026/27', includeContacts: true, chartPngBase64: png.toString('base64') });
    wb = await read(file);
  });

  it('has the seven sheets in order, a file name and document properties', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Overview', 'Schools', 'Ofsted', 'QA outcomes', 'WWWs and EBIs', 'Reviewer commitments', 'Funding and claims']);
    expect(file.contents).toEqual(wb.worksheets.map((w) => w.name));
    expect(file.fileName).toBe('Aspire Hub dashboard 2026-27.xlsx');
    expect(file.bytes).toBe(Buffer.from(file.contentBase64, 'base64').length);
    expect(wb.title).toBe('Aspire Hub — hub dashboard 2026/27');
    expect(wb.creator).toMatch(/Challenge Partners/);
    expect(wb.created.toISOString()).toBe(TEST_NOW.toISOString());
  });

  it('each table sheet has its headers bold and frozen, an autofilter over its rows, and landscape fit-to-width print with the header repeated', () => {
    const expected: Record<string, string[]> = {
      Schools: ['URN', 'School', 'Phase', 'Local authority', 'Pupils', 'Membership', 'Fee paid on', 'Headteacher', 'Email', 'Telephone', 'Other contacts', 'Vulnerable', 'Hub meetings attended'],
      Ofsted: ['School', 'URN', 'Inspection', 'Framework', 'Inspection date', 'Published', 'Overall effectiveness', 'Category of concern'],
      'QA outcomes': ['School', 'URN', 'Phase', 'Latest review', 'Review year', 'Leadership at all levels', 'Quality of provision and outcomes'],
      'WWWs and EBIs': ['School', 'URN', 'Review date', 'Review year', 'WWW or EBI', 'Heading', 'Text'],
      'Reviewer commitments': ['School', 'URN', 'Phase', 'Pupils', 'Owed', 'Attended', 'Booked', 'Awaiting confirmation', 'Dropped', 'Dropped, replaced', 'Not trained (not counted)', 'Shortfall', 'Status'],
      'Funding and claims': ['School', 'URN', 'Pupils', 'Pupils over 427', 'Uncapped (× £3.00)', 'Contribution', 'Capped at £2,361.60', 'Fee paid on'],
    };
    for (const [name, want] of Object.entries(expected)) {
      const ws = wb.getWorksheet(name)!;
      expect(headers(ws).slice(0, want.length), name).toEqual(want);
      expect(ws.getCell(1, 1).font?.bold, name).toBe(true);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(String(ws.autoFilter), name).toMatch(new RegExp(`^A1:[A-Z]+\\d+$`));
      expect(ws.pageSetup, name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    // Single-table sheets repeat their header on every printed page.
    for (const name of ['Schools', 'Ofsted', 'QA outcomes']) expect(wb.getWorksheet(name)!.pageSetup.printTitlesRow).toBe('1:1');
    // The filter covers the school rows and stops above the totals row.
    const schools = wb.getWorksheet('Schools')!;
    expect(schools.autoFilter).toBe(`A1:M20`);
    expect(schools.getCell('A21').value).toBe('Total');
  });

  it('the Schools sheet has few enough columns to print legibly: one A4 landscape page wide without contact details (the default), A3 with them', async () => {
    const plain = (await read(await call('exportHubWorkbook', { hubName: 'Aspire Hub', year: '2026/27' }))).getWorksheet('Schools')!;
    expect(headers(plain)).toHaveLength(10);
    expect(plain.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, paperSize: 9 });
    expect(wb.getWorksheet('Schools')!.pageSetup.paperSize).toBe(8);
  });

  it('every funding figure is the funding rules’ figure for the pupils in the sheet, and Aspire’s total available is £38,589.77', async () => {
    const ws = wb.getWorksheet('Funding and claims')!;
    const schools: { pupils: number }[] = [];
    for (let r = 2; ws.getCell(r, 1).value !== 'Formula total'; r += 1) {
      const pupils = ws.getCell(r, 3).value as number;
      const rule = schoolContribution(pupils);
      expect(ws.getCell(r, 4).value).toBe(rule.pupilsOverThreshold);
      expect(pence(ws.getCell(r, 5).value)).toBe(rule.uncappedPence);
      expect(pence(ws.getCell(r, 6).value)).toBe(rule.contributionPence);
      expect(ws.getCell(r, 7).value).toBe(rule.capped ? 'Yes' : 'No');
      expect(ws.getCell(r, 6).numFmt).toBe(MONEY_FORMAT);
      schools.push({ pupils });
    }
    expect(schools).toHaveLength(19);
    const rule = hubFunding(schools);
    const total = rowOf(ws, 'Formula total');
    expect(pence(total.getCell(6).value)).toBe(rule.formulaPence);
    expect(pence(rowOf(ws, 'Formula').getCell(2).value)).toBe(rule.formulaPence);
    expect(pence(rowOf(ws, 'Minimum').getCell(2).value)).toBe(rule.minimumPence);
    expect(pence(rowOf(ws, 'Funding').getCell(2).value)).toBe(rule.fundingPence);
    const carry = pence(rowOf(ws, 'Carry forward').getCell(2).value);
    const available = pence(rowOf(ws, 'Total available').getCell(2).value);
    expect(available).toBe(rule.fundingPence + carry);
    expect(formatPence(available)).toBe('£38,589.77');

    // The plan lines add up to the plan total, which is Aspire's exact allocation.
    const plan = rowOf(ws, 'Priority');
    let planned = 0;
    for (let r = plan.number + 1; ws.getCell(r, 1).value !== 'Total planned'; r += 1) planned += pence(ws.getCell(r, 4).value);
    expect(planned).toBe(3_858_977);
    expect(pence(rowOf(ws, 'Total planned').getCell(4).value)).toBe(planned);

    // The reconciliation is the funding page's, and holds together.
    const detail = await call('getHubFunding', { hubId: (await call('hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' })).hub.id, year: '2026/27' });
    const recon = rowOf(ws, 'Reconciliation').number;
    const released = pence(rowOf(ws, 'Released (paid)', recon).getCell(2).value);
    expect(released).toBe(detail.reconciliation.releasedPence);
    expect(pence(rowOf(ws, 'Remaining', recon).getCell(2).value)).toBe(available - released);
    expect(pence(rowOf(ws, 'Claimed (not rejected)', recon).getCell(2).value)).toBe(detail.reconciliation.claimedPence);
    let claimRows = 0;
    for (let r = rowOf(ws, 'Claimed on').number + 1; ws.getCell(r, 1).value instanceof Date; r += 1) claimRows += 1;
    expect(claimRows).toBe(detail.claims.length);

    // The Overview shows the same figures.
    const o = wb.getWorksheet('Overview')!;
    expect(pence(rowOf(o, 'Total available').getCell(2).value)).toBe(available);
    expect(pence(rowOf(o, 'Remaining').getCell(2).value)).toBe(available - released);
  });

  it('writes real dates at UTC midnight with a date format, and pupils as numbers', () => {
    const ws = wb.getWorksheet('Schools')!;
    let dates = 0;
    for (let r = 2; r <= 20; r += 1) {
      const v = ws.getCell(r, 7).value;
      if (v === null) continue;
      expect(v).toBeInstanceOf(Date);
      expect((v as Date).toISOString()).toMatch(/T00:00:00\.000Z$/);
      expect(ws.getCell(r, 7).numFmt).toBe(DATE_FORMAT);
      expect(typeof ws.getCell(r, 5).value).toBe('number');
      dates += 1;
    }
    expect(dates).toBeGreaterThan(0);
  });

  it('shows one row per inspection with the areas as columns: each school’s latest graded inspection (and a later ungraded visit), never an invented overall grade, coloured as the app colours grades', async () => {
    const d = await call('hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' });
    const ws = wb.getWorksheet('Ofsted')!;
    const head = headers(ws);
    const col = (name: string) => head.indexOf(name) + 1;
    const rows = new Map<string, ExcelJS.Row[]>();
    for (let r = 2; ws.getCell(r, 1).value !== null; r += 1) {
      const name = String(ws.getCell(r, 1).value);
      rows.set(name, [...(rows.get(name) ?? []), ws.getRow(r)]);
    }
    // One row per inspection shown, not one per grade: 19 schools, a few more rows for later ungraded visits.
    const expected = d.schools.reduce((n, s) => n + Math.max(1, (s.ofsted.latestGraded ? 1 : 0) + (s.ofsted.laterUngraded ? 1 : 0)), 0);
    expect([...rows.values()].flat()).toHaveLength(expected);
    expect(expected).toBeLessThan(d.schools.length * 2);
    for (const s of d.schools) {
      const latest = s.ofsted.latestGraded;
      if (!latest) continue;
      const row = rows.get(s.name)!.find((r) => r.getCell(col('Inspection')).value === 'Latest graded')!;
      expect(row.getCell(col('Framework')).value).toBe(latest.frameworkLabel);
      expect((row.getCell(col('Inspection date')).value as Date).toISOString().slice(0, 10)).toBe(latest.startDate);
      expect(row.getCell(col('Overall effectiveness')).value).toBe(latest.overall.label);
      if (latest.framework !== 'oeif') expect(row.getCell(col('Overall effectiveness')).value).not.toMatch(/^(Outstanding|Good|Requires improvement|Inadequate)$/);
      for (const j of latest.judgements) {
        const cell = row.getCell(col(j.area));
        const own = j.date === latest.startDate ? '' : ` (${j.date.slice(8, 10)}/${j.date.slice(5, 7)}/${j.date.slice(0, 4)})`;
        expect(cell.value).toBe(`${j.label}${own}`);
        expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(`FF${TONE_COLOURS[gradeTone(j.grade)].fill}`);
      }
      expect(row.getCell(col('Read as (vulnerable-school rules)')).value).toBe(latest.reading?.label ?? null);
    }
    expect([...rows.values()].flat().some((r) => String(r.getCell(col('Framework')).value).startsWith('Report card') && r.getCell(col('Overall effectiveness')).value === 'Report card — no overall grade')).toBe(true);
  });

  it('lists every WWW and EBI of the schools’ latest reviews, one row each with school and heading', async () => {
    const d = await call('hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' });
    const ws = wb.getWorksheet('WWWs and EBIs')!;
    let www = 0;
    let ebi = 0;
    for (let r = 2; ws.getCell(r, 1).value !== null; r += 1) {
      expect(d.schools.map((s) => s.name)).toContain(ws.getCell(r, 1).value);
      expect(String(ws.getCell(r, 6).value)).not.toBe('');
      expect(String(ws.getCell(r, 7).value).length).toBeGreaterThan(3);
      if (ws.getCell(r, 5).value === 'WWW') www += 1;
      else if (ws.getCell(r, 5).value === 'EBI') ebi += 1;
    }
    expect(www).toBe(d.schools.reduce((n, s) => n + (s.qa.latest?.www ?? 0), 0));
    expect(ebi).toBe(d.schools.reduce((n, s) => n + (s.qa.latest?.ebi ?? 0), 0));
    expect(www + ebi).toBeGreaterThan(0);
  });

  it('lists the hub’s open support requests below the WWWs and EBIs, as the hub dashboard shows them', async () => {
    const d = await call('hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' });
    expect(d.supportRequests.length).toBeGreaterThan(0);
    const ws = wb.getWorksheet('WWWs and EBIs')!;
    let title = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'Open support requests') title = n;
    });
    expect(title).toBeGreaterThan(2);
    expect(headers(ws, title + 1)).toEqual(['School', 'Requested', 'Status', 'On an EBI', 'Brokered to', 'Area of support']);
    const listed = d.supportRequests.map((_, i) => ws.getRow(title + 2 + i));
    expect(listed.map((r) => [r.getCell(1).value, r.getCell(3).value, r.getCell(6).value])).toEqual(d.supportRequests.map((q) => [q.school, q.status, q.area]));
    for (const [i, q] of d.supportRequests.entries()) {
      const brokered = listed[i]!.getCell(5).value;
      if (q.brokeredToSchool) expect(brokered).toBe(q.brokeredToSchool);
      else if (q.brokeredTo) expect(brokered).toBe(`${q.brokeredTo} (outside the network)`);
      else expect(brokered).toBeNull();
    }
    expect(ws.getRow(title + 2 + d.supportRequests.length).getCell(1).value).not.toBe(d.supportRequests[0]!.school);
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
  });

  it('reviewer commitments: each school’s figures as the dashboard computes them, and every reviewer sent', async () => {
    const d = await call('hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' });
    const ws = wb.getWorksheet('Reviewer commitments')!;
    for (const [i, s] of d.schools.entries()) {
      const row = ws.getRow(2 + i);
      expect(row.getCell(1).value).toBe(s.name);
      expect([5, 6, 7, 9, 11, 12].map((c) => row.getCell(c).value)).toEqual([s.reviewers.owed, s.reviewers.attended, s.reviewers.booked, s.reviewers.dropped, s.reviewers.notTrained, s.reviewers.shortfall]);
      expect(row.getCell(13).value).toBe(s.reviewers.status);
    }
    const sent = rowOf(ws, 'Home school').number;
    expect(headers(ws, sent)).toEqual(['Home school', 'Reviewer', 'Role', 'Review of', 'Review date', 'Status', 'Trained by the review', 'Replaced by', 'Replaces']);
    let n = 0;
    for (let r = sent + 1; ws.getCell(r, 2).value !== null; r += 1) n += 1;
    // Every assignment the schools sent this year is one row: attended, booked, awaiting confirmation or dropped.
    const sentByRule = d.schools.reduce((k, s) => k + s.reviewers.attended + s.reviewers.booked + s.reviewers.awaitingConfirmation + s.reviewers.dropped + s.reviewers.notTrained, 0);
    expect(n).toBe(sentByRule);
    expect(n).toBeGreaterThan(0);
  });

  it('embeds the chart image on the Overview, byte for byte, and nothing on the other sheets', async () => {
    const o = wb.getWorksheet('Overview')!;
    const images = o.getImages();
    expect(images).toHaveLength(1);
    const media = wb.getImage(Number(images[0]!.imageId));
    expect(media.extension).toBe('png');
    expect(Buffer.from(media.buffer as unknown as Uint8Array).equals(png)).toBe(true);
    for (const ws of wb.worksheets.slice(1)) expect(ws.getImages(), ws.name).toHaveLength(0);
    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'));
    expect(Object.keys(zip.files).filter((f) => f.startsWith('xl/media/') && !zip.files[f]!.dir)).toEqual(['xl/media/image1.png']);
  });

  it('without a chart (the CLI) the Overview says the figures are there and the chart is not', async () => {
    const plain = await read(await call('exportHubWorkbook', { hubName: 'Aspire Hub', year: '2026/27' }));
    expect(plain.getWorksheet('Overview')!.getImages()).toHaveLength(0);
    const notes: string[] = [];
    plain.getWorksheet('Overview')!.eachRow((r) => notes.push(String(r.getCell(1).value)));
    expect(notes.some((n) => n.includes('has the figures only'))).toBe(true);
  });
});

describe('the no-contacts option', () => {
  it('leaves out every email and telephone number, the contact columns and other contacts, and says so', async () => {
    const d = await call('hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' });
    const personal = [
      ...d.schools.flatMap((s) => [s.email, s.phone]),
      d.hub.seniorPartnerEmail,
      ...d.hub.hubManagers.map((m) => m.email),
    ].filter((v): v is string => !!v);
    expect(personal.length).toBeGreaterThan(20);

    const full = await read(await call('exportHubWorkbook', { hubName: 'Aspire Hub', year: '2026/27', includeContacts: true }));
    // Without contact details unless asked for.
    const without = await read(await call('exportHubWorkbook', { hubName: 'Aspire Hub', year: '2026/27' }));
    const texts = (wb: ExcelJS.Workbook) => {
      const all: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => all.push(String(c.value)))));
      return all.join('\n');
    };
    const withText = texts(full);
    const withoutText = texts(without);
    expect(personal.filter((p) => withText.includes(p)).length).toBe(personal.length);
    expect(personal.filter((p) => withoutText.includes(p))).toEqual([]);
    expect(withoutText).not.toMatch(/@[a-z0-9-]+\.(sch\.)?(uk|org|com)/i);
    const h = headers(without.getWorksheet('Schools')!);
    expect(h).not.toContain('Email');
    expect(h).not.toContain('Telephone');
    expect(h).not.toContain('Other contacts');
    expect(h).toContain('Headteacher');
    expect(withoutText).toContain('Personal contact details are left out of this copy for wider circulation.');
  });
});

describe('bad input', () => {
  it('an unknown hub, an unknown year, a bad chart: a clear message and the database unchanged', async () => {
    const before = (await storeHash(t.store));
    const cases: [RequestOf<'exportHubWorkbook'>, string, RegExp][] = [
      [{ hubName: 'Atlantis Hub', year: '2026/27' }, 'not_found', /no hub named “Atlantis Hub”/],
      [{ hubName: 'Aspire', year: '2026/27' }, 'not_found', /Did you mean “Aspire Hub”/],
      [{ hubId: 999_999 }, 'not_found', /no hub with id 999999/],
      [{ hubName: 'Aspire Hub', year: '2031/32' }, 'not_found', /2031\/32/],
      [{ hubName: 'Aspire Hub', chartPngBase64: Buffer.from('GIF89a not a png at all').toString('base64') }, 'validation', /chartPngBase64: is not a PNG image/],
      [{ hubName: 'Aspire Hub', chartPngBase64: 'abc' }, 'validation', /chartPngBase64: is not base64/],
      [{ hubName: 'Aspire Hub', chartPngBase64: 'x'.repeat(7_000_001) }, 'validation', /chartPngBase64: a chart image must be at most 5 MB/],
      [{ hubName: 'Aspire Hub', chartPngBase64: 'not base64!' }, 'validation', /chartPngBase64: must be base64/],
    ];
    for (const [request, kind, message] of cases) {
      const r = await dispatch(t.ctx, 'exportHubWorkbook', request);
      expect(r.ok, JSON.stringify(request).slice(0, 80)).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe(kind);
        expect(r.error.message).toMatch(message);
      }
    }
    const tooBig = Buffer.concat([makePng(10, 10), Buffer.alloc(5 * 1024 * 1024 + 10)]).toString('base64');
    const big = await dispatch(t.ctx, 'exportHubWorkbook', { hubName: 'Aspire Hub', chartPngBase64: tooBig });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.message).toMatch(/larger than 5 MB/);
    const both = await dispatch(t.ctx, 'exportHubWorkbook', { hubName: 'Aspire Hub', hubId: 1 });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.error.message).toMatch(/either hubId or hubName/);
    expect((await storeHash(t.store))).toBe(before);
  });
});
