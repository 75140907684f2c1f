import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ClaimsTable, Database } from '../db/schema';
import { versionOf } from '../changes/version';
import type { ClaimView } from '@shared/contract/funding';
import type { ClaimStatus } from '@shared/domain/vocabulary';
import { snapshotUnderKeptRecords, type AllocationFigures, type KeptRecord, type SnapshotSchool } from '@shared/domain/funding-lock';
import { mergedSchoolRecords } from '../records/predecessors';
import type { MeetingDateFact } from '@shared/domain/meeting-dates';

/** A hub's locked allocation as stored: who locked it, when, its figures and the schools they were locked with. */
export interface StoredLock {
  id: number;
  lockedBy: string;
  lockedAt: string;
  figures: AllocationFigures;
  perSchool: SnapshotSchool[];
}

/** Everything about one membership year that the funding figures are computed from, gathered per hub. */
export interface YearData {
  memberships: Map<number, { schoolId: number; urn: string; name: string; pupils: number; feePaidOn: string | null }[]>;
  claims: Map<number, ClaimView[]>;
  plannedPence: Map<number, number>;
  plans: Map<number, { draftSubmittedOn: string | null; finalSubmittedOn: string | null }>;
  overrides: Map<number, { pence: number; reason: string; setBy: string; setAt: string }>;
  locks: Map<number, StoredLock>;
  /** Each hub's meetings of the year (date, term, submitted), for the meeting-dates release condition. */
  meetings: Map<number, MeetingDateFact[]>;
  hubNames: Map<number, string>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Claims with their category's name: every column of the claim, so its version is the stored row's. */
export function claimsQuery(db: Kysely<Database> | Transaction<Database>) {
  return db.selectFrom('claims').innerJoin('spend_categories', 'spend_categories.id', 'claims.category_id').selectAll('claims').select('spend_categories.name as category');
}

export function claimView(row: Selectable<ClaimsTable> & { category: string }): ClaimView {
  const { category, ...stored } = row;
  return {
    id: row.id,
    claimedOn: row.claimed_on,
    amountPence: row.amount_pence,
    invoiceRef: row.invoice_ref,
    priority: row.priority,
    categoryId: row.category_id,
    category,
    description: row.description,
    status: row.status as ClaimStatus,
    paidOn: row.paid_on,
    overReleaseReason: row.over_release_reason,
    releaseOverrideReason: row.release_override_reason,
    reversal:
      row.payment_reversal_reason !== null && row.payment_reversed_at !== null
        ? { reason: row.payment_reversal_reason, at: row.payment_reversed_at, by: row.payment_reversed_by ?? '' }
        : null,
    version: versionOf(stored),
  };
}

/**
 * One query per table, for the whole year, or with `hubId` for that hub only (each an indexed lookup
 * on the hub and year).
 */
export async function loadYearData(db: Kysely<Database>, yearId: number, hubId?: number): Promise<YearData> {
  const one = hubId !== undefined;
  const [members, claims, planned, plans, overrides, locks, meetings, hubs] = await Promise.all([
    db
      .selectFrom('memberships')
      .innerJoin('schools', 'schools.id', 'memberships.school_id')
      .$if(one, (q) => q.where('memberships.hub_id', '=', hubId!))
      .where('memberships.year_id', '=', yearId)
      .select(['memberships.hub_id', 'schools.id as schoolId', 'schools.urn', 'schools.name', 'memberships.pupils', 'memberships.fee_paid_on'])
      .orderBy('schools.name')
      .orderBy('schools.urn')
      .execute(),
    claimsQuery(db)
      .$if(one, (q) => q.where('claims.hub_id', '=', hubId!))
      .where('claims.year_id', '=', yearId)
      .orderBy('claims.claimed_on')
      .orderBy('claims.id')
      .execute(),
    db
      .selectFrom('action_plan_lines')
      .innerJoin('action_plans', 'action_plans.id', 'action_plan_lines.plan_id')
      .$if(one, (q) => q.where('action_plans.hub_id', '=', hubId!))
      .where('action_plans.year_id', '=', yearId)
      .select(['action_plans.hub_id', 'action_plan_lines.planned_pence'])
      .execute(),
    db
      .selectFrom('action_plans')
      .$if(one, (q) => q.where('hub_id', '=', hubId!))
      .where('year_id', '=', yearId)
      .select(['hub_id', 'draft_submitted_on', 'final_submitted_on'])
      .execute(),
    db.selectFrom('carry_forward_overrides').$if(one, (q) => q.where('hub_id', '=', hubId!)).where('year_id', '=', yearId).selectAll().execute(),
    db.selectFrom('funding_locks').$if(one, (q) => q.where('hub_id', '=', hubId!)).where('year_id', '=', yearId).selectAll().execute(),
    db
      .selectFrom('hub_meetings')
      .$if(one, (q) => q.where('hub_id', '=', hubId!))
      .where('year_id', '=', yearId)
      .select(['hub_id', 'meeting_date', 'term', 'submitted_on'])
      .orderBy('meeting_date')
      .execute(),
    db.selectFrom('hubs').$if(one, (q) => q.where('id', '=', hubId!)).select(['id', 'name']).execute(),
  ]);

  const data: YearData = {
    memberships: new Map(),
    claims: new Map(),
    plannedPence: new Map(),
    plans: new Map(),
    overrides: new Map(),
    locks: new Map(),
    meetings: new Map(),
    hubNames: new Map(hubs.map((h) => [h.id, h.name])),
  };
  for (const m of members) {
    push(data.memberships, m.hub_id, { schoolId: m.schoolId, urn: m.urn, name: m.name, pupils: m.pupils, feePaidOn: m.fee_paid_on });
  }
  for (const c of claims) push(data.claims, c.hub_id, claimView(c));
  for (const m of meetings) push(data.meetings, m.hub_id, { date: m.meeting_date, term: m.term, submittedOn: m.submitted_on });
  for (const l of planned) data.plannedPence.set(l.hub_id, (data.plannedPence.get(l.hub_id) ?? 0) + l.planned_pence);
  for (const p of plans) data.plans.set(p.hub_id, { draftSubmittedOn: p.draft_submitted_on, finalSubmittedOn: p.final_submitted_on });
  for (const o of overrides) data.overrides.set(o.hub_id, { pence: o.amount_pence, reason: o.reason, setBy: o.set_by, setAt: o.set_at });
  const kept = new Map<number, KeptRecord>(
    locks.length > 0 ? (await mergedSchoolRecords(db)).map((r) => [r.oldId, { schoolId: r.keptId, urn: r.keptUrn, name: r.keptName }]) : [],
  );
  for (const l of locks) {
    data.locks.set(l.hub_id, {
      id: l.id,
      lockedBy: l.locked_by,
      lockedAt: l.locked_at,
      figures: {
        schools: l.schools,
        pupils: l.pupils,
        formulaPence: l.formula_pence,
        minimumPence: l.minimum_pence,
        fundingPence: l.funding_pence,
        carryForwardPence: l.carry_forward_pence,
        totalAvailablePence: l.total_available_pence,
      },
      perSchool: snapshotUnderKeptRecords(JSON.parse(l.per_school_json) as SnapshotSchool[], kept),
    });
  }
  return data;
}
