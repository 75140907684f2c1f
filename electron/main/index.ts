import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import type { ConnectionView, DesktopMode } from '@shared/desktop';
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
import { DATABASE_FILE_NAME } from '../core/db/connection';
import { readConnection } from './connection/saved';
import { planStart } from './connection/plan';
import { connectionChooser } from './connection/choose';
import { registerConnectionIpc } from './connection/ipc';
import { connectionProblem, probeTeamServer, type ProbeFetch } from './connection/probe';
import { refuseUntrustedCertificates } from './connection/certificates';

// Must happen before the app is ready: app:// is where the window's pages come from.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;
let store: Store | null = null;
/** What the window may show and who may call the main process: the app's own pages, or the team server's. */
let windowPrefix = APP_URL_PREFIX;
/** The saved choice of where the data is, and why it could not be used at this start, for the choice screen. */
let connection: ConnectionView = { choice: null, problem: null };

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function dataDirFromArgs(): string {
  return path.resolve(argValue('--data') ?? process.env.HUBDESK_DATA ?? app.getPath('userData'));
}

function databaseUrlArg(): string | undefined {
  return databaseUrlFrom(argValue('--database-url'));
}

/** A data folder or database named for this start (command line or environment): it is used, whatever was saved. */
function localNamed(): boolean {
  return argValue('--data') !== undefined || Boolean(process.env.HUBDESK_DATA) || databaseUrlArg() !== undefined;
}

function rendererUrl(): { url: string; prefix: string } {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer && !app.isPackaged) return { url: devServer, prefix: devServer };
  return { url: APP_ENTRY_URL, prefix: APP_URL_PREFIX };
}

function openExternal(url: string): void {
  if (isAllowedExternalLink(url)) void shell.openExternal(url);
}

/** Chromium's own fetch, so the check of a team server trusts exactly the certificates the window will. */
const chromiumFetch: ProbeFetch = (url, init) => net.fetch(url, init);

/** Opens the window on a page; the window it replaces (a failed team server, the choice screen) closes after. */
async function openWindow(mode: DesktopMode, url: string, prefix: string, onFailedLoad?: (description: string) => void): Promise<void> {
  windowPrefix = prefix;
  const previous = mainWindow;
  const window = createMainWindow(path.join(__dirname, '../preload'), { devTools: !app.isPackaged, mode });
  mainWindow = window;
  hardenContents(window.webContents, prefix, openExternal);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  if (onFailedLoad) {
    // A certificate error (refused above) or a server gone away ends here; -3 is a navigation the app itself stopped.
    window.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      if (isMainFrame && code !== -3) onFailedLoad(description);
    });
  }
  previous?.destroy();
  await window.loadURL(url).catch(() => undefined);
}

/** The first start's question (and the answer to a saved choice that cannot be used): where is the data? */
async function showChoice(problem: string | null): Promise<void> {
  connection = { ...connection, problem };
  const { url, prefix } = rendererUrl();
  await openWindow('setup', `${url}#/`, prefix);
}

async function startTeam(origin: string): Promise<void> {
  const answer = await probeTeamServer(origin, chromiumFetch);
  if (!answer.ok) return showChoice(answer.message);
  await openWindow('team', `${origin}/`, `${origin}/`, (description) => void showChoice(connectionProblem(origin, new Error(description))));
}

async function startLocal(): Promise<void> {
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
  const { url, prefix } = rendererUrl();
  registerIpc(ipcMain, ctx, prefix);
  ipcMain.handle(SAVE_PDF_CHANNEL, (event, payload: unknown) =>
    savePdf(event, payload, prefix, {
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
  await openWindow('local', url, prefix);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow('local', url, prefix);
  });
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
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, windowPrefix, openExternal));
  refuseUntrustedCertificates(app, (url, error) => console.error(`hubdesk refused ${url}: its certificate is not trusted (${error}).`));

  await app.whenReady();
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, appProtocolHandler(path.join(__dirname, '../renderer')));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged, platform: process.platform })));
  const profileDir = app.getPath('userData');
  registerConnectionIpc(ipcMain, {
    allowedPrefixes: () => [windowPrefix],
    view: () => connection,
    choose: connectionChooser({
      profileDir,
      probe: (origin) => probeTeamServer(origin, chromiumFetch),
      restart: () => {
        app.relaunch();
        app.exit(0);
      },
    }),
  });
  const saved = readConnection(profileDir);
  connection = { choice: saved.choice, problem: saved.problem };
  const plan = planStart({
    serverArg: argValue('--server'),
    localNamed: localNamed(),
    localDataExists: fs.existsSync(path.join(profileDir, DATABASE_FILE_NAME)),
    saved,
  });
  if (plan.mode === 'team') return startTeam(plan.origin);
  if (plan.mode === 'setup') return showChoice(plan.problem);
  return startLocal();
}

app.on('window-all-closed', () => {
  void store?.close();
  if (process.platform !== 'darwin') app.quit();
});

void start();
