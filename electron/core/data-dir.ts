import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'hubdesk';

/**
 * Where the database lives when no --data is given: HUBDESK_DATA, else the folder Electron uses as
 * userData for this app on each platform (so the CLI and browser mode find the desktop app's data).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HUBDESK_DATA) return path.resolve(env.HUBDESK_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}
