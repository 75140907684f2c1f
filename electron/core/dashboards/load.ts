import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadInspections, type StoredInspection } from './inspections';
import { IN_LIST_CHUNK, inChunks } from '../db/in-chunks';
import { membershipHistory, type MembershipHistory } from '@shared/domain/membership-history';
import { previousYearLabel } from '@shared/domain/years';

/**
 * The raw rows behind a dashboard, for one hub, one school or a group of hubs, for one membership
 * year. A fixed number of queries whatever the number of schools (each reads a set of schools at
 * once; a list longer than 5,000 is sent in chunks, db/in-chunks.ts, as SQLite refuses more than
 * 32,766 parameters); nothing is computed here: the rules run on these rows in shape.ts.
 */

export interface MemberRow {
  schoolId: number;
  hubId: number;
  urn: string;
  name: string;
  phase: string | null;
  localAuthority: string | null;
  pupils: number;
  status: string;
  feePaidOn: string | null;
  headteacher: string | null;
  headteacherSince: string | null;
  email: string | null;
  phone: string | null;
  batchId: number | null;
}

export interface ReviewRow {
  id: number;
  schoolId: number;
  yearId: number;
  yearLabel: string;
  startDate: string;
  endDate: string;
  leadReviewer: string | null;
  leadership: string | null;
  quality: string | null;
  disadvantaged: string | null;
  aoeTitle: string | null;
  aoeAccredited: boolean;
  reportReceivedOn: string | null;
  batchId: number | null;
  /** When the review's row was last changed (ISO instant). */
  updatedAt: string;
  www: number;
  ebi: number;
}

export interface AssignmentRow {
  id: number;
  reviewId: number;
  homeSchoolId: number;
  homeSchool: string;
  hostSchoolId: number;
  hostSchool: string;
  reviewerName: string;
  reviewerRole: string | null;
  status: string;
  replacesAssignmentId: number | null;
  reviewStart: string;
  yearId: number;
  batchId: number | null;
}

export interface TrainingRow {
  schoolId: number;
  personName: string;
  role: string | null;
  trainedOn: string;
  batchId: number | null;
}

export interface YearRows {
  members: MemberRow[];
  inspections: Map<string, StoredInspection[]>;
  /** Every review of the member schools, all years. */
  reviews: ReviewRow[];
  /** Reviewers the member schools sent (or are sending) to reviews of this year, and their replacements. */
  outgoing: AssignmentRow[];
  /** Replacements of the outgoing dropped reviewers (whichever school sent them). */
  replacements: AssignmentRow[];
  trainings: TrainingRow[];
  /** Each member's membership history (new, returning, continuing), when loaded with the trainings. */
  histories: Map<number, MembershipHistory>;
}

function assignmentsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('reviewer_assignments as a')
    .innerJoin('qa_reviews as r', 'r.id', 'a.review_id')
    .innerJoin('schools as host', 'host.id', 'r.school_id')
    .innerJoin('schools as home', 'home.id', 'a.home_school_id')
    .select([
      'a.id', 'a.review_id as reviewId', 'a.home_school_id as homeSchoolId', 'home.name as homeSchool', 'r.school_id as hostSchoolId',
      'host.name as hostSchool', 'a.reviewer_name as reviewerName', 'a.reviewer_role as reviewerRole', 'a.status',
      'a.replaces_assignment_id as replacesAssignmentId', 'r.start_date as reviewStart', 'r.year_id as yearId', 'a.import_batch_id as batchId',
    ]);
}

const byStartThenId = (a: AssignmentRow, b: AssignmentRow) => (a.reviewStart < b.reviewStart ? -1 : a.reviewStart > b.reviewStart ? 1 : a.id - b.id);

/**
 * Reviewer assignments by one list of ids (assignments, home schools, reviews or replaced assignments),
 * optionally of one year's reviews; the list is sent in chunks (in-chunks.ts). By review start, then id.
 */
export async function loadAssignmentsOf(
  db: Kysely<Database>,
  where: { ids?: number[]; homeSchoolIds?: number[]; reviewIds?: number[]; replacing?: number[]; yearId?: number },
): Promise<AssignmentRow[]> {
  const lists = (['ids', 'homeSchoolIds', 'reviewIds', 'replacing'] as const).filter((k) => where[k] !== undefined);
  if (lists.length > 1) throw new Error(`loadAssignmentsOf takes one list of ids, got ${lists.join(' and ')}`);
  const key = lists[0];
  const column = { ids: 'a.id', homeSchoolIds: 'a.home_school_id', reviewIds: 'a.review_id', replacing: 'a.replaces_assignment_id' } as const;
  const query = (chunk: number[] | null) => {
    let q = assignmentsQuery(db);
    if (key && chunk) q = q.where(column[key], 'in', chunk);
    if (where.yearId !== undefined) q = q.where('r.year_id', '=', where.yearId);
    return q.orderBy('r.start_date').orderBy('a.id').execute();
  };
  if (!key) return query(null);
  const values = where[key]!;
  if (values.length <= IN_LIST_CHUNK) return values.length === 0 ? [] : query(values);
  return (await inChunks(values, query)).sort(byStartThenId);
}

