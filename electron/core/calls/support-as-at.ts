import type { Kysely, Selectable } from 'kysely';
import type { Database, SupportRequestsTable } from '../db/schema';
import type { HubSupportRow } from '../dashboards/support';
import { rowRef } from '../changes/change-set';

type StoredRequest = Selectable<SupportRequestsTable>;

/**
 * A pack for a term already over shows each support request as it stood on the pack's as-at day,
 * not as it stands today: a request done in January is still "brokered" in the autumn term's pack.
 *
 * Every change to a request is in the audit log with the row before and after (changes/change-set.ts).
 * The row before the first change made after the as-at day is the request as it stood that day; a
 * request with no later change is as it is now. (A request logged later, after the fact, has no
 * earlier state and is shown as first recorded.)
 */
export async function supportRowsAsAt(db: Kysely<Database>, rows: HubSupportRow[], asAt: string): Promise<HubSupportRow[]> {
  if (rows.length === 0) return rows;
  const after = `${asAt}T23:59:59.999Z`;
  // Changes to support requests are few (one audit row per change), so one scan of them, oldest first.
  const changes = await db
    .selectFrom('audit_log')
    .where('entity', '=', 'support_requests')
    .where('at', '>', after)
    .where('before_json', 'is not', null)
    .orderBy('at')
    .orderBy('id')
    .select(['entity_id', 'before_json'])
    .execute();
  const wanted = new Set(rows.map((r) => String(r.id)));
  const then = new Map<number, StoredRequest>();
  for (const c of changes) {
    if (c.entity_id === null || !wanted.has(c.entity_id) || then.has(Number(c.entity_id))) continue;
    const before = (JSON.parse(c.before_json!) as { rows?: Record<string, StoredRequest | null> }).rows?.[rowRef('support_requests', { id: Number(c.entity_id) })];
    if (before) then.set(Number(c.entity_id), before);
  }
  if (then.size === 0) return rows;

  const brokeredIds = [...new Set([...then.values()].map((b) => b.brokered_to_school_id).filter((id): id is number => id !== null))];
  const names = new Map(
    brokeredIds.length === 0 ? [] : (await db.selectFrom('schools').where('id', 'in', brokeredIds).select(['id', 'name']).execute()).map((s) => [s.id, s.name]),
  );
  return rows.map((r) => {
    const b = then.get(r.id);
    if (!b) return r;
    return {
      ...r,
      area: b.area,
      status: b.status as HubSupportRow['status'],
      brokeredToSchoolId: b.brokered_to_school_id,
      brokeredToSchool: b.brokered_to_school_id === null ? null : (names.get(b.brokered_to_school_id) ?? null),
      brokeredTo: b.brokered_to,
      notes: b.notes,
      updatedAt: b.updated_at,
    };
  });
}
