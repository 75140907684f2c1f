import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { Store } from '../core/db/store';
import { databaseUrlFrom, openChosenStore } from '../core/db/open';
import { createContext } from '../core/context';
import { warmFirstPage } from '../core/dashboards/warm';
import { createMainWindow } from './window-options';
import { hardenContents, hardenSession } from './security';
import { registerIpc } from './ipc';
import { SAVE_PDF_CHANNEL, savePdf, writePdfFile } from './save-pdf';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL_PREFIX, appProtocolHandler } from './app-protocol';
import { menuTemplate } from './menu';
import { openStoreOrOfferRestore } from './damaged-store';
import { isAllowedExternalLink } from '@shared/security';

// Must happen before the app is ready: app:// is where the window's pages come from.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;
let store: Store | null = null;

function dataDirFromArgs(): string {
  const i = process.argv.indexOf('--data');
  const fromArg = i >= 0 ? process.argv[i + 1] : undefined;
  return path.resolve(fromArg ?? process.env.HUBDESK_DATA ?? app.getPath('userData'));
}

function databaseUrlArg(): string | undefined {
  const i = process.argv.indexOf('--database-url');
  return databaseUrlFrom(i >= 0 ? process.argv[i + 1] : undefined);
}

function rendererUrl(): { url: string; prefix: string } {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer && !app.isPackaged) return { url: devServer, prefix: devServer };
  return { url: APP_ENTRY_URL, prefix: APP_URL_PREFIX };
}

function openExternal(url: string): void {
  if (isAllowedExternalLink(url)) void shell.openExternal(url);
}

async function createWindow(): Promise<void> {
  const { url, prefix } = rendererUrl();
  mainWindow = createMainWindow(path.join(__dirname, '../preload'), { devTools: !app.isPackaged });
  hardenContents(mainWindow.webContents, prefix, openExternal);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(url);
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, rendererUrl().prefix, openExternal));

  await app.whenReady();
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, appProtocolHandler(path.join(__dirname, '../renderer')));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged, platform: process.platform })));
  store = await openStoreOrOfferRestore(dataDirFromArgs(), {
    open: (dir) => openChosenStore(dir, databaseUrlArg(), { lockAs: 'desktop app' }),
    ask: async (question) => (await dialog.showMessageBox({ type: 'error', title: question.title, message: question.title, detail: question.detail, buttons: question.buttons, defaultId: 0, cancelId: question.buttons.length - 1, noLink: true })).response,
    fail: (title, message) => dialog.showErrorBox(title, message),
  });
  if (!store) {
    app.exit(1);
    return;
  }
  const ctx = createContext(store, { person: process.env.HUBDESK_PERSON });
  registerIpc(ipcMain, ctx, rendererUrl().prefix);
  ipcMain.handle(SAVE_PDF_CHANNEL, (event, payload: unknown) =>
    savePdf(event, payload, rendererUrl().prefix, {
      documentsDir: app.getPath('documents'),
      writeFile: writePdfFile,
      chooseFile: async (defaultPath) => {
        const win = BrowserWindow.fromWebContents(event.sender);
        const options = { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
    }),
  );
  warmFirstPage(ctx);
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('window-all-closed', () => {
  void store?.close();
  if (process.platform !== 'darwin') app.quit();
});

void start();
