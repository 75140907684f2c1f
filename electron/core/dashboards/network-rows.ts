import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { OfstedInspection, OfstedJudgement } from '@shared/domain/ofsted';
import type { ReviewForEstimates } from '@shared/domain/qa-profile';
import { OFSTED_FRAMEWORKS, type OfstedFramework } from '@shared/domain/vocabulary';
import { personNameKey, type OutgoingAssignment } from '@shared/domain/reviewer-commitment';
import { foldPredecessors, mergedSchoolRecords } from '../records/predecessors';
import { reviewerStatus } from './shape';
import { breathe } from '../breathe';
import { dialectSql } from '../db/dialect-sql';

/**
 * The rows behind the network dashboard, for every member school of a year at once: each query is
 * joined on the year's memberships (no list of schools, whatever the size of the network) and reads
 * only the columns the network's figures use. The rules run on them in network-facts.ts, the same
 * rules as each school's hub dashboard row.
 */

export interface NetworkMember {
  schoolId: number;
  hubId: number;
  urn: string;
  name: string;
  phase: string | null;
  pupils: number;
  batchId: number | null;
}

/**
 * The judgements the network's Ofsted figures read. The latest graded inspection's profile key reads
 * an OEIF inspection's overall effectiveness; the vulnerable flags read the overall effectiveness
 * (until August 2024), the quality of education (2024–25) and every area of a report card (with the
 * framework and any category of concern). So a report card keeps all its judgements and any other
 * inspection those whose area is LIKE one of these, ignoring case (likeIgnoringCase): a superset of the
 * spellings the rules accept (`judgementFor` forgives case and spacing), which they then match exactly.
 */
export const NETWORK_JUDGEMENT_AREAS_LIKE = ['%overall%effectiveness%', '%quality%of%education%'] as const;
/** The framework whose every judgement is kept. */
export const NETWORK_ALL_JUDGEMENTS_FRAMEWORK: OfstedFramework = OFSTED_FRAMEWORKS.reportCard;

