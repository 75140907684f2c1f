import type { DesktopBridge } from '@shared/desktop';

declare global {
  interface Window {
    /** Present in the desktop app, whatever the window shows: where the data is, and changing it. */
    hubdeskDesktop?: DesktopBridge;
  }
}

/** The desktop app's bridge for choosing where the data is; undefined in a browser. */
export function desktopBridge(): DesktopBridge | undefined {
  return window.hubdeskDesktop;
}
