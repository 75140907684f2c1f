/**
 * Cell values of a QA tracker: estimates (the review's vocabulary — Leading, Embedding, Developing and the rest — case and spacing forgiven,
 * anything else refused), yes/no, reviewer statuses, and WWW/EBI cells split into points.
 */
import { QA_ESTIMATES, QA_HEADINGS, type QaEstimate, type QaHeadingKey } from '@shared/domain/vocabulary';
import type { ReviewerStatus } from '@shared/domain/vocabulary';

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const bad = (message: string): Result<never> => ({ ok: false, message });

/** Lower case, hyphens/underscores as spaces, runs of spaces as one: "WORKING-towards  effective" → "working towards effective". */
export function squash(text: string): string {
  return text
    .replace(/[\u00a0\s_\-–]+/g, ' ')
    .trim()
    .toLowerCase();
}

const ESTIMATE_BY_KEY = new Map<string, QaEstimate>(QA_ESTIMATES.map((e) => [squash(e), e]));

/** An estimate, or null for a blank cell (a review not yet held has none). */
export function parseEstimate(text: string | null): Result<QaEstimate | null> {
  if (text === null || text.trim() === '') return ok(null);
  const found = ESTIMATE_BY_KEY.get(squash(text));
  return found ? ok(found) : bad(`"${text.trim()}" is not an estimate (use ${QA_ESTIMATES.slice(0, -1).join(', ')} or ${QA_ESTIMATES[QA_ESTIMATES.length - 1]})`);
}

const YES = new Set(['yes', 'y', 'true', '1', 'accredited']);
const NO = new Set(['no', 'n', 'false', '0', 'not accredited']);

/** Yes/no; a blank cell is no. */
export function parseYesNo(value: string | number | boolean | null): Result<boolean> {
  if (value === null) return ok(false);
  if (typeof value === 'boolean') return ok(value);
  const key = squash(String(value));
  if (key === '') return ok(false);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return bad(`"${String(value).trim()}" is not yes or no`);
}

/** 'replaced' = dropped out and replaced by another row for the same review. */
export type TrackerStatus = ReviewerStatus | 'replaced';
const STATUSES: Record<string, TrackerStatus> = {
  attended: 'attended',
  booked: 'booked',
  dropped: 'dropped',
  'dropped out': 'dropped',
  replaced: 'replaced',
};

export function parseStatus(text: string | null): Result<TrackerStatus> {
  if (text === null || text.trim() === '') return bad('the status is missing (attended, booked, dropped or replaced)');
  const found = STATUSES[squash(text)];
  return found ? ok(found) : bad(`"${text.trim()}" is not a status (use attended, booked, dropped or replaced)`);
}

/** Heading prefixes accepted before a WWW/EBI ("Leadership: …"), by squashed text. */
const HEADING_PREFIXES: [string, QaHeadingKey][] = [
  ...QA_HEADINGS.map((h): [string, QaHeadingKey] => [squash(h.label), h.key]),
  ['leadership', 'leadership'],
  ['quality', 'quality'],
  ['quality of provision', 'quality'],
  ['disadvantaged', 'disadvantaged'],
  ['disadvantaged and send', 'disadvantaged'],
  ['send', 'disadvantaged'],
];
const HEADING_BY_PREFIX = new Map(HEADING_PREFIXES);

/** A heading named on its own (the points sheet's Heading column); blank is null. */
export function parseHeading(text: string | null): Result<QaHeadingKey | null> {
  if (text === null || text.trim() === '') return ok(null);
  const found = HEADING_BY_PREFIX.get(squash(text.replace(/:$/, '')));
  return found ? ok(found) : bad(`"${text.trim()}" is not a heading (use Leadership, Quality or Disadvantaged)`);
}

export interface PointText {
  heading: QaHeadingKey | null;
  text: string;
}

/**
 * One point per line of a multi-line cell. A leading bullet ("•", "-", "*", "1.", "a)") is dropped;
 * a known heading before a colon ("Leadership: …") becomes the point's heading. A line whose prefix
 * is not a heading keeps its colon and text as written.
 */
export function splitPoints(cell: string | null): PointText[] {
  if (cell === null) return [];
  const out: PointText[] = [];
  for (const raw of cell.split(/\r\n|\r|\n/)) {
    let line = raw.replace(/^[\u00a0\s]*(?:[•▪◦·*–-]|\d{1,2}[.)]|[a-z][)])[\u00a0\s]+/i, '').trim();
    if (line === '') continue;
    let heading: QaHeadingKey | null = null;
    const colon = line.indexOf(':');
    if (colon > 0) {
      const key = HEADING_BY_PREFIX.get(squash(line.slice(0, colon)));
      if (key) {
        heading = key;
        line = line.slice(colon + 1).trim();
      }
    }
    if (line !== '') out.push({ heading, text: line.replace(/\s+/g, ' ') });
  }
  return out;
}
