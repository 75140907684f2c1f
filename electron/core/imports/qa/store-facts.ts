/** What the QA plan needs from the store for one year: member schools, the year's reviews, their points and assignments. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, QaReviewsTable } from '../../db/schema';
import { HubdeskError } from '../../errors';

type Db = Kysely<Database> | Transaction<Database>;

export const QA_BATCH_KIND = 'qa';

/** A stored review of the year, every column. */
export type StoredReview = Selectable<QaReviewsTable>;

export interface QaStoreFacts {
  year: { id: number; label: string; start_date: string; end_date: string };
  /** Member schools of the year by URN. */
  members: Map<string, { id: number; name: string }>;
  /** The year's reviews by school id. */
  reviews: Map<number, StoredReview>;
  points: Map<number, { id: number; review_id: number; kind: string; heading: string | null; text: string; position: number }[]>;
  assignments: Map<number, { id: number; review_id: number; home_school_id: number; reviewer_name: string; reviewer_role: string | null; status: string; replaces_assignment_id: number | null; import_batch_id: number | null; updated_at: string }[]>;
}

/** A tracker for a year hubdesk does not hold is refused (after the file is read: a file's own refusal comes first). */
export function noSuchYear(yearLabel: string): HubdeskError {
  return new HubdeskError('validation', `There is no membership year ${yearLabel} in hubdesk: import its roll first, or choose another year.`);
}

/** The facts for the year, or null when hubdesk holds no such year. */
export async function loadQaFacts(db: Db, yearLabel: string): Promise<QaStoreFacts | null> {
  const year = await db.selectFrom('membership_years').select(['id', 'label', 'start_date', 'end_date']).where('label', '=', yearLabel).executeTakeFirst();
  if (!year) return null;
  const members = await db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .where('memberships.year_id', '=', year.id)
    .select(['schools.id', 'schools.urn', 'schools.name'])
    .execute();
  const reviews = await db.selectFrom('qa_reviews').selectAll().where('year_id', '=', year.id).execute();
  const ids = reviews.map((r) => r.id);
  const points = new Map<number, QaStoreFacts['points'] extends Map<number, infer V> ? V : never>();
  const assignments = new Map<number, QaStoreFacts['assignments'] extends Map<number, infer V> ? V : never>();
  for (let i = 0; i < ids.length; i += 300) {
    const chunk = ids.slice(i, i + 300);
    for (const p of await db.selectFrom('qa_review_points').selectAll().where('review_id', 'in', chunk).orderBy('position').orderBy('id').execute()) {
      if (!points.has(p.review_id)) points.set(p.review_id, []);
      points.get(p.review_id)!.push(p);
    }
    for (const a of await db.selectFrom('reviewer_assignments').selectAll().where('review_id', 'in', chunk).orderBy('id').execute()) {
      if (!assignments.has(a.review_id)) assignments.set(a.review_id, []);
      assignments.get(a.review_id)!.push(a);
    }
  }
  return {
    year,
    members: new Map(members.map((m) => [m.urn, { id: m.id, name: m.name }])),
    reviews: new Map(reviews.map((r) => [r.school_id, r])),
    points,
    assignments,
  };
}
