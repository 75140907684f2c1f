import type { Store } from '../core/db/store';
import { isDamagedStoreError } from '../core/db/sqlite-file/damaged';
import { restoreOverDamagedStore } from '../core/maintenance/restore-damaged';

export interface StartDialogs {
  open(dataDir: string): Promise<Store>;
  /** Shows a question; resolves with the index of the button chosen (the last one is Quit). */
  ask(question: { title: string; detail: string; buttons: string[] }): Promise<number>;
  fail(title: string, message: string): void;
  restore?(dataDir: string, backupFile: string): Promise<unknown>;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

/**
 * Opens the store as the desktop app starts. A damaged database is reported with what SQLite's
 * check found, and the newest verified backup is offered: chosen, it replaces the damaged file
 * (kept aside) and the app starts on it. Any other failure is shown as it is. Resolves null to quit.
 */
export async function openStoreOrOfferRestore(dataDir: string, dialogs: StartDialogs): Promise<Store | null> {
  try {
    return await dialogs.open(dataDir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const good = isDamagedStoreError(error) ? error.details.damaged.newestGoodBackup : null;
    if (!good) {
      dialogs.fail('hubdesk cannot open its database', message);
      return null;
    }
    const choice = await dialogs.ask({ title: 'hubdesk’s database is damaged', detail: message, buttons: [`Restore the backup of ${when(good.createdAt)}`, 'Quit'] });
    if (choice !== 0) return null;
    try {
      await (dialogs.restore ?? ((dir, file) => restoreOverDamagedStore(dir, file, 'desktop app')))(dataDir, good.file);
      return await dialogs.open(dataDir);
    } catch (restoreError) {
      dialogs.fail('hubdesk could not restore the backup', restoreError instanceof Error ? restoreError.message : String(restoreError));
      return null;
    }
  }
}