export async function loadReviews(db: Kysely<Database>, schoolIds: number[]): Promise<ReviewRow[]> {
  if (schoolIds.length === 0) return [];
  // The reviews and their point counts are read together (on PostgreSQL, in parallel).
  const [rows, counts] = await Promise.all([
    inChunks(schoolIds, (ids) =>
      db
        .selectFrom('qa_reviews as r')
        .innerJoin('membership_years as y', 'y.id', 'r.year_id')
        .where('r.school_id', 'in', ids)
        .select([
          'r.id', 'r.school_id', 'r.year_id', 'y.label', 'r.start_date', 'r.end_date', 'r.lead_reviewer', 'r.estimate_leadership',
          'r.estimate_quality', 'r.estimate_disadvantaged', 'r.aoe_title', 'r.aoe_accredited', 'r.report_received_on', 'r.import_batch_id', 'r.updated_at',
        ])
        .orderBy('r.start_date')
        .execute(),
    ),
    inChunks(schoolIds, (ids) =>
      db
        .selectFrom('qa_review_points as p')
        .innerJoin('qa_reviews as r', 'r.id', 'p.review_id')
        .where('r.school_id', 'in', ids)
        .groupBy(['p.review_id', 'p.kind'])
        .select((eb) => ['p.review_id', 'p.kind', eb.fn.countAll<number>().as('n')])
        .execute(),
    ),
  ]);
  if (schoolIds.length > IN_LIST_CHUNK) rows.sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : 0));
  const count = new Map(counts.map((c) => [`${c.review_id}:${c.kind}`, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    schoolId: r.school_id,
    yearId: r.year_id,
    yearLabel: r.label,
    startDate: r.start_date,
    endDate: r.end_date,
    leadReviewer: r.lead_reviewer,
    leadership: r.estimate_leadership,
    quality: r.estimate_quality,
    disadvantaged: r.estimate_disadvantaged,
    aoeTitle: r.aoe_title,
    aoeAccredited: r.aoe_accredited === 1,
    reportReceivedOn: r.report_received_on,
    batchId: r.import_batch_id,
    updatedAt: r.updated_at,
    www: count.get(`${r.id}:www`) ?? 0,
    ebi: count.get(`${r.id}:ebi`) ?? 0,
  }));
}

/**
 * Training records of the schools, and any record under the name of one of the people given (their
 * headteachers, their reviewers: trained at any school). Oldest first. Each list is sent in chunks when it is long.
 */
export async function loadTrainings(db: Kysely<Database>, schoolIds: number[], people: string[]): Promise<TrainingRow[]> {
  const names = [...new Set(people.map((h) => h.trim()).filter((h) => h !== ''))];
  if (schoolIds.length === 0 && names.length === 0) return [];
  const base = () => db.selectFrom('reviewer_trainings').select(['id', 'school_id', 'person_name', 'role', 'trained_on', 'import_batch_id']);
  let rows: Awaited<ReturnType<ReturnType<typeof base>['execute']>>;
  if (schoolIds.length + names.length <= IN_LIST_CHUNK) {
    rows = await base()
      .where((eb) =>
        eb.or([...(schoolIds.length > 0 ? [eb('school_id', 'in', schoolIds)] : []), ...(names.length > 0 ? [eb('person_name', 'in', names)] : [])]),
      )
      .orderBy('trained_on')
      .execute();
  } else {
    // The same rows as the single query: by school, then by name, each record once.
    const bySchool = await inChunks(schoolIds, (chunk) => base().where('school_id', 'in', chunk).execute());
    const byName = await inChunks(names, (chunk) => base().where('person_name', 'in', chunk).execute());
    const seen = new Set<number>();
    rows = [...bySchool, ...byName].filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
    rows.sort((a, b) => (a.trained_on < b.trained_on ? -1 : a.trained_on > b.trained_on ? 1 : a.id - b.id));
  }
  return rows.map((r) => ({ schoolId: r.school_id, personName: r.person_name, role: r.role, trainedOn: r.trained_on, batchId: r.import_batch_id }));
}

