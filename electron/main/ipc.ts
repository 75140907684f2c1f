import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '@shared/contract';
import type { CoreContext } from '../core/context';
import { dispatch } from '../core/dispatch';

export const INVOKE_CHANNEL = 'hubdesk:invoke';

/** Binds the contract to IPC. Only the app's own top-level frame may call it. */
export function registerIpc(ipcMain: IpcMain, ctx: CoreContext, appUrlPrefix: string): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, payload: unknown): Promise<Envelope> => {
    if (!isTrustedSender(event, appUrlPrefix)) {
      return { ok: false, error: { kind: 'forbidden', message: 'This request did not come from the hubdesk window.' } };
    }
    return dispatch(ctx, method, payload);
  });
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrlPrefix: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return frame.url.startsWith(appUrlPrefix);
}
