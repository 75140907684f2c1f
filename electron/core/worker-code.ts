import fs from 'node:fs';
import path from 'node:path';

/**
 * A worker thread's code: the bundle `<bundle>.js` each build emits beside the code that is running
 * (out/ for the CLI and the server, out/main/ for Electron; the running chunk may sit one folder
 * down), or, when hubdesk runs from its TypeScript source (vitest, tsx), the source entry loaded
 * through tsx's require hook.
 */
export function workerCode(bundle: string, sourceEntry: string): { code: string; eval: boolean } {
  if (__filename.endsWith('.ts')) {
    return { code: `require('tsx/cjs/api').register(); require(${JSON.stringify(sourceEntry)});`, eval: true };
  }
  for (const dir of [__dirname, path.join(__dirname, '..')]) {
    const file = path.join(dir, `${bundle}.js`);
    if (fs.existsSync(file)) return { code: file, eval: false };
  }
  throw new Error(`a worker's code (${bundle}.js) is missing beside ${__dirname}: rebuild hubdesk`);
}
