import { runCli } from '../../electron/cli/run';
import { openStore } from '../../electron/core/db/connection';
import { contentHash } from './store';
import { testClockEnv } from './clock';

/** Runs the CLI in process with its output captured: exit code, stdout and stderr. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, testClockEnv({}));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The content hash of the store in a data folder (equal hashes: nothing was written). */
export async function hashOf(dir: string): Promise<string> {
  const s = await openStore(dir);
  try {
    return contentHash(s.sqlite);
  } finally {
    await s.close();
  }
}
