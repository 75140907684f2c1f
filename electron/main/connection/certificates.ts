import type { App } from 'electron';

/**
 * Every certificate error is refused, never clicked through: the app has no "proceed anyway",
 * because a team server that cannot be verified may be an impostor collecting passwords. Electron
 * refuses by default; this says so in code and records which address was refused.
 */
export function refuseUntrustedCertificates(app: Pick<App, 'on'>, onRefused: (url: string, error: string) => void): void {
  app.on('certificate-error', (_event, _contents, url, error, _certificate, callback) => {
    callback(false);
    onRefused(url, error);
  });
}
