import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ChooseAnswer, ConnectionView } from '@shared/desktop';
import { isTrustedSender } from '../ipc';

export const CONNECTION_CHANNEL = 'hubdesk:connection';
export const CHOOSE_CONNECTION_CHANNEL = 'hubdesk:choose-connection';

/** The top frame of the window, showing one of the pages the app itself opened (the app's own, or the team server's). */
export function isWindowPage(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, allowedPrefixes: readonly string[]): boolean {
  return allowedPrefixes.some((prefix) => isTrustedSender(event, prefix));
}

const REFUSED: ChooseAnswer = { ok: false, message: 'This request did not come from the hubdesk window.' };

/** Where the data is, and changing it: the only calls a team server's page may make to this computer. */
export function registerConnectionIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  deps: { allowedPrefixes(): readonly string[]; view(): ConnectionView; choose(payload: unknown): Promise<ChooseAnswer> },
): void {
  ipcMain.handle(CONNECTION_CHANNEL, (event: IpcMainInvokeEvent): ConnectionView | null => (isWindowPage(event, deps.allowedPrefixes()) ? deps.view() : null));
  ipcMain.handle(CHOOSE_CONNECTION_CHANNEL, async (event: IpcMainInvokeEvent, payload: unknown): Promise<ChooseAnswer> =>
    isWindowPage(event, deps.allowedPrefixes()) ? deps.choose(payload) : REFUSED,
  );
}
