import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: Record<string, unknown>) {}
  },
}));

import { createMainWindow } from '../../electron/main/window-options';
import { hardenContents, hardenSession } from '../../electron/main/security';
import { isTrustedSender } from '../../electron/main/ipc';
import { CONTENT_SECURITY_POLICY, isAllowedExternalLink } from '../../shared/security';

type Listener = (...args: unknown[]) => void;
type Headers = { responseHeaders: Record<string, string[]> };
type HeadersHook = (details: Headers, callback: (r: Headers) => void) => void;
type PermissionHandler = (contents: null, permission: string, callback: (ok: boolean) => void) => void;
type Sender = Parameters<typeof isTrustedSender>[0];

function fakeContents() {
  const listeners: Record<string, Listener> = {};
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler!({ url }),
    on: (name: string, fn: Listener) => {
      listeners[name] = fn;
    },
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
  };
}

describe('Electron security baseline', () => {
  it('window: context isolation, sandbox, no Node integration, no webview', () => {
    const prefs = (createMainWindow('/app/preload', { devTools: false, mode: 'team' }) as unknown as { options: { webPreferences: Record<string, unknown> } }).options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload).toBe('/app/preload/index.js');
    expect(prefs.devTools).toBe(false);
    // The preload gives the core's transport only to a window on this computer's store.
    expect(prefs.additionalArguments).toEqual(['--hubdesk-mode=team']);
    const dev = (createMainWindow('/app/preload', { devTools: true, mode: 'local' }) as unknown as { options: { webPreferences: Record<string, unknown> } }).options.webPreferences;
    expect(dev.devTools).toBe(true);
  });

  it('session: the CSP on every response and every permission denied', () => {
    let headersHook: HeadersHook | undefined;
    let permission: PermissionHandler | undefined;
    let check: (() => boolean) | undefined;
    hardenSession({
      webRequest: { onHeadersReceived: (fn: HeadersHook) => (headersHook = fn) },
      setPermissionRequestHandler: (fn: PermissionHandler) => (permission = fn),
      setPermissionCheckHandler: (fn: () => boolean) => (check = fn),
    } as unknown as Session);
    let result: Headers | undefined;
    headersHook!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (result = r));
    expect(result!.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) permission!(null, p, (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
  });

  it('navigation away from the app and new windows are denied; allowlisted links open outside', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    hardenContents(contents as unknown as WebContents, 'app://hubdesk/', (u) => opened.push(u));
    const nav = { prevented: false, preventDefault() { this.prevented = true; } };
    contents.listeners['will-navigate']!(nav, 'https://evil.example/');
    expect(nav.prevented).toBe(true);
    const inApp = { prevented: false, preventDefault() { this.prevented = true; } };
    contents.listeners['will-navigate']!(inApp, 'app://hubdesk/index.html#/hubs');
    const lookalike = { prevented: false, preventDefault() { this.prevented = true; } };
    contents.listeners['will-navigate']!(lookalike, 'app://hubdesk.evil/index.html');
    expect(lookalike.prevented).toBe(true);
    expect(inApp.prevented).toBe(false);
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('https://reports.ofsted.gov.uk/provider/21/100000')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://reports.ofsted.gov.uk/provider/21/100000']);
  });

  it('external links: https and on the allowlist only', () => {
    expect(isAllowedExternalLink('https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/100000')).toBe(true);
    expect(isAllowedExternalLink('http://www.ofsted.gov.uk/')).toBe(false);
    expect(isAllowedExternalLink('https://www.ofsted.gov.uk.evil.example/')).toBe(false);
    expect(isAllowedExternalLink('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalLink('not a url')).toBe(false);
  });

  it('IPC: only the app’s own top-level frame is a trusted sender', () => {
    const prefix = 'app://hubdesk/';
    expect(isTrustedSender({ senderFrame: { url: `${prefix}index.html#/network`, parent: null } } as unknown as Sender, prefix)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'file:///app/renderer/index.html', parent: null } } as unknown as Sender, prefix)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as Sender, prefix)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: prefix, parent: {} } } as unknown as Sender, prefix)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as unknown as Sender, prefix)).toBe(false);
  });
});
