import fs from 'node:fs/promises';
import path from 'node:path';
import type { IpcMainInvokeEvent, PrintToPDFOptions } from 'electron';
import { z } from 'zod';
import type { Envelope } from '@shared/contract';
import { isTrustedSender } from './ipc';

export const SAVE_PDF_CHANNEL = 'hubdesk:save-pdf';

/** The file name the page suggests: a plain name ending in .pdf, no folders. */
export const savePdfRequest = z.strictObject({
  fileName: z
    .string()
    .min(5)
    .max(120)
    .regex(/^[^\\/:*?"<>|\u0000-\u001f]+\.pdf$/i, 'a file name ending in .pdf, without folders or the characters \\ / : * ? " < > |'),
});

export interface SavePdfDeps {
  /** Asks where to save (the system save dialog); null when the person cancels. */
  chooseFile(defaultPath: string): Promise<string | null>;
  writeFile(file: string, bytes: Buffer): Promise<void>;
  /** The folder the dialog opens in. */
  documentsDir: string;
}

/**
 * Saves the sender's page as PDF with Electron's printToPDF (A4, backgrounds, the print stylesheet
 * applies), where the person chooses. Only the app's own top-level frame may ask.
 */
export async function savePdf(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: { printToPDF(o: PrintToPDFOptions): Promise<Buffer> } },
  payload: unknown,
  appUrlPrefix: string,
  deps: SavePdfDeps,
): Promise<Envelope> {
  if (!isTrustedSender(event, appUrlPrefix)) return { ok: false, error: { kind: 'forbidden', message: 'This request did not come from the hubdesk window.' } };
  const parsed = savePdfRequest.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: { kind: 'validation', message: `fileName: ${issue.message}`, issues: [{ path: 'fileName', message: issue.message }] } };
  }
  const file = await deps.chooseFile(path.join(deps.documentsDir, parsed.data.fileName));
  if (file === null) return { ok: true, value: { saved: null } };
  try {
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await deps.writeFile(file, pdf);
  } catch (error) {
    return { ok: false, error: { kind: 'internal', message: `The PDF could not be saved to ${file}: ${(error as Error).message}` } };
  }
  return { ok: true, value: { saved: file } };
}

export const writePdfFile = (file: string, bytes: Buffer): Promise<void> => fs.writeFile(file, bytes);
