import type { ParsedRequestOf } from '@shared/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { resolveYear } from '../db/years';
import type { MergeMove, SchoolMergeForm, SchoolMergePreview, SchoolMergeResult, SchoolMergeSide, MergeFundingYear } from '@shared/contract/merges';
import { applyChange, loadRow, type ChangeSet, type ChangeTable } from '../changes/change-set';
import { assertVersion } from '../changes/stale';
import { versionOf } from '../changes/version';
import { refusal } from '../records/refusals';
import { fundingEffect } from '../records/funding-effect';
import { schoolRecord } from '../records/schools';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Merging two records of the same school: when a school converts (to an academy, say) it gets a new
 * URN, and the roll or Ofsted import creates a second record. Everything the team keyed by the old
 * record moves to the kept one; the old row stays, marked `merged_into_school_id`, so its URN keeps
 * pointing at the kept school (the Ofsted history shows both URNs' inspections, see predecessors.ts).
 */

/** Every column that refers to a school, and how the merge treats it. */
const SCHOOL_KEYS: { table: ChangeTable & keyof Database; column: string; what: string }[] = [
  { table: 'memberships', column: 'school_id', what: 'memberships' },
  { table: 'qa_reviews', column: 'school_id', what: 'QA reviews' },
  { table: 'reviewer_assignments', column: 'home_school_id', what: 'reviewers sent to other schools\' reviews' },
  { table: 'reviewer_trainings', column: 'school_id', what: 'reviewer training records' },
  { table: 'contacts', column: 'school_id', what: 'contacts' },
  { table: 'support_requests', column: 'school_id', what: 'support requests' },
  { table: 'support_requests', column: 'brokered_to_school_id', what: 'support requests brokered to it' },
  { table: 'schools', column: 'merged_into_school_id', what: 'earlier records merged into it' },
];

/** Any table by name, any column by name: values are unknown until read. */
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

async function side(db: Db, schoolId: number, field: string): Promise<SchoolMergeSide> {
  const row = await loadRow(db, 'schools', { id: schoolId });
  if (!row) throw refusal([{ path: field, message: `there is no school with id ${schoolId}` }]);
  const target = row.merged_into_school_id === null ? undefined : await db.selectFrom('schools').where('id', '=', row.merged_into_school_id).select(['id', 'name', 'urn']).executeTakeFirst();
  return { id: schoolId, name: row.name, urn: row.urn, version: versionOf(row), mergedInto: target ?? null };
}

interface Plan {
  from: SchoolMergeSide;
  into: SchoolMergeSide;
  /** Row ids to move, per entry of SCHOOL_KEYS (same order). */
  ids: number[][];
  attendance: { meeting_id: number; attended: number; representative: string | null; kept: { attended: number; representative: string | null } | null }[];
  memberships: { id: number; hub_id: number; year_id: number; pupils: number }[];
  refusals: string[];
}

function describe(s: { name: string; urn: string }): string {
  return `${s.name} (URN ${s.urn})`;
}

async function plan(db: Db, target: { fromSchoolId: number; intoSchoolId: number }): Promise<Plan> {
  const from = await side(db, target.fromSchoolId, 'fromSchoolId');
  const into = await side(db, target.intoSchoolId, 'intoSchoolId');
  const refusals: string[] = [];
  if (from.mergedInto) refusals.push(`${describe(from)} was already merged into ${describe(from.mergedInto)}.`);
  if (into.mergedInto) refusals.push(`${describe(into)} was merged into ${describe(into.mergedInto)}: merge into that record instead.`);

  const ids: number[][] = [];
  for (const k of SCHOOL_KEYS) {
    const rows = await (db as unknown as AnyDb).selectFrom(k.table).where(k.column, '=', from.id).select('id').orderBy('id').execute();
    ids.push(rows.map((r) => Number(r.id)));
  }

  // A school is a member of one hub a year and hosts one QA Review a year: both records holding one
  // for the same year is a conflict a person must resolve.
  const years = await db
    .selectFrom('memberships as a')
    .innerJoin('memberships as b', 'b.year_id', 'a.year_id')
    .innerJoin('hubs as ha', 'ha.id', 'a.hub_id')
    .innerJoin('hubs as hb', 'hb.id', 'b.hub_id')
    .innerJoin('membership_years as y', 'y.id', 'a.year_id')
    .where('a.school_id', '=', from.id)
    .where('b.school_id', '=', into.id)
    .select(['y.label', 'ha.name as fromHub', 'hb.name as intoHub'])
    .orderBy('y.start_date')
    .execute();
  for (const y of years) {
    refusals.push(
      `Both records are members in ${y.label} (${from.name} in ${y.fromHub}, ${into.name} in ${y.intoHub}): a school is a member once a year, so a person must resolve which membership stands before merging.`,
    );
  }
  const reviews = await db
    .selectFrom('qa_reviews as a')
    .innerJoin('qa_reviews as b', 'b.year_id', 'a.year_id')
    .innerJoin('membership_years as y', 'y.id', 'a.year_id')
    .where('a.school_id', '=', from.id)
    .where('b.school_id', '=', into.id)
    .select(['y.label', 'a.start_date as fromStart', 'b.start_date as intoStart'])
    .orderBy('y.start_date')
    .execute();
  for (const r of reviews) {
    refusals.push(`Both records have a QA Review in ${r.label} (${from.name} from ${r.fromStart}, ${into.name} from ${r.intoStart}): a school hosts one review a year, so a person must resolve which stands before merging.`);
  }

  const attendance = await db.selectFrom('meeting_attendance').where('school_id', '=', from.id).selectAll().orderBy('meeting_id').execute();
  const keptRows = attendance.length
    ? await db.selectFrom('meeting_attendance').where('school_id', '=', into.id).where('meeting_id', 'in', attendance.map((a) => a.meeting_id)).selectAll().execute()
    : [];
  const kept = new Map(keptRows.map((r) => [r.meeting_id, r]));
  const memberships = await db.selectFrom('memberships').where('school_id', '=', from.id).select(['id', 'hub_id', 'year_id', 'pupils']).orderBy('year_id').execute();
  return {
    from,
    into,
    ids,
    attendance: attendance.map((a) => ({ meeting_id: a.meeting_id, attended: a.attended, representative: a.representative, kept: kept.get(a.meeting_id) ?? null })),
    memberships,
    refusals,
  };
}

function moves(p: Plan): MergeMove[] {
  const out: MergeMove[] = SCHOOL_KEYS.map((k, i) => ({ what: k.what, count: p.ids[i]!.length }));
  out.splice(4, 0, { what: 'meeting attendance records', count: p.attendance.length });
  return out;
}

/** Each hub's funding before → after in every year a membership moves (the same rule as the funding pages). */
async function fundingYears(db: Db, p: Plan): Promise<MergeFundingYear[]> {
  const labels = new Map((await db.selectFrom('membership_years').select(['id', 'label']).execute()).map((y) => [y.id, y.label]));
  const out: MergeFundingYear[] = [];
  for (const m of p.memberships) {
    const effect = await fundingEffect(db, m.year_id, { schoolId: p.from.id, name: p.into.name, fromHubId: m.hub_id, toHubId: m.hub_id, pupilsAfter: m.pupils });
    out.push({ year: labels.get(m.year_id) ?? String(m.year_id), effect });
  }
  return out.reverse();
}

export async function schoolMergeForm(ctx: CoreContext, schoolId: number): Promise<SchoolMergeForm> {
  const school = await side(ctx.db, schoolId, 'schoolId').catch(() => {
    throw new HubdeskError('not_found', `There is no school with id ${schoolId}.`);
  });
  const year = await resolveYear(ctx.db, undefined, ctx.today());
  const schools = await ctx.db.selectFrom('schools').where('merged_into_school_id', 'is', null).where('id', '!=', schoolId).select(['id', 'name', 'urn']).orderBy('name').execute();
  const hubs = year
    ? await ctx.db.selectFrom('memberships').innerJoin('hubs', 'hubs.id', 'memberships.hub_id').where('memberships.year_id', '=', year.id).select(['memberships.school_id', 'hubs.name']).execute()
    : [];
  const hubOf = new Map(hubs.map((h) => [h.school_id, h.name]));
  return { school, choices: schools.map((s) => ({ ...s, hub: hubOf.get(s.id) ?? null })), year: year?.label ?? null };
}

export async function previewSchoolMerge(ctx: CoreContext, target: ParsedRequestOf<'previewSchoolMerge'>): Promise<SchoolMergePreview> {
  const p = await plan(ctx.db, target);
  const inspections = await Promise.all(
    [p.from.urn, p.into.urn].map(async (urn) => Number((await ctx.db.selectFrom('ofsted_inspections').where('urn', '=', urn).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)),
  );
  return {
    from: p.from,
    into: p.into,
    moves: moves(p),
    inspections: { fromUrn: inspections[0]!, intoUrn: inspections[1]! },
    funding: await fundingYears(ctx.db, p),
    refusals: p.refusals,
  };
}

async function moveAttendance(w: ChangeSet, p: Plan): Promise<void> {
  for (const a of p.attendance) {
    await w.remove('meeting_attendance', { meeting_id: a.meeting_id, school_id: p.from.id });
    if (a.kept) {
      // Both records have a row for the meeting: the school attended if either says so.
      const attended = Math.max(a.kept.attended, a.attended);
      const representative = a.kept.representative ?? a.representative;
      if (attended !== a.kept.attended || representative !== a.kept.representative) {
        await w.update('meeting_attendance', { meeting_id: a.meeting_id, school_id: p.into.id }, { attended, representative });
      }
    } else {
      await w.insert('meeting_attendance', { meeting_id: a.meeting_id, school_id: p.into.id, attended: a.attended, representative: a.representative });
    }
  }
}

export async function mergeSchools(ctx: CoreContext, input: ParsedRequestOf<'mergeSchools'>): Promise<SchoolMergeResult> {
  const res = await applyChange(ctx, 'school.merge', { entity: 'schools', id: input.fromSchoolId }, async (w) => {
    const p = await plan(w.trx, input);
    await assertVersion(w.trx, ctx.user, 'schools', (await loadRow(w.trx, 'schools', { id: p.from.id }))!, input.fromVersion, p.from.name);
    await assertVersion(w.trx, ctx.user, 'schools', (await loadRow(w.trx, 'schools', { id: p.into.id }))!, input.intoVersion, p.into.name);
    if (p.refusals.length) throw refusal(p.refusals.map((message) => ({ path: '', message })));
    const now = ctx.now().toISOString();
    for (const [i, k] of SCHOOL_KEYS.entries()) {
      const patch: Record<string, unknown> = { [k.column]: p.into.id };
      if (k.table !== 'contacts' && k.table !== 'reviewer_trainings') patch.updated_at = now;
      await w.updateMany(k.table, p.ids[i]!, patch);
    }
    await moveAttendance(w, p);
    await w.update('schools', { id: p.from.id }, { merged_into_school_id: p.into.id, updated_at: now });
    const moved = moves(p);
    const counts = moved.filter((m) => m.count > 0).map((m) => `${m.what} (${m.count})`);
    const summary = `Merged ${describe(p.from)} into ${describe(p.into)}${counts.length ? `: moved ${counts.join(', ')}` : ''}`;
    return { value: moved, summary };
  });
  return { record: await schoolRecord(ctx, input.intoSchoolId), moves: res.value, auditId: res.auditId, summary: res.summary };
}
