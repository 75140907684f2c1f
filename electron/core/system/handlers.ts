import type { systemMethods } from '@shared/contract/system';
import type { HandlersFor } from '../handler-types';
import { findYear, insertYear, listYears } from '../db/years';
import { currentYear } from '@shared/domain/years';
import { HubdeskError } from '../errors';
import { recordAudit } from '../changes/audit-entry';
import { loadDemoNetwork } from '../demo/load';
import { migrations } from '../db/migrations';

export const systemHandlers: HandlersFor<typeof systemMethods> = {
  async getStatus(ctx) {
    const years = await listYears(ctx.db);
    const schools = await ctx.db.selectFrom('schools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const hubs = await ctx.db.selectFrom('hubs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const names = Object.keys(migrations);
    return {
      dataDir: ctx.store.dataDir,
      databaseFile: ctx.store.file,
      schemaVersion: names[names.length - 1] ?? 'none',
      empty: Number(schools.n) === 0 && Number(hubs.n) === 0 && years.length === 0,
      years,
      currentYear: currentYear(years, ctx.today())?.label ?? null,
    };
  },

  async listYears(ctx) {
    return listYears(ctx.db);
  },

  async loadDemo(ctx) {
    return loadDemoNetwork(ctx);
  },

  async createYear(ctx, { label }) {
    if (await findYear(ctx.db, label)) throw new HubdeskError('conflict', `Membership year ${label} already exists.`);
    return ctx.db.transaction().execute(async (trx) => {
      const year = await insertYear(trx, label);
      await recordAudit(trx, ctx, { action: 'create', entity: 'membership_year', entityId: year.id, after: year });
      return year;
    });
  },
};
