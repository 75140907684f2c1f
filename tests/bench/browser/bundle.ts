/**
 * The renderer's JavaScript as built: what the first page must load (the entry script and the
 * modules index.html preloads) and everything else, which is fetched only when a page needs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleSizes {
  /** Bytes of the scripts index.html loads or preloads. */
  initialBytes: number;
  initialGzipBytes: number;
  initialFiles: string[];
  /** Bytes of every script in the build. */
  totalBytes: number;
  files: number;
}

export function bundleSizes(buildRoot: string): BundleSizes {
  const dir = path.join(buildRoot, 'out', 'renderer');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) initial.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) initial.add(m[1]!);
  const read = (src: string) => fs.readFileSync(path.join(dir, src.replace(/^\.?\//, '')));
  const assets = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  let initialBytes = 0;
  let initialGzipBytes = 0;
  for (const src of initial) {
    const bytes = read(src);
    initialBytes += bytes.length;
    initialGzipBytes += zlib.gzipSync(bytes).length;
  }
  return {
    initialBytes,
    initialGzipBytes,
    initialFiles: [...initial],
    totalBytes: assets.reduce((n, f) => n + fs.statSync(path.join(dir, 'assets', f)).size, 0),
    files: assets.length,
  };
}
