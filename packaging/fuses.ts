import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * The Electron fuses of the shipped app: switches compiled into the Electron binary that no
 * environment variable or command-line flag can turn back on.
 *
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn hubdesk into a plain Node.js that runs any script.
 * - NODE_OPTIONS (and NODE_EXTRA_CA_CERTS) ignored, and --inspect / SIGUSR1 refused: no code or debugger injected at start.
 * - Cookie encryption on: Chromium's cookie store is encrypted with the OS's keys.
 * - Embedded asar integrity validation on, and the app loaded only from app.asar: the code that
 *   runs is the code that was packaged (electron-builder writes the asar's hash into the binary's
 *   resources on Windows and Info.plist on macOS).
 * - file:// gets no extra privileges: the app is served from app:// (electron/main/app-protocol.ts).
 */
export const HUBDESK_FUSES = {
  version: FuseVersion.V1,
  // An unsigned Apple-silicon build must be re-signed ad hoc after its fuses change, or macOS refuses to start it.
  resetAdHocDarwinSignature: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseV1Config;

/** What electron-builder passes to an afterPack hook (the part used here). */
export interface PackContext {
  packager: { addElectronFuses(context: PackContext, fuses: FuseV1Config): Promise<unknown> };
}

/**
 * electron-builder's afterPack hook: flips the fuses with this project's @electron/fuses, on the
 * packaged binary, before electron-builder signs it (afterPack runs before signing; fuses changed
 * after signing would break the signature).
 */
export async function applyFuses(context: PackContext): Promise<void> {
  await context.packager.addElectronFuses(context, HUBDESK_FUSES);
}
