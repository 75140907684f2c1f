import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { DesktopMode } from '@shared/desktop';

/**
 * Creates the main window. The security baseline (context isolation, sandbox, no Node integration
 * anywhere, web security on, no webview tag) is written out literally in the constructor call, so
 * static checkers (Electronegativity) can see it as well as the unit test.
 */
export function createMainWindow(preloadDir: string, options: { devTools: boolean; mode: DesktopMode }): BrowserWindow {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'hubdesk',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: path.join(preloadDir, 'index.js'),
      // Tells the preload what the window shows: only this computer's store gets the core's transport.
      additionalArguments: [`--hubdesk-mode=${options.mode}`],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      // Developer tools only in development: a packaged app cannot open them.
      devTools: options.devTools,
    },
  });
}
