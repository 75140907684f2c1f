/** Membership years: labelled 2024/25, 1 September to 31 August by default. */

export interface MembershipYearDates {
  label: string;
  startDate: string;
  endDate: string;
  draftPlanDeadline: string;
  finalPlanDeadline: string;
}

const LABEL = /^(\d{4})\/(\d{2})$/;

export function firstCalendarYear(label: string): number {
  const m = LABEL.exec(label);
  if (!m) throw new Error(`"${label}" is not a membership year like 2025/26`);
  const first = Number(m[1]);
  if ((first + 1) % 100 !== Number(m[2])) throw new Error(`"${label}" does not name two consecutive years`);
  return first;
}

/** The default dates of a membership year: 1 Sep to 31 Aug, draft plan 31 Oct, final plan 14 Nov. */
export function defaultYearDates(label: string): MembershipYearDates {
  const y = firstCalendarYear(label);
  return {
    label,
    startDate: `${y}-09-01`,
    endDate: `${y + 1}-08-31`,
    draftPlanDeadline: `${y}-10-31`,
    finalPlanDeadline: `${y}-11-14`,
  };
}

export function yearLabelFor(firstYear: number): string {
  return `${firstYear}/${String((firstYear + 1) % 100).padStart(2, '0')}`;
}

export function previousYearLabel(label: string): string {
  return yearLabelFor(firstCalendarYear(label) - 1);
}

/** The year (from those given) whose dates contain the day, else the latest that has started, else the first. */
export function currentYear<T extends { startDate: string; endDate: string }>(years: T[], today: string): T | null {
  const containing = years.find((y) => y.startDate <= today && today <= y.endDate);
  if (containing) return containing;
  const started = years.filter((y) => y.startDate <= today).sort((a, b) => b.startDate.localeCompare(a.startDate));
  return started[0] ?? [...years].sort((a, b) => a.startDate.localeCompare(b.startDate))[0] ?? null;
}

/** The label of the default-dated year (1 September to 31 August) that a day (YYYY-MM-DD) falls in. */
export function yearLabelOn(day: string): string {
  const calendarYear = Number(day.slice(0, 4));
  return yearLabelFor(day.slice(5) >= '09-01' ? calendarYear : calendarYear - 1);
}

/**
 * The years a membership roll can be imported into: every year held, the year today falls in (an
 * empty database has none yet) and the year after the latest, newest first.
 */
export function rollImportYears(held: readonly string[], today: string): string[] {
  const labels = new Set([...held, yearLabelOn(today)]);
  labels.add(yearLabelFor(Math.max(...[...labels].map(firstCalendarYear)) + 1));
  return [...labels].sort((a, b) => firstCalendarYear(b) - firstCalendarYear(a));
}
