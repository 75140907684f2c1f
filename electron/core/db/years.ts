import type { Insertable, Kysely } from 'kysely';
import type { Database, MembershipYearsTable } from './schema';
import type { YearView } from '@shared/contract';
import { currentYear, defaultYearDates } from '@shared/domain/years';
import { HubdeskError } from '../errors';

function toView(row: { id: number; label: string; start_date: string; end_date: string; draft_plan_deadline: string; final_plan_deadline: string }): YearView {
  return {
    id: row.id,
    label: row.label,
    startDate: row.start_date,
    endDate: row.end_date,
    draftPlanDeadline: row.draft_plan_deadline,
    finalPlanDeadline: row.final_plan_deadline,
  };
}

export async function listYears(db: Kysely<Database>): Promise<YearView[]> {
  const rows = await db.selectFrom('membership_years').selectAll().orderBy('start_date', 'desc').execute();
  return rows.map(toView);
}

export async function findYear(db: Kysely<Database>, label: string): Promise<YearView | null> {
  const row = await db.selectFrom('membership_years').selectAll().where('label', '=', label).executeTakeFirst();
  return row ? toView(row) : null;
}

export async function requireYear(db: Kysely<Database>, label: string): Promise<YearView> {
  const year = await findYear(db, label);
  if (!year) throw new HubdeskError('not_found', `There is no membership year ${label}.`);
  return year;
}

/** The year named, or the current one (by today's date) when none is named. */
export async function resolveYear(db: Kysely<Database>, label: string | undefined, today: string): Promise<YearView | null> {
  if (label) return requireYear(db, label);
  return currentYear(await listYears(db), today);
}

/** A new membership year's row: 1 September to 31 August, with the action plan deadlines of that year. */
export function newYearRow(label: string): Insertable<MembershipYearsTable> {
  const dates = defaultYearDates(label);
  return {
    label,
    start_date: dates.startDate,
    end_date: dates.endDate,
    draft_plan_deadline: dates.draftPlanDeadline,
    final_plan_deadline: dates.finalPlanDeadline,
  };
}
