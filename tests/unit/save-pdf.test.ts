import { describe, expect, it, vi } from 'vitest';
import { savePdf, savePdfRequest, type SavePdfDeps } from '../../electron/main/save-pdf';

const APP = 'app://hubdesk/';

function event(url = `${APP}index.html`, parent: unknown = null, pdf = Buffer.from('%PDF-1.7 fake')) {
  const printToPDF = vi.fn(async () => pdf);
  return { senderFrame: { url, parent } as never, sender: { printToPDF }, printToPDF };
}

function deps(chosen: string | null = '/home/me/Documents/pack.pdf'): SavePdfDeps & { written: [string, Buffer][]; asked: string[] } {
  const written: [string, Buffer][] = [];
  const asked: string[] = [];
  return {
    written,
    asked,
    documentsDir: '/home/me/Documents',
    chooseFile: async (p) => {
      asked.push(p);
      return chosen;
    },
    writeFile: async (f, b) => void written.push([f, b]),
  };
}

describe('saving a page as PDF in the desktop app', () => {
  it('asks where, in Documents under the suggested name, prints the sender’s page to A4 with backgrounds and writes it there', async () => {
    const e = event();
    const d = deps();
    const r = await savePdf(e, { fileName: 'Aspire Hub call pack 2026-autumn.pdf' }, APP, d);
    expect(r).toEqual({ ok: true, value: { saved: '/home/me/Documents/pack.pdf' } });
    expect(d.asked).toEqual(['/home/me/Documents/Aspire Hub call pack 2026-autumn.pdf']);
    expect(e.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(d.written).toEqual([['/home/me/Documents/pack.pdf', Buffer.from('%PDF-1.7 fake')]]);
  });

  it('writes nothing when the person cancels the dialog', async () => {
    const e = event();
    const d = deps(null);
    expect(await savePdf(e, { fileName: 'pack.pdf' }, APP, d)).toEqual({ ok: true, value: { saved: null } });
    expect(e.printToPDF).not.toHaveBeenCalled();
    expect(d.written).toEqual([]);
  });

  it('refuses a sender that is not the app’s own top-level frame', async () => {
    for (const e of [event('https://evil.example/'), event(`${APP}index.html`, { url: APP })]) {
      const d = deps();
      const r = await savePdf(e, { fileName: 'pack.pdf' }, APP, d);
      expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      expect(d.asked).toEqual([]);
    }
  });

  it('refuses a file name with folders, odd characters or another extension, saying why, before asking anything', async () => {
    for (const fileName of ['../../etc/passwd.pdf', 'C:\\\\x.pdf', 'pack.exe', 'a:b.pdf', '.pdf', 'x'.repeat(200) + '.pdf', 42]) {
      const d = deps();
      const r = await savePdf(event(), { fileName }, APP, d);
      expect(r, String(fileName)).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/^fileName: /) } });
      expect(d.asked).toEqual([]);
    }
    expect(savePdfRequest.safeParse({ fileName: 'pack.pdf', extra: 1 }).success).toBe(false);
  });

  it('says where the PDF could not be written', async () => {
    const d = { ...deps(), writeFile: async () => Promise.reject(new Error('EACCES: permission denied')) };
    const r = await savePdf(event(), { fileName: 'pack.pdf' }, APP, d);
    expect(r).toEqual({ ok: false, error: { kind: 'internal', message: 'The PDF could not be saved to /home/me/Documents/pack.pdf: EACCES: permission denied' } });
  });
});
