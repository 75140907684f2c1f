/**
 * The QA plan: the tracker's rows checked against the store (member URNs, the year's dates, duplicate
 * reviews, assignments to known reviews, replacements) and compared with what is stored, giving the
 * preview and the writes. Pure over its inputs: nothing is read or written here.
 *
 * Rules (README, "QA tracker import"):
 * - one review per school per year (the store's rule): a second row for a URN is an error;
 * - a review already stored for the school and year is updated to the file's values; a column the
 *   sheet does not have keeps the stored value; a blank cell clears it;
 * - WWWs/EBIs given for a review (cells or the points sheet) replace its stored points when they differ;
 *   a review with none in the file keeps its points;
 * - assignments are matched by review and reviewer name (case and spacing forgiven); stored
 *   assignments the file does not name are kept;
 * - "replaced" is stored as dropped and linked to its replacement: the row whose Replaces column names
 *   the reviewer, else the next row for the same review without a Replaces value.
 */
import type { QaImportIssue, QaImportPreview, QaPreviewAssignment, QaPreviewReview } from '@shared/contract/qa-import';
import { personNameKey } from '@shared/domain/reviewer-commitment';
import type { QaHeadingKey } from '@shared/domain/vocabulary';
import type { ParsedTracker, TrackerAssignment, TrackerPoint, TrackerReview } from './read';
import type { QaStoreFacts, StoredReview } from './store-facts';

export interface ReviewValues {
  school_id: number;
  year_id: number;
  start_date: string;
  end_date: string;
  lead_reviewer: string | null;
  estimate_leadership: string | null;
  estimate_quality: string | null;
  estimate_disadvantaged: string | null;
  aoe_title: string | null;
  aoe_accredited: number;
  report_received_on: string | null;
}

export interface PointValues {
  kind: 'www' | 'ebi';
  heading: QaHeadingKey | null;
  text: string;
  position: number;
}

export interface ReviewOp {
  urn: string;
  existing: StoredReview | null;
  values: ReviewValues;
  changed: boolean;
  /** New points replacing the stored ones, or null to keep them. */
  points: PointValues[] | null;
  pointsRemoved: number;
}

export interface AssignmentOp {
  index: number;
  hostSchoolId: number;
  existingId: number | null;
  values: { home_school_id: number; reviewer_name: string; reviewer_role: string | null; status: string };
  /** The file row (index) or the stored assignment (id) this one replaces. */
  replaces: { index: number } | { id: number } | null;
  changed: boolean;
}

export interface QaPlan {
  preview: Omit<QaImportPreview, 'stagingId' | 'diffHash'>;
  reviews: ReviewOp[];
  assignments: AssignmentOp[];
}

const PREVIEW_CAP = 500;

function pointKey(p: { kind: string; heading: string | null; text: string; position: number }): string {
  return `${p.kind}|${p.heading ?? ''}|${p.position}|${p.text}`;
}

/** Positions run 0, 1, 2… over the review's points, WWWs first (as the demo and the school page read them). */
function numberPoints(points: TrackerPoint[]): PointValues[] {
  return points.map((p, position) => ({ kind: p.kind, heading: p.heading, text: p.text, position }));
}

const REVIEW_FIELDS: [keyof ReviewValues, string][] = [
  ['start_date', 'start'],
  ['end_date', 'end'],
  ['lead_reviewer', 'lead reviewer'],
  ['estimate_leadership', 'leadership'],
  ['estimate_quality', 'quality'],
  ['estimate_disadvantaged', 'disadvantaged'],
  ['aoe_title', 'Area of Excellence'],
  ['aoe_accredited', 'accredited'],
  ['report_received_on', 'report received'],
];

function show(v: unknown): string {
  return v === null || v === undefined || v === '' ? '(blank)' : String(v);
}

function reviewValues(r: TrackerReview, schoolId: number, yearId: number, stored: StoredReview | null): ReviewValues {
  const keep = <T>(fromFile: T | undefined, storedValue: T, fallback: T): T => (fromFile !== undefined ? fromFile : stored ? storedValue : fallback);
  return {
    school_id: schoolId,
    year_id: yearId,
    start_date: r.startDate,
    end_date: r.endDate,
    lead_reviewer: r.leadReviewer,
    estimate_leadership: keep(r.estimates.leadership, stored?.estimate_leadership ?? null, null),
    estimate_quality: keep(r.estimates.quality, stored?.estimate_quality ?? null, null),
    estimate_disadvantaged: keep(r.estimates.disadvantaged, stored?.estimate_disadvantaged ?? null, null),
    aoe_title: keep(r.aoeTitle, stored?.aoe_title ?? null, null),
    aoe_accredited: keep(r.aoeAccredited === undefined ? undefined : r.aoeAccredited ? 1 : 0, stored?.aoe_accredited ?? 0, 0),
    report_received_on: keep(r.reportReceivedOn, stored?.report_received_on ?? null, null),
  };
}

