import type { ExpressionBuilder } from 'kysely';
import type { Database } from './schema';

/**
 * The hubs that exist in a year: not merged, or merged into another hub only from a later year (a
 * merged hub keeps its history in the years before its merge). `startDate` is the year's first day.
 */
export function hubInYear(startDate: string) {
  return (eb: ExpressionBuilder<Database, 'hubs'>) =>
    eb.or([
      eb('hubs.merged_into_hub_id', 'is', null),
      eb('hubs.merged_from_year_id', 'in', eb.selectFrom('membership_years').where('membership_years.start_date', '>', startDate).select('membership_years.id')),
    ]);
}
