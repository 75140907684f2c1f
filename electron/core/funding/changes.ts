import type { CoreContext } from '../context';
import type { FundingChangeRow, FundingChanges } from '@shared/contract/funding';
import { fundingChange, type ChangeSchool } from '@shared/domain/funding-change';
import { findYear } from '../db/years';
import { previousYearLabel } from '@shared/domain/years';
import { yearOrNotFound } from './overview';

/** Year-over-year: each hub's funding against the previous year's, split into joiners, leavers and pupil changes. */
export async function fundingChanges(ctx: CoreContext, label: string | undefined): Promise<FundingChanges> {
  const year = await yearOrNotFound(ctx, label);
  const previous = await findYear(ctx.db, previousYearLabel(year.label));
  const yearIds = previous ? [year.id, previous.id] : [year.id];
  const rows = await ctx.db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
    .where('memberships.year_id', 'in', yearIds)
    .select(['memberships.year_id', 'memberships.hub_id', 'hubs.name as hub', 'schools.id as schoolId', 'schools.name', 'memberships.pupils'])
    .execute();

  const hubName = new Map<number, string>();
  const hubOf = { now: new Map<number, string>(), before: new Map<number, string>() };
  const byHub = new Map<number, { now: ChangeSchool[]; before: ChangeSchool[] }>();
  for (const r of rows) {
    hubName.set(r.hub_id, r.hub);
    const when = r.year_id === year.id ? 'now' : 'before';
    hubOf[when].set(r.schoolId, r.hub);
  }
  for (const r of rows) {
    const when = r.year_id === year.id ? 'now' : 'before';
    const other = when === 'now' ? hubOf.before.get(r.schoolId) : hubOf.now.get(r.schoolId);
    const entry = byHub.get(r.hub_id) ?? { now: [], before: [] };
    entry[when].push({ key: String(r.schoolId), name: r.name, pupils: r.pupils, otherHub: other && other !== r.hub ? other : null });
    byHub.set(r.hub_id, entry);
  }

  const hubs: FundingChangeRow[] = [...byHub.entries()]
    .map(([hubId, e]) => {
      const byName = (a: ChangeSchool, b: ChangeSchool) => a.name.localeCompare(b.name);
      return { hubId, hub: hubName.get(hubId) ?? `Hub ${hubId}`, ...fundingChange(e.before.sort(byName), e.now.sort(byName)) };
    })
    .sort((a, b) => a.hub.localeCompare(b.hub));
  return { year: year.label, previousYear: previous?.label ?? null, hubs };
}
