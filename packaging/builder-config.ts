import type { AfterPackContext, Configuration } from 'app-builder-lib';
import { applyFuses, type PackContext } from './fuses';

/**
 * How the desktop app is packaged: a Windows installer (NSIS, per user, no admin rights needed)
 * and a macOS disk image, both with the fuses of fuses.ts applied before signing. Only the built
 * app (out/main, out/preload, out/renderer) and the production dependencies go in, inside app.asar;
 * better-sqlite3's native module is unpacked beside it (a .node file cannot be loaded from inside an
 * archive) and rebuilt for Electron by electron-builder.
 */
export const builderConfig = {
  appId: 'org.challengepartners.hubdesk',
  productName: 'hubdesk',
  copyright: 'Copyright © Challenge Partners',
  directories: { output: 'release', buildResources: 'resources/build' },
  files: ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map'],
  asar: true,
  asarUnpack: ['**/node_modules/better-sqlite3/**'],
  npmRebuild: true,
  electronLanguages: ['en-GB', 'en-US'],
  afterPack: (context: AfterPackContext) => applyFuses(context as unknown as PackContext),
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    // The data (the database and its backups) is the team's: uninstalling never deletes it.
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.business',
    hardenedRuntime: true,
    gatekeeperAssess: false,
  },
  dmg: {
    title: 'hubdesk ${version}',
  },
} satisfies Configuration;
