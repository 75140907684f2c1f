import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, tempDir, type TestStore } from '../helpers/store';
import type { ExportFile } from '../../shared/contract/exports';
import { makePng } from './export-fixtures';

/** A second reader: LibreOffice opens the exported workbook and prints it to PDF; poppler turns pages into PNGs to look at. */
const soffice = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice'].find((p): p is string => !!p && fs.existsSync(p));
const which = (tool: string) => ['/usr/bin', '/usr/local/bin'].map((d) => path.join(d, tool)).find((p) => fs.existsSync(p));

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

describe('LibreOffice opens the hub workbook', () => {
  it('converts it to a PDF whose pages show the figures as formatted (£, dates) and the chart; pages saved as PNG', async () => {
    if (!soffice) {
      console.warn('SKIPPED: LibreOffice (soffice) is not installed here (apt-get install -y libreoffice-calc-nogui); the second-reader check did not run.');
      return;
    }
    const r = await dispatch(t.ctx, 'exportHubWorkbook', { hubName: 'Aspire Hub', year: '2026/27', chartPngBase64: makePng(1200, 560).toString('base64') });
    if (!r.ok) throw new Error(r.error.message);
    const file = r.value as ExportFile;
    const dir = tempDir('hubdesk-export-lo-');
    const xlsx = path.join(dir, 'aspire.xlsx');
    fs.writeFileSync(xlsx, Buffer.from(file.contentBase64, 'base64'));
    const run = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { encoding: 'utf8', timeout: 150_000 });
    expect(run.status, run.stderr).toBe(0);
    const pdf = fs.readFileSync(path.join(dir, 'aspire.pdf'));
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

    const pdftotext = which('pdftotext');
    if (pdftotext) {
      const text = spawnSync(pdftotext, ['-layout', path.join(dir, 'aspire.pdf'), '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Aspire Hub — hub dashboard 2026/27');
      expect(text).toContain('£38,589.77');
      expect(text).toMatch(/\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d/);
      for (const sheet of ['Overview', 'Schools', 'Ofsted', 'QA outcomes', 'WWWs and EBIs', 'Reviewer commitments', 'Funding and claims']) expect(text).toContain(sheet);
    }
    const pdftoppm = which('pdftoppm');
    if (!pdftoppm) {
      console.warn('pdftoppm (poppler-utils) is not installed: the PDF pages were not turned into PNGs.');
      return;
    }
    const screens = path.resolve('test-results/screens');
    fs.mkdirSync(screens, { recursive: true });
    const png = spawnSync(pdftoppm, ['-png', '-r', '60', '-f', '1', '-l', '2', path.join(dir, 'aspire.pdf'), path.join(screens, 'export-hub-pdf')], { encoding: 'utf8' });
    expect(png.status, png.stderr).toBe(0);
    const pages = fs.readdirSync(screens).filter((f) => f.startsWith('export-hub-pdf') && f.endsWith('.png'));
    expect(pages.length).toBe(2);
    for (const p of pages) expect(fs.readFileSync(path.join(screens, p)).subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 200_000);
});
