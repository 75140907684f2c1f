import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { openBench } from './steps/open';
import type { Identity } from '@shared/contract/calls';

/** Sets "I am" to the Memberships Manager of the most hubs (so My calls has calls to show), unless someone is chosen. */
export async function chooseIdentity(dataDir: string): Promise<void> {
  const { ctx, close } = await openBench(dataDir);
  try {
    const now = await dispatch(ctx, 'getIdentity', {});
    if (now.ok && (now.value as Identity).staffId !== null) return;
    const manager = await ctx.db
      .selectFrom('hubs')
      .where('memberships_manager_id', 'is not', null)
      .select(['memberships_manager_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('memberships_manager_id')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const me = await dispatch(ctx, 'setIdentity', { staffId: manager.memberships_manager_id! });
    if (!me.ok) throw new Error(`choosing who "I am" is failed: ${me.error.message}`);
  } finally {
    await close();
  }
  fs.rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
}

/** The demo network (36 hubs, 451 schools) as the app loads it, on the benchmarks' clock, with "I am" chosen. */
export async function writeDemoStore(dataDir: string): Promise<void> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const { ctx, close } = await openBench(dataDir);
  try {
    const loaded = await dispatch(ctx, 'loadDemo', { confirm: true });
    if (!loaded.ok) throw new Error(`loading the demo network failed: ${loaded.error.message}`);
  } finally {
    await close();
  }
  await chooseIdentity(dataDir);
}
