/**
 * Vulnerable schools: two flags, each listing the inspections that raised it, read on every graded
 * inspection of the three frameworks (ofsted-reading.ts: Good or better / RI-equivalent /
 * Inadequate-equivalent).
 *
 * - **TSI-eligible** (DfE Trust and School Improvement offer): two or more consecutive RI-equivalent
 *   inspections with the latest in the current academic year, or a single Inadequate-equivalent
 *   inspection in the current academic year.
 * - **Stuck** (DfE's successor programme): the latest graded inspection is RI-equivalent or worse and
 *   the one before it was below Good — at any date.
 *
 * Rules of reading (VULNERABLE_RULE holds the numbers):
 * - Inspections without a reading (ungraded visits; a grade cell that is blank, 9, "Not applicable"
 *   or "Not judged") neither break nor extend a run, and are never "the latest graded" one.
 * - A Good-or-better or Inadequate-equivalent inspection breaks a run of RI-equivalent ones.
 * - "Received ... in the academic year" is read literally: any consecutive pair of RI-equivalent
 *   inspections whose later one falls in the year raises the flag (the whole run up to it is
 *   reported), and so does any Inadequate-equivalent inspection in the year, even if a later one in
 *   the same year is better. An inspection's date is its start date.
 * - Academic year = 1 September to 31 August; "current" is the one containing the `today` argument.
 */
import { assertIsoDate, sortInspections, type OfstedInspection } from './ofsted';
import { belowGood, readInspection, type InspectionReading } from './ofsted-reading';

export const VULNERABLE_RULE = Object.freeze({
  /** How many consecutive RI-equivalent inspections make a school TSI-eligible. */
  consecutiveRequiresImprovement: 2,
});

export interface AcademicYear {
  start: string;
  end: string;
}

/** The academic year (1 September – 31 August) containing the date. */
export function academicYearOf(date: string): AcademicYear {
  assertIsoDate(date, 'date');
  const y = Number(date.slice(0, 4));
  const first = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  return { start: `${pad4(first)}-09-01`, end: `${pad4(first + 1)}-08-31` };
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/** One flag: raised or not, one sentence per trigger, and the inspections that raised it (oldest first, each once). */
export interface VulnerableFlagPart<T extends OfstedInspection = OfstedInspection> {
  flagged: boolean;
  reasons: string[];
  triggeredBy: T[];
}

export interface VulnerableResult<T extends OfstedInspection = OfstedInspection> {
  /** TSI-eligible or stuck. */
  vulnerable: boolean;
  /** Both flags' sentences, TSI first. */
  reasons: string[];
  /** Every inspection that raised either flag, oldest first, each once. */
  triggeredBy: T[];
  tsi: VulnerableFlagPart<T>;
  stuck: VulnerableFlagPart<T>;
  academicYear: AcademicYear;
}

interface Read<T> {
  inspection: T;
  reading: InspectionReading;
}

/** The graded inspections with their readings, oldest first. */
function readings<T extends OfstedInspection>(inspections: readonly T[]): Read<T>[] {
  const out: Read<T>[] = [];
  for (const inspection of sortInspections(inspections)) {
    const reading = readInspection(inspection);
    if (reading) out.push({ inspection, reading });
  }
  return out;
}

function part<T extends OfstedInspection>(reasons: string[], triggered: Iterable<T>): VulnerableFlagPart<T> {
  const triggeredBy = sortInspections([...new Set(triggered)]);
  return { flagged: triggeredBy.length > 0, reasons, triggeredBy };
}

function tsiFlag<T extends OfstedInspection>(read: readonly Read<T>[], year: AcademicYear): VulnerableFlagPart<T> {
  const inYear = (d: string): boolean => year.start <= d && d <= year.end;
  const label = `${year.start.slice(0, 4)}/${year.end.slice(2, 4)}`;
  const reasons: string[] = [];
  const triggered = new Set<T>();

  for (const { inspection, reading } of read) {
    if (reading.reading !== 'Inadequate-equivalent' || !inYear(inspection.startDate)) continue;
    reasons.push(`Inadequate-equivalent at the inspection of ${inspection.startDate} (${reading.basis}), in ${label}`);
    triggered.add(inspection);
  }

  // Consecutive RI-equivalent, the later one in the year: each run reported once, up to its last in-year member.
  let run: T[] = [];
  let reported: T[] | null = null;
  const flushRun = (): void => {
    if (reported) {
      reasons.push(`${reported.length} consecutive RI-equivalent inspections (${reported.map((i) => i.startDate).join(', ')}), the latest in ${label}`);
      for (const i of reported) triggered.add(i);
    }
    run = [];
    reported = null;
  };
  for (const { inspection, reading } of read) {
    if (reading.reading !== 'RI-equivalent') {
      flushRun();
      continue;
    }
    run.push(inspection);
    if (run.length >= VULNERABLE_RULE.consecutiveRequiresImprovement && inYear(inspection.startDate)) reported = [...run];
  }
  flushRun();
  return part(reasons, triggered);
}

function stuckFlag<T extends OfstedInspection>(read: readonly Read<T>[]): VulnerableFlagPart<T> {
  const latest = read[read.length - 1];
  const previous = read[read.length - 2];
  if (!latest || !previous || !belowGood(latest.reading) || !belowGood(previous.reading)) return part<T>([], []);
  return part(
    [
      `Stuck: ${latest.reading.reading} at the latest graded inspection (${latest.inspection.startDate}: ${latest.reading.basis}) ` +
        `and below Good at the one before (${previous.inspection.startDate}: ${previous.reading.basis})`,
    ],
    [previous.inspection, latest.inspection],
  );
}

/** The vulnerable flags of a school for the academic year containing `today`. */
export function vulnerableFlag<T extends OfstedInspection>(inspections: readonly T[], today: string): VulnerableResult<T> {
  return vulnerableFlagForYear(inspections, academicYearOf(today).start);
}

/** The vulnerable flags of a school for the academic year starting `academicYearStart` (a 1 September). */
export function vulnerableFlagForYear<T extends OfstedInspection>(inspections: readonly T[], academicYearStart: string): VulnerableResult<T> {
  assertIsoDate(academicYearStart, 'academicYearStart');
  if (academicYearStart.slice(5) !== '09-01') throw new Error(`academicYearStart must be a 1 September (got "${academicYearStart}")`);
  const year = academicYearOf(academicYearStart);
  const read = readings(inspections);
  const tsi = tsiFlag(read, year);
  const stuck = stuckFlag(read);
  const triggeredBy = sortInspections([...new Set([...tsi.triggeredBy, ...stuck.triggeredBy])]);
  return { vulnerable: tsi.flagged || stuck.flagged, reasons: [...tsi.reasons, ...stuck.reasons], triggeredBy, tsi, stuck, academicYear: year };
}