export type Scope = { hubId: number } | { schoolId: number } | 'network';

/** The member schools of one hub, one school or the whole network in a year, by name. */
export async function loadMembers(db: Kysely<Database>, yearId: number, scope: Scope): Promise<MemberRow[]> {
  let mq = db
    .selectFrom('memberships as m')
    .innerJoin('schools as s', 's.id', 'm.school_id')
    .where('m.year_id', '=', yearId)
    .select([
      's.id as schoolId', 'm.hub_id as hubId', 's.urn', 's.name', 's.phase', 's.local_authority as localAuthority', 'm.pupils', 'm.status',
      'm.fee_paid_on as feePaidOn', 's.headteacher', 's.headteacher_since as headteacherSince', 's.email', 's.phone', 'm.import_batch_id as batchId',
    ])
    .orderBy('s.name');
  if (scope !== 'network' && 'hubId' in scope) mq = mq.where('m.hub_id', '=', scope.hubId);
  if (scope !== 'network' && 'schoolId' in scope) mq = mq.where('m.school_id', '=', scope.schoolId);
  return mq.execute();
}

/**
 * The rows behind these members' figures for the year. `trainings: false` leaves out the training
 * records of the schools and their heads (the caller then supplies the reviewers' own, as the network does).
 */
export async function loadRowsOf(db: Kysely<Database>, yearId: number, members: MemberRow[], parts: { trainings: boolean } = { trainings: true }): Promise<YearRows> {
  const schoolIds = members.map((m) => m.schoolId);
  // Reads that do not need each other's rows go together (on PostgreSQL each is its own round trip,
  // answered in parallel by the pool); the replacements and trainings need the outgoing reviewers.
  const [inspections, reviews, outgoing, histories] = await Promise.all([
    loadInspections(db, members.map((m) => m.urn)),
    loadReviews(db, schoolIds),
    loadAssignmentsOf(db, { homeSchoolIds: schoolIds, yearId }),
    parts.trainings ? loadHistories(db, yearId, schoolIds) : new Map<number, MembershipHistory>(),
  ]);
  const dropped = outgoing.filter((a) => a.status === 'dropped').map((a) => a.id);
  const [replacements, trainings] = await Promise.all([
    loadAssignmentsOf(db, { replacing: dropped }),
    // Headteachers' and reviewers' training records: a reviewer counts only when trained by the review.
    parts.trainings ? loadTrainings(db, schoolIds, [...members.map((m) => m.headteacher ?? ''), ...outgoing.map((a) => a.reviewerName)]) : [],
  ]);
  return { members, inspections, reviews, outgoing, replacements, trainings, histories };
}

/** Whether each school is new, returning or continuing in the year, from its memberships of earlier years. */
export async function loadHistories(db: Kysely<Database>, yearId: number, schoolIds: number[]): Promise<Map<number, MembershipHistory>> {
  const out = new Map<number, MembershipHistory>();
  if (schoolIds.length === 0) return out;
  const year = await db.selectFrom('membership_years').select(['label', 'start_date']).where('id', '=', yearId).executeTakeFirstOrThrow();
  const earlier = await db.selectFrom('membership_years').select(['id', 'label']).where('start_date', '<', year.start_date).execute();
  const previous = new Set(earlier.filter((y) => y.label === previousYearLabel(year.label)).map((y) => y.id));
  const rows =
    earlier.length === 0
      ? []
      : await inChunks(schoolIds, (chunk) =>
          db
            .selectFrom('memberships')
            .where('school_id', 'in', chunk)
            .where('year_id', 'in', earlier.map((y) => y.id))
            .select(['school_id', 'year_id'])
            .execute(),
        );
  const lastYear = new Set(rows.filter((r) => previous.has(r.year_id)).map((r) => r.school_id));
  const before = new Set(rows.filter((r) => !previous.has(r.year_id)).map((r) => r.school_id));
  for (const id of schoolIds) {
    out.set(id, membershipHistory({ earlierYearsHeld: earlier.length > 0, memberLastYear: lastYear.has(id), memberBeforeLastYear: before.has(id) }));
  }
  return out;
}

/** Everything a dashboard needs for the member schools of one hub, one school or the whole network in a year. */
export async function loadYearRows(db: Kysely<Database>, yearId: number, scope: Scope): Promise<YearRows> {
  return loadRowsOf(db, yearId, await loadMembers(db, yearId, scope));
}
