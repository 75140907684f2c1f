import fs from 'node:fs';
import path from 'node:path';

/**
 * The code a worker thread runs: the bundle each build emits for it (`<bundle>.js` in out/ for the
 * command line and the server, in out/main/ for Electron), found from the chunk that is running; or,
 * when hubdesk runs from its TypeScript source (vitest, tsx), the entry's source file loaded through
 * tsx's require hook.
 */
export function workerCode(bundle: string, sourceEntry: string): { code: string; eval: boolean } {
  if (__filename.endsWith('.ts')) {
    return { code: `require('tsx/cjs/api').register(); require(${JSON.stringify(sourceEntry)});`, eval: true };
  }
  for (const dir of [__dirname, path.join(__dirname, '..')]) {
    const file = path.join(dir, `${bundle}.js`);
    if (fs.existsSync(file)) return { code: file, eval: false };
  }
  throw new Error(`the worker ${bundle}.js is missing beside ${__dirname}: rebuild hubdesk`);
}
