import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';

vi.mock('electron', () => ({}));

import { HUBDESK_FUSES, applyFuses } from '../../packaging/fuses';
import { builderConfig } from '../../packaging/builder-config';
import builderFile from '../../electron-builder';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, APP_URL_PREFIX, appProtocolHandler, resolveAppPath } from '../../electron/main/app-protocol';
import { menuTemplate } from '../../electron/main/menu';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

/**
 * The Electron binary cannot be downloaded or run here, so the hardening is proven on what can be:
 * the configuration objects, the fuses flipped by @electron/fuses on a stand-in binary that carries
 * Electron's fuse wire, the app:// path resolution and the menus.
 */

/** A file laid out like an Electron binary around its fuse wire: the sentinel, version 1, the wire length, the wire. */
function standInBinary(wire: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-fuses-')), 'hubdesk');
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), sentinel, Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1'), Buffer.alloc(4096, 9)]));
  return file;
}

describe('Electron fuses', () => {
  it('turn off RunAsNode, NODE_OPTIONS and the inspect arguments; turn on cookie encryption, embedded asar integrity and app.asar only; no file:// privileges', () => {
    expect(HUBDESK_FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('@electron/fuses writes exactly those settings into a binary’s fuse wire', async () => {
    // Electron's shipped defaults: RunAsNode, NODE_OPTIONS, inspect and file:// privileges on; the rest off.
    const binary = standInBinary('101100011');
    await flipFuses(binary, HUBDESK_FUSES);
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    // Fuses not named keep the binary's own setting.
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
  });

  it('electron-builder applies them after packing (before signing) through its afterPack hook', async () => {
    const calls: unknown[] = [];
    const context = { packager: { addElectronFuses: async (ctx: unknown, fuses: unknown) => void calls.push([ctx, fuses]) } };
    await builderConfig.afterPack(context as never);
    expect(calls).toEqual([[context, HUBDESK_FUSES]]);
    await applyFuses(context);
    expect(calls).toHaveLength(2);
  });
});

describe('electron-builder configuration', () => {
  it('is what electron-builder.ts hands electron-builder', () => {
    expect(builderFile).toBe(builderConfig);
  });

  it('builds a Windows NSIS installer and a macOS dmg, from app.asar, with only the built app in it', () => {
    expect(builderConfig.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(builderConfig.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(builderConfig.mac.hardenedRuntime).toBe(true);
    expect(builderConfig.asar).toBe(true);
    expect(builderConfig.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map']));
    expect(builderConfig.files.some((f) => f.includes('out/cli') || f.includes('out/server') || f.includes('tests'))).toBe(false);
    expect(builderConfig.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**']);
    expect(builderConfig.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(builderConfig.nsis.perMachine).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const root = '/opt/hubdesk/resources/app.asar/out/renderer';

  it('is registered standard and secure, and the window loads app://hubdesk/index.html', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_ENTRY_URL).toBe('app://hubdesk/index.html');
    expect(APP_URL_PREFIX).toBe('app://hubdesk/');
  });

  it('resolves the renderer’s own files', () => {
    expect(resolveAppPath(root, 'app://hubdesk/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, 'app://hubdesk/')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, 'app://hubdesk/assets/index-abc123.js')).toBe(`${root}/assets/index-abc123.js`);
    expect(resolveAppPath(root, 'app://hubdesk/assets/My%20Font.woff2')).toBe(`${root}/assets/My Font.woff2`);
    expect(resolveAppPath(root, 'app://hubdesk/index.html?x=1#/hubs')).toBe(`${root}/index.html`);
  });

  it('refuses anything outside the renderer folder, another host or scheme, and malformed paths', () => {
    for (const url of [
      'app://hubdesk/../../../../etc/passwd',
      'app://hubdesk/%2e%2e/%2e%2e/hubdesk.db',
      'app://hubdesk/assets/..%2f..%2f..%2fpackage.json',
      'app://hubdesk/%2fetc%2fpasswd/../..',
      'app://hubdesk/index.html%00.png',
      'app://hubdesk/%E0%A4%A',
      'app://other/index.html',
      'app://hubdesk.evil/index.html',
      'file:///opt/hubdesk/resources/app.asar/out/renderer/index.html',
      'https://hubdesk/index.html',
      'not a url',
    ]) {
      const resolved = resolveAppPath(root, url);
      if (resolved !== null) expect(resolved.startsWith(`${root}/`), url).toBe(true);
      else expect(resolved).toBeNull();
    }
    // The URL parser itself folds dot segments (also %2e%2e) away: what is left stays inside the folder.
    expect(resolveAppPath(root, 'app://hubdesk/%2e%2e/%2e%2e/hubdesk.db')).toBe(`${root}/hubdesk.db`);
    expect(resolveAppPath(root, 'app://hubdesk/../../../../etc/passwd')).toBe(`${root}/etc/passwd`);
    // An encoded slash is decoded after that folding: it is the containment check that refuses it.
    expect(resolveAppPath(root, 'app://hubdesk/assets/..%2f..%2f..%2fpackage.json')).toBeNull();
    expect(resolveAppPath(root, 'app://hubdesk/index.html%00.png')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    // On Windows a backslash separates folders too.
    const winRoot = 'C:\\Program Files\\hubdesk\\resources\\app.asar\\out\\renderer';
    expect(resolveAppPath(winRoot, 'app://hubdesk/..%5C..%5C..%5Chubdesk.db', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://hubdesk/assets/app.js', path.win32)).toBe(`${winRoot}\\assets\\app.js`);
  });

  it('serves a file with its type and the app’s CSP, and 404s what it refuses or cannot find', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-renderer-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>hubdesk</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(dir), 'secret.txt'), 'not for the renderer');
    const handle = appProtocolHandler(dir);
    const page = await handle(new Request('app://hubdesk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>hubdesk</title>');
    const script = await handle(new Request('app://hubdesk/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://hubdesk/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://hubdesk/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://hubdesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('menus', () => {
  const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [String(i.role ?? i.label ?? i.type), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

  it('a packaged app has no Reload and no developer tools; development keeps them', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const shipped = roles(menuTemplate({ packaged: true, platform }));
      expect(shipped).not.toEqual(expect.arrayContaining(['reload']));
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']) expect(shipped, platform).not.toContain(role);
      expect(shipped).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'View', 'zoomIn', 'togglefullscreen', 'windowMenu']));
    }
    expect(roles(menuTemplate({ packaged: true, platform: 'darwin' }))).toContain('appMenu');
    expect(roles(menuTemplate({ packaged: false, platform: 'linux' }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
