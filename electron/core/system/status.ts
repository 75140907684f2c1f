import type { StatusView } from '@shared/contract/system';
import { currentYear } from '@shared/domain/years';
import type { CoreContext } from '../context';
import { listYears } from '../db/years';
import { migrations } from '../db/migrations';

/** Where the data lives, its schema, whether it is empty, and the membership years. */
export async function storeStatus(ctx: CoreContext): Promise<StatusView> {
  const years = await listYears(ctx.db);
  const schools = await ctx.db.selectFrom('schools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const hubs = await ctx.db.selectFrom('hubs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const names = Object.keys(migrations);
  return {
    dataDir: ctx.store.dataDir,
    databaseFile: ctx.store.location,
    logFile: ctx.log.file,
    schemaVersion: names[names.length - 1] ?? 'none',
    empty: Number(schools.n) === 0 && Number(hubs.n) === 0 && years.length === 0,
    years,
    currentYear: currentYear(years, ctx.today())?.label ?? null,
  };
}