export interface NetworkRows {
  members: NetworkMember[];
  /** Each member's inspections (with its merged records' inspections), judgements limited as above. */
  inspections: Map<string, (OfstedInspection & { batchId: number | null })[]>;
  /** Every review of the member schools, all years, by school. */
  reviews: Map<number, (ReviewForEstimates & { batchId: number | null })[]>;
  /**
   * This year's reviewers each member school sent, by school, each with its replacement when dropped
   * and the reviewer's earliest training (records under their name at any school).
   */
  outgoing: Map<number, OutgoingAssignment[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function memberIds(db: Kysely<Database>, yearId: number) {
  return db.selectFrom('memberships').select('memberships.school_id').where('memberships.year_id', '=', yearId);
}

export async function loadNetworkRows(db: Kysely<Database>, yearId: number): Promise<NetworkRows> {
  const members = await db
    .selectFrom('memberships as m')
    .innerJoin('schools as s', 's.id', 'm.school_id')
    .where('m.year_id', '=', yearId)
    .select(['s.id as schoolId', 'm.hub_id as hubId', 's.urn', 's.name', 's.phase', 'm.pupils', 'm.import_batch_id as batchId'])
    .orderBy('s.name')
    .execute();
  await breathe();
  const inspections = await loadInspectionsOfMembers(db, yearId, members);
  await breathe();
  const reviews = await loadReviewsOfMembers(db, yearId);
  await breathe();
  return { members, inspections, reviews, outgoing: await loadOutgoingOfMembers(db, yearId) };
}

async function loadInspectionsOfMembers(db: Kysely<Database>, yearId: number, members: NetworkMember[]): Promise<NetworkRows['inspections']> {
  const memberUrns = members.map((m) => m.urn);
  const wanted = new Set(memberUrns);
  // A kept school's history includes the inspections of records merged into it (a handful of rows).
  const aliases = new Map((await mergedSchoolRecords(db)).filter((r) => wanted.has(r.keptUrn)).map((r) => [r.oldUrn, r.keptUrn]));
  const urns = db
    .selectFrom('memberships as m')
    .innerJoin('schools as s', 's.id', 'm.school_id')
    .where('m.year_id', '=', yearId)
    .select('s.urn')
    .union(db.selectFrom('schools as old').innerJoin('memberships as m', 'm.school_id', 'old.merged_into_school_id').where('m.year_id', '=', yearId).select('old.urn'));
  const { likeIgnoringCase } = dialectSql(db);
  const rows = await db
    .selectFrom('ofsted_inspections as i')
    .leftJoin('ofsted_judgements as j', (join) =>
      join
        .onRef('j.inspection_id', '=', 'i.id')
        .on((eb) => eb.or([eb('i.framework', '=', NETWORK_ALL_JUDGEMENTS_FRAMEWORK), ...NETWORK_JUDGEMENT_AREAS_LIKE.map((pattern) => likeIgnoringCase('j.area', pattern))])),
    )
    .where('i.urn', 'in', urns)
    .select(['i.id', 'i.urn', 'i.start_date', 'i.publication_date', 'i.framework', 'i.inspection_type', 'i.category_of_concern', 'i.import_batch_id', 'j.area', 'j.grade', 'j.grade_date'])
    .orderBy('i.start_date')
    .orderBy('i.id')
    .execute();
  const byUrn = new Map<string, (OfstedInspection & { batchId: number | null })[]>();
  let last = null as { id: number; judgements: OfstedJudgement[] } | null;
  for (const r of rows) {
    if (last?.id !== r.id) {
      const judgements: OfstedJudgement[] = [];
      push(byUrn, r.urn, {
        startDate: r.start_date,
        publicationDate: r.publication_date,
        framework: r.framework as OfstedFramework,
        inspectionType: r.inspection_type,
        categoryOfConcern: r.category_of_concern,
        // Ungraded inspections' text outcomes are not read by the network's figures.
        outcomeText: null,
        judgements,
        batchId: r.import_batch_id,
      });
      last = { id: r.id, judgements };
    }
    if (r.area !== null && r.grade !== null) last.judgements.push({ area: r.area, grade: r.grade, gradeDate: r.grade_date });
  }
  return foldPredecessors(byUrn, aliases, memberUrns);
}

async function loadReviewsOfMembers(db: Kysely<Database>, yearId: number): Promise<NetworkRows['reviews']> {
  const rows = await db
    .selectFrom('qa_reviews as r')
    .innerJoin('membership_years as y', 'y.id', 'r.year_id')
    .where('r.school_id', 'in', memberIds(db, yearId))
    .select(['r.id', 'r.school_id', 'y.label', 'r.start_date', 'r.estimate_leadership', 'r.estimate_quality', 'r.estimate_disadvantaged', 'r.import_batch_id'])
    .execute();
  const bySchool: NetworkRows['reviews'] = new Map();
  for (const r of rows) {
    push(bySchool, r.school_id, {
      id: r.id,
      startDate: r.start_date,
      yearLabel: r.label,
      estimates: { leadership: r.estimate_leadership, quality: r.estimate_quality, disadvantaged: r.estimate_disadvantaged },
      batchId: r.import_batch_id,
    });
  }
  return bySchool;
}

async function loadOutgoingOfMembers(db: Kysely<Database>, yearId: number): Promise<NetworkRows['outgoing']> {
  const outgoing = db
    .selectFrom('reviewer_assignments as a')
    .innerJoin('qa_reviews as r', 'r.id', 'a.review_id')
    .where('a.home_school_id', 'in', memberIds(db, yearId))
    .where('r.year_id', '=', yearId);
  const rows = await outgoing
    .select(['a.id', 'a.home_school_id', 'a.reviewer_name', 'a.status', 'r.start_date'])
    .orderBy('r.start_date')
    .orderBy('a.id')
    .execute();
  // The replacements of this year's dropped reviewers, whichever school sent them.
  const replacements = await db
    .selectFrom('reviewer_assignments as a')
    .innerJoin('qa_reviews as r', 'r.id', 'a.review_id')
    .where('a.replaces_assignment_id', 'in', outgoing.where('a.status', '=', 'dropped').select('a.id'))
    .select(['a.replaces_assignment_id', 'a.home_school_id', 'a.reviewer_name'])
    .orderBy('r.start_date')
    .orderBy('a.id')
    .execute();
  // As the hub dashboard reads them: when two rows replace the same one, the later one counts.
  const replacementOf = new Map(replacements.map((a) => [a.replaces_assignment_id!, { homeSchoolId: a.home_school_id, reviewerName: a.reviewer_name }]));
  const trainedOn = await earliestTrainingOfReviewers(db, yearId);
  const bySchool: NetworkRows['outgoing'] = new Map();
  for (const a of rows) {
    push(bySchool, a.home_school_id, {
      status: reviewerStatus({ id: a.id, reviewerName: a.reviewer_name, status: a.status }),
      reviewDate: a.start_date,
      trainedOn: trainedOn.get(personNameKey(a.reviewer_name)) ?? null,
      replacedBy: replacementOf.get(a.id) ?? null,
    });
  }
  return bySchool;
}

/**
 * Each reviewer's earliest reviewer-training date, by name as the rules match names (personNameKey),
 * from the records under the name of any reviewer of the year's reviews (one query, no list).
 */
async function earliestTrainingOfReviewers(db: Kysely<Database>, yearId: number): Promise<Map<string, string>> {
  const reviewers = db
    .selectFrom('reviewer_assignments as a')
    .innerJoin('qa_reviews as r', 'r.id', 'a.review_id')
    .where('r.year_id', '=', yearId)
    .select('a.reviewer_name');
  const rows = await db.selectFrom('reviewer_trainings').where('person_name', 'in', reviewers).select(['person_name', 'trained_on']).execute();
  const earliest = new Map<string, string>();
  for (const r of rows) {
    const key = personNameKey(r.person_name);
    const first = earliest.get(key);
    if (first === undefined || r.trained_on < first) earliest.set(key, r.trained_on);
  }
  return earliest;
}
