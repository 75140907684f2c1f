import fs from 'node:fs';
import path from 'node:path';
import { openStore, type OpenedStore } from '../../../electron/core/db/connection';
import { createContext, type CoreContext } from '../../../electron/core/context';
import { copyStore } from '../store';

/** The benchmarks' clock: the same "today" as the generated network. */
export const BENCH_NOW = new Date('2026-11-23T10:00:00Z');

export async function openBench(dataDir: string): Promise<{ ctx: CoreContext; sqlite: OpenedStore['sqlite']; close(): Promise<void> }> {
  const store = await openStore(dataDir);
  const ctx = createContext(store, { now: () => BENCH_NOW, user: 'bench' });
  return { ctx, sqlite: store.sqlite, close: () => store.close() };
}

/** A fresh copy of the base store for one run of a step that writes; removed by the returned cleanup. */
export async function openCopy(baseStore: string, workDir: string, name: string) {
  const dir = path.join(workDir, 'runs', name);
  fs.rmSync(dir, { recursive: true, force: true });
  copyStore(baseStore, dir);
  const opened = await openBench(dir);
  return {
    ctx: opened.ctx,
    close: async () => {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
