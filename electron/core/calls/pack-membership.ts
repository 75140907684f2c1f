import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PackMembershipChange } from '@shared/contract/calls';
import { classifyMembershipChange, dayAfter, type MembershipSnapshot, type PackWindow } from '@shared/domain/calls';

function snapshot(json: string | null): (MembershipSnapshot & { year_id: number | null }) | null {
  if (json === null) return null;
  try {
    const row = JSON.parse(json) as Record<string, unknown>;
    if (typeof row.hub_id !== 'number' || typeof row.school_id !== 'number') return null;
    return {
      hub_id: row.hub_id,
      school_id: row.school_id,
      year_id: typeof row.year_id === 'number' ? row.year_id : null,
      pupils: typeof row.pupils === 'number' ? row.pupils : undefined,
      status: typeof row.status === 'string' ? row.status : undefined,
      fee_paid_on: typeof row.fee_paid_on === 'string' ? row.fee_paid_on : null,
    };
  } catch {
    return null;
  }
}

/**
 * Changes to the hub's memberships of a year that imports (not undone) made inside the window:
 * joiners, leavers, moves, pupil numbers, membership status and fees paid, each dated by its import.
 * An import is an instant: one made after the last call, on its day or later, is since the call.
 */
export async function membershipChanges(db: Kysely<Database>, hubId: number, yearId: number, window: PackWindow): Promise<PackMembershipChange[]> {
  if (window.from > window.until) return [];
  const rows = await db
    .selectFrom('import_changes as c')
    .innerJoin('import_batches as b', 'b.id', 'c.batch_id')
    .where('c.table_name', '=', 'memberships')
    .where('b.undone_at', 'is', null)
    .where('b.created_at', window.lastCallAt === null ? '>=' : '>', window.lastCallAt ?? window.from)
    .where('b.created_at', '<', dayAfter(window.until))
    .select(['c.action', 'c.before_json', 'c.after_json', 'b.created_at', 'b.file_name'])
    .orderBy('b.created_at')
    .orderBy('c.seq')
    .execute();
  const found: { date: string; schoolId: number; change: string; detail: string; otherHubId: number | null; source: string }[] = [];
  for (const r of rows) {
    const before = snapshot(r.before_json);
    const after = snapshot(r.after_json);
    const row = after ?? before;
    if (!row || row.year_id !== yearId) continue;
    const action = r.action === 'insert' || r.action === 'delete' ? r.action : 'update';
    for (const c of classifyMembershipChange({ action, before, after }, hubId)) {
      found.push({ date: r.created_at.slice(0, 10), schoolId: row.school_id, change: c.change, detail: c.detail, otherHubId: c.otherHubId, source: r.file_name });
    }
  }
  if (found.length === 0) return [];
  const schools = await db.selectFrom('schools').where('id', 'in', [...new Set(found.map((f) => f.schoolId))]).select(['id', 'name', 'urn']).execute();
  const otherIds = [...new Set(found.map((f) => f.otherHubId).filter((h): h is number => h !== null))];
  const hubs = otherIds.length === 0 ? [] : await db.selectFrom('hubs').where('id', 'in', otherIds).select(['id', 'name']).execute();
  const school = new Map(schools.map((s) => [s.id, s]));
  const hubName = new Map(hubs.map((h) => [h.id, h.name]));
  return found.map((f) => ({
    date: f.date,
    schoolId: f.schoolId,
    school: school.get(f.schoolId)?.name ?? `School ${f.schoolId}`,
    urn: school.get(f.schoolId)?.urn ?? '',
    change: f.change,
    detail:
      f.otherHubId === null
        ? f.detail
        : f.change === 'moved in'
          ? `moved in from ${hubName.get(f.otherHubId) ?? `hub ${f.otherHubId}`}`
          : `moved to ${hubName.get(f.otherHubId) ?? `hub ${f.otherHubId}`}`,
    source: f.source,
  }));
}
