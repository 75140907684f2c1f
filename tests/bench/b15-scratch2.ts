import fs from 'node:fs';
import { openCopy } from './steps/open';
import type { OpenedStore } from '../../electron/core/db/connection';
const config = JSON.parse(fs.readFileSync('/tmp/hubdesk-bench/25000-500/config.json', 'utf8'));
const ta = async (label: string, f: () => Promise<unknown> | unknown) => { const s = process.hrtime.bigint(); const v = await f(); console.log(label, (Number(process.hrtime.bigint() - s) / 1e6).toFixed(1)); return v; };
(async () => {
  const copy = await openCopy(config.baseStore, config.workDir, 'scratch');
  const { ctx } = copy;
  const db = ctx.db;
  const sqlite = (ctx.store as OpenedStore).sqlite;
  console.log(sqlite.prepare('select count(*) from schools').pluck().get(), sqlite.prepare("select count(*) from contacts where role='Headteacher'").pluck().get());
  for (let i = 0; i < 3; i++) {
    await ta('schools selectAll', () => db.selectFrom('schools').selectAll().orderBy('id').execute());
    await ta('schools facts kysely', () => db.selectFrom('schools').select(['id', 'urn', 'name', 'phase', 'local_authority', 'trust', 'postcode', 'headteacher', 'email', 'phone']).orderBy('id').execute());
    await ta('schools facts raw', () => sqlite.prepare('select id, urn, name, phase, local_authority, trust, postcode, headteacher, email, phone from schools order by id').raw(true).all());
    await ta('contacts selectAll', () => db.selectFrom('contacts').selectAll().where('role', '=', 'Headteacher').orderBy('id').execute());
    await ta('memberships selectAll', () => db.selectFrom('memberships').selectAll().where('year_id', '=', 2).orderBy('id').execute());
    await ta('memberships facts raw', () => sqlite.prepare('select id, school_id, hub_id, pupils, status, fee_paid_on from memberships where year_id = 2 order by id').raw(true).all());
    await ta('previous', () => db.selectFrom('memberships').innerJoin('membership_years', 'membership_years.id', 'memberships.year_id').where('membership_years.label', '=', '2025/26').select('memberships.school_id').execute());
  }
  await copy.close();
})();