export function buildQaPlan(parsed: ParsedTracker, facts: QaStoreFacts): QaPlan {
  const errors: QaImportIssue[] = [...parsed.issues];
  const sheets = parsed.sheets;
  const { year } = facts;
  const reviewOps: ReviewOp[] = [];
  const previewNew: QaPreviewReview[] = [];
  const previewUpdated: QaPreviewReview[] = [];
  let unchangedReviews = 0;
  let pointsAdded = 0;
  let pointsRemoved = 0;

  // Points from the points sheet join their review in the file.
  const fileReviewByUrn = new Map<string, TrackerReview>();
  const seenRow = new Map<string, number>();
  const accepted: TrackerReview[] = [];
  for (const r of parsed.reviews) {
    const at = (message: string, column = 'URN') => errors.push({ sheet: sheets.reviews, row: r.sheetRow, column, message });
    const first = seenRow.get(r.urn);
    if (first !== undefined) {
      at(`a second review of URN ${r.urn} (first on row ${first}); a school has one review a year`);
      continue;
    }
    seenRow.set(r.urn, r.sheetRow);
    if (!facts.members.has(r.urn)) {
      at(`URN ${r.urn} is not a member school in ${year.label}`);
      continue;
    }
    if (r.startDate < year.start_date || r.startDate > year.end_date) {
      at(`the review starts on ${r.startDate}, outside ${year.label} (${year.start_date} to ${year.end_date})`, 'Review start');
      continue;
    }
    fileReviewByUrn.set(r.urn, r);
    accepted.push(r);
  }
  const extraPoints = new Map<string, TrackerPoint[]>();
  for (const p of parsed.pointRowsParsed) {
    if (!fileReviewByUrn.has(p.urn)) {
      if (!seenRow.has(p.urn)) errors.push({ sheet: sheets.points, row: p.sheetRow, column: 'URN', message: `there is no review of URN ${p.urn} in the ${sheets.reviews ?? 'reviews'} sheet` });
      continue;
    }
    if (!extraPoints.has(p.urn)) extraPoints.set(p.urn, []);
    extraPoints.get(p.urn)!.push({ kind: p.kind, heading: p.heading, text: p.text });
  }

  for (const r of accepted) {
    const school = facts.members.get(r.urn)!;
    const stored = facts.reviews.get(school.id) ?? null;
    const values = reviewValues(r, school.id, year.id, stored);
    const filePoints = [...r.points, ...(extraPoints.get(r.urn) ?? [])];
    const ordered = numberPoints([...filePoints.filter((p) => p.kind === 'www'), ...filePoints.filter((p) => p.kind === 'ebi')]);
    const storedPoints = stored ? (facts.points.get(stored.id) ?? []) : [];
    let points: PointValues[] | null = null;
    if (ordered.length > 0) {
      const same = ordered.length === storedPoints.length && ordered.map(pointKey).join('\n') === storedPoints.map(pointKey).join('\n');
      if (!same) points = ordered;
    }
    const changes = stored
      ? REVIEW_FIELDS.filter(([k]) => (stored[k] ?? null) !== (values[k] ?? null)).map(([k, label]) => `${label}: ${show(stored[k])} → ${show(values[k])}`)
      : [];
    if (stored && points) changes.push(`WWWs/EBIs: ${storedPoints.length} → ${ordered.length}`);
    const changed = !stored || changes.length > 0;
    const removed = points && stored ? storedPoints.length : 0;
    reviewOps.push({ urn: r.urn, existing: stored, values, changed, points, pointsRemoved: removed });
    if (points) {
      pointsAdded += points.length;
      pointsRemoved += removed;
    }
    const view: QaPreviewReview = {
      sheetRow: r.sheetRow,
      urn: r.urn,
      school: school.name,
      startDate: values.start_date,
      endDate: values.end_date,
      leadReviewer: values.lead_reviewer,
      estimates: { leadership: values.estimate_leadership, quality: values.estimate_quality, disadvantaged: values.estimate_disadvantaged },
      aoeTitle: values.aoe_title,
      aoeAccredited: values.aoe_accredited === 1,
      www: (points ?? storedPoints).filter((p) => p.kind === 'www').length,
      ebi: (points ?? storedPoints).filter((p) => p.kind === 'ebi').length,
      changes,
    };
    if (!stored) previewNew.push(view);
    else if (changed) previewUpdated.push(view);
    else unchangedReviews += 1;
  }

  // Assignments.
  const assignmentOps: AssignmentOp[] = [];
  const previewNewA: QaPreviewAssignment[] = [];
  const previewUpdatedA: QaPreviewAssignment[] = [];
  let unchangedAssignments = 0;
  const byHost = new Map<string, { a: TrackerAssignment; index: number }[]>();
  const seenReviewer = new Map<string, number>();
  const valid: { a: TrackerAssignment; index: number; hostId: number; homeId: number; review: { start: string; end: string; storedId: number | null } }[] = [];
  parsed.assignments.forEach((a, index) => {
    const at = (column: string, message: string) => errors.push({ sheet: sheets.assignments, row: a.sheetRow, column, message });
    const home = facts.members.get(a.homeUrn);
    const host = facts.members.get(a.hostUrn);
    if (!home) at('Home school URN', `URN ${a.homeUrn} is not a member school in ${year.label}`);
    if (!host) at('Host school URN', `URN ${a.hostUrn} is not a member school in ${year.label}`);
    if (!home || !host) return;
    const inFile = fileReviewByUrn.get(a.hostUrn);
    const stored = facts.reviews.get(host.id);
    const review = inFile ? { start: inFile.startDate, end: inFile.endDate, storedId: stored?.id ?? null } : stored ? { start: stored.start_date, end: stored.end_date, storedId: stored.id } : null;
    if (!review) {
      if (!seenRow.has(a.hostUrn)) at('Host school URN', `there is no review of URN ${a.hostUrn} in ${year.label}, in this file or in hubdesk`);
      return;
    }
    if (a.reviewDate && (a.reviewDate < review.start || a.reviewDate > review.end)) {
      at('Review date', `${a.reviewDate} is not a day of the review of URN ${a.hostUrn} (${review.start} to ${review.end})`);
      return;
    }
    const key = `${a.hostUrn}|${personNameKey(a.reviewerName)}`;
    const first = seenReviewer.get(key);
    if (first !== undefined) {
      at('Reviewer', `${a.reviewerName} is already assigned to the review of URN ${a.hostUrn} on row ${first}`);
      return;
    }
    seenReviewer.set(key, a.sheetRow);
    if (!byHost.has(a.hostUrn)) byHost.set(a.hostUrn, []);
    byHost.get(a.hostUrn)!.push({ a, index });
    valid.push({ a, index, hostId: host.id, homeId: home.id, review });
  });

  // Replacements: explicit Replaces first, then each 'replaced' row takes the next free row of its review.
  const replacesOf = new Map<number, { index: number } | { id: number }>();
  const replacedBy = new Map<number, number>();
  for (const v of valid) {
    if (!v.a.replaces) continue;
    const target = personNameKey(v.a.replaces);
    const inFile = (byHost.get(v.a.hostUrn) ?? []).find((o) => o.index !== v.index && personNameKey(o.a.reviewerName) === target);
    const at = (message: string) => errors.push({ sheet: sheets.assignments, row: v.a.sheetRow, column: 'Replaces', message });
    if (inFile) {
      if (inFile.a.status !== 'replaced' && inFile.a.status !== 'dropped') {
        at(`${inFile.a.reviewerName} (row ${inFile.a.sheetRow}) is ${inFile.a.status}, not dropped or replaced, so cannot be replaced`);
        continue;
      }
      if (replacedBy.has(inFile.index)) {
        at(`${inFile.a.reviewerName} is already replaced on row ${parsed.assignments[replacedBy.get(inFile.index)!]!.sheetRow}`);
        continue;
      }
      replacesOf.set(v.index, { index: inFile.index });
      replacedBy.set(inFile.index, v.index);
      continue;
    }
    const storedMatch = v.review.storedId !== null ? (facts.assignments.get(v.review.storedId) ?? []).find((s) => personNameKey(s.reviewer_name) === target && s.status === 'dropped') : undefined;
    if (storedMatch) replacesOf.set(v.index, { id: storedMatch.id });
    else at(`"${v.a.replaces}" is not a dropped or replaced reviewer of the review of URN ${v.a.hostUrn}`);
  }
  for (const v of valid) {
    if (v.a.status !== 'replaced' || replacedBy.has(v.index)) continue;
    const next = (byHost.get(v.a.hostUrn) ?? []).find((o) => o.index > v.index && !o.a.replaces && !replacesOf.has(o.index) && o.a.status !== 'replaced');
    if (!next) {
      errors.push({
        sheet: sheets.assignments,
        row: v.a.sheetRow,
        column: 'Status',
        message: `${v.a.reviewerName} is marked replaced but no later row for the review of URN ${v.a.hostUrn} replaces them (add the replacement's row, with Replaces = ${v.a.reviewerName})`,
      });
      continue;
    }
    replacesOf.set(next.index, { index: v.index });
    replacedBy.set(v.index, next.index);
  }

  const storedIdOfIndex = new Map<number, number>();
  const matched = valid.map((v) => {
    const storedList = v.review.storedId !== null ? (facts.assignments.get(v.review.storedId) ?? []) : [];
    const existing = storedList.find((s) => personNameKey(s.reviewer_name) === personNameKey(v.a.reviewerName)) ?? null;
    if (existing) storedIdOfIndex.set(v.index, existing.id);
    return { v, existing };
  });
  for (const { v, existing } of matched) {
    const values = { home_school_id: v.homeId, reviewer_name: v.a.reviewerName, reviewer_role: v.a.role, status: v.a.status === 'replaced' ? 'dropped' : v.a.status };
    const replaces = replacesOf.get(v.index) ?? null;
    const replacesId = replaces === null ? null : 'id' in replaces ? replaces.id : (storedIdOfIndex.get(replaces.index) ?? -1);
    const changes: string[] = [];
    if (existing) {
      if (existing.home_school_id !== values.home_school_id) changes.push('home school');
      if ((existing.reviewer_role ?? null) !== values.reviewer_role) changes.push(`role: ${show(existing.reviewer_role)} → ${show(values.reviewer_role)}`);
      if (existing.status !== values.status) changes.push(`status: ${existing.status} → ${values.status}`);
      if (existing.reviewer_name !== values.reviewer_name) changes.push(`name: ${existing.reviewer_name} → ${values.reviewer_name}`);
      if ((existing.replaces_assignment_id ?? null) !== replacesId) changes.push('replacement link');
    }
    const changed = !existing || changes.length > 0;
    assignmentOps.push({ index: v.index, hostSchoolId: v.hostId, existingId: existing?.id ?? null, values, replaces, changed });
    const homeName = [...facts.members.values()].find((m) => m.id === v.homeId)?.name ?? v.a.homeUrn;
    const view: QaPreviewAssignment = {
      sheetRow: v.a.sheetRow,
      reviewerName: v.a.reviewerName,
      role: v.a.role,
      homeUrn: v.a.homeUrn,
      homeSchool: homeName,
      hostUrn: v.a.hostUrn,
      hostSchool: facts.members.get(v.a.hostUrn)!.name,
      reviewDate: v.a.reviewDate ?? v.review.start,
      status: values.status,
      replaces: replaces === null ? null : 'index' in replaces ? parsed.assignments[replaces.index]!.reviewerName : (v.a.replaces ?? null),
      changes,
    };
    if (!existing) previewNewA.push(view);
    else if (changed) previewUpdatedA.push(view);
    else unchangedAssignments += 1;
  }

  const errorCount = errors.length;
  const anyChange = reviewOps.some((o) => o.changed || o.points) || assignmentOps.some((o) => o.changed);
  const preview: Omit<QaImportPreview, 'stagingId' | 'diffHash'> = {
    fileName: parsed.fileName,
    sha256: parsed.sha256,
    year: year.label,
    sheets,
    reviewRows: parsed.reviewRows,
    assignmentRows: parsed.assignmentRows,
    pointRows: parsed.pointRows,
    newReviews: previewNew.slice(0, PREVIEW_CAP),
    updatedReviews: previewUpdated.slice(0, PREVIEW_CAP),
    unchangedReviews,
    newAssignments: previewNewA.slice(0, PREVIEW_CAP),
    updatedAssignments: previewUpdatedA.slice(0, PREVIEW_CAP),
    unchangedAssignments,
    pointsAdded,
    pointsRemoved,
    errors: errors.slice(0, 200),
    errorCount,
    noChanges: errorCount === 0 && !anyChange,
    canCommit: errorCount === 0,
  };
  return { preview, reviews: reviewOps, assignments: assignmentOps };
}

export function issueText(i: QaImportIssue): string {
  const where = [i.sheet ? `sheet "${i.sheet}"` : null, i.row !== null ? `row ${i.row}` : null, i.column].filter(Boolean).join(', ');
  return where ? `${where}: ${i.message}` : i.message;
}
