import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { CoreContext } from '../../context';
import { ROLL_FIELDS, type RollMapping } from '@shared/contract/roll-import';
import type { DateOrder } from '../files/dates';
import { headerSignature } from './fields';

const KIND = 'roll';

/** A remembered mapping: the columns, and the day/month order a person chose for the file's dates (if asked). */
export interface RememberedMapping {
  mapping: RollMapping;
  dateOrder: DateOrder | null;
}

/** Remembered roll mappings by header signature. */
export async function rememberedMappings(db: Kysely<Database> | Transaction<Database>): Promise<Map<string, RememberedMapping>> {
  const rows = await db.selectFrom('column_mappings').select(['signature', 'mapping_json']).where('kind', '=', KIND).execute();
  const out = new Map<string, RememberedMapping>();
  for (const r of rows) {
    try {
      const parsed = JSON.parse(r.mapping_json) as Record<string, unknown>;
      const mapping: RollMapping = {};
      for (const f of ROLL_FIELDS) if (typeof parsed[f] === 'number') mapping[f] = parsed[f] as number;
      const dateOrder = parsed.dateOrder === 'dmy' || parsed.dateOrder === 'mdy' ? parsed.dateOrder : null;
      out.set(r.signature, { mapping, dateOrder });
    } catch {
      // A damaged remembered mapping is ignored; the person maps again.
    }
  }
  return out;
}

export async function rememberMapping(
  db: Kysely<Database> | Transaction<Database>,
  ctx: CoreContext,
  headers: readonly string[],
  mapping: RollMapping,
  dateOrder: DateOrder | null = null,
): Promise<void> {
  const values = {
    kind: KIND,
    signature: headerSignature(headers),
    headers_json: JSON.stringify(headers),
    mapping_json: JSON.stringify(dateOrder ? { ...mapping, dateOrder } : mapping),
    updated_by: ctx.user,
    updated_at: ctx.now().toISOString(),
  };
  await db
    .insertInto('column_mappings')
    .values(values)
    .onConflict((oc) => oc.columns(['kind', 'signature']).doUpdateSet({ headers_json: values.headers_json, mapping_json: values.mapping_json, updated_by: values.updated_by, updated_at: values.updated_at }))
    .execute();
}
