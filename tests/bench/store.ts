/**
 * Writes a BenchNetwork into a fresh hubdesk store with kysely batch inserts in one transaction.
 * Ids are assigned here (the tables start empty), so child rows need no read-back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import { openStore, DATABASE_FILE_NAME } from '../../electron/core/db/connection';
import type { Database } from '../../electron/core/db/schema';
import type { BenchNetwork } from './network';

/** SQLite allows 32,766 bound parameters per statement. */
const MAX_PARAMS = 30_000;
const NOW = '2026-11-23T09:00:00.000Z';

async function insertAll<T extends keyof Database & string>(trx: Transaction<Database>, table: T, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += chunk) await trx.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
}

function need<V>(map: Map<string, V>, key: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`bench network refers to an unknown key ${key}`);
  return v;
}

export async function writeBenchStore(dataDir: string, net: BenchNetwork): Promise<string> {
  fs.mkdirSync(dataDir, { recursive: true });
  const store = await openStore(dataDir);
  try {
    await store.db.transaction().execute(async (trx) => {
      const batch = await trx
        .insertInto('import_batches')
        .values({ kind: 'demo', file_name: `bench network ${net.n} schools`, sha256: '0'.repeat(64), source_as_at: '2026-10-31', year_id: null, row_count: net.n, summary_json: '{}', created_by: 'bench', created_at: NOW, undone_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const batchId = batch.id;
      const yearIds = new Map<string, number>();
      for (const y of net.years) {
        const row = await trx
          .insertInto('membership_years')
          .values({ label: y.label, start_date: y.startDate, end_date: y.endDate, draft_plan_deadline: y.draftPlanDeadline, final_plan_deadline: y.finalPlanDeadline })
          .returning('id')
          .executeTakeFirstOrThrow();
        yearIds.set(y.label, row.id);
      }
      const staff = await trx.insertInto('central_staff').values({ name: 'Bench Manager', email: 'bench@example.org', role: 'memberships_manager' }).returning('id').executeTakeFirstOrThrow();
      await insertAll(trx, 'hubs', net.hubs.map((h) => ({
        id: h.id, name: h.name, region: h.region, senior_partner_name: 'Senior Partner', senior_partner_email: 'sp@example.org',
        memberships_manager_id: staff.id, merged_into_hub_id: null, created_at: NOW, updated_at: NOW,
      })));
      await insertAll(trx, 'hub_managers', net.hubs.map((h) => ({ hub_id: h.id, name: `Manager of ${h.name}`, email: 'manager@example.org', phone: null, focus: null })));
      await insertAll(trx, 'schools', net.schools.map((s) => ({
        id: s.id, urn: s.urn, name: s.name, phase: s.phase, school_type: 'Academy converter', local_authority: s.localAuthority, trust: s.trust, postcode: s.postcode,
        headteacher: s.headteacher, headteacher_since: s.headteacherSince, email: s.email, phone: s.phone, merged_into_school_id: null, import_batch_id: batchId, created_at: NOW, updated_at: NOW,
      })));
      // Each school's headteacher as a contact too, as the store holds them after its first roll import
      // (without them every re-import would add 25,000 contacts, which no real import does).
      await insertAll(trx, 'contacts', net.schools.map((s) => ({ school_id: s.id, role: 'Headteacher', name: s.headteacher, email: s.email, phone: s.phone, import_batch_id: batchId })));
      await insertAll(trx, 'memberships', net.memberships.map((m) => ({
        school_id: m.schoolIndex + 1, hub_id: m.hubIndex + 1, year_id: need(yearIds, m.year), pupils: m.pupils, status: m.status,
        fee_invoiced_on: `${m.year.slice(0, 4)}-09-12`, fee_paid_on: m.feePaidOn, import_batch_id: batchId, updated_at: NOW,
      })));

      const schoolId = new Map(net.schools.map((s) => [s.urn, s.id]));
      const inspections: Record<string, unknown>[] = [];
      const judgements: Record<string, unknown>[] = [];
      net.inspections.forEach((i, k) => {
        inspections.push({
          id: k + 1, urn: i.urn, inspection_number: i.inspectionNumber, start_date: i.startDate, publication_date: i.publicationDate, inspection_type: i.inspectionType,
          framework: i.framework, category_of_concern: i.categoryOfConcern, outcome_text: i.outcomeText, import_batch_id: batchId, source_as_at: '2026-10-31', urn_at_inspection: null,
        });
        for (const j of i.judgements) judgements.push({ inspection_id: k + 1, area: j.area, grade: j.grade, grade_date: j.gradeDate });
      });
      await insertAll(trx, 'ofsted_inspections', inspections);
      await insertAll(trx, 'ofsted_judgements', judgements);

      const reviews: Record<string, unknown>[] = [];
      const points: Record<string, unknown>[] = [];
      const assignments: Record<string, unknown>[] = [];
      let assignmentId = 0;
      net.reviews.forEach((r, k) => {
        const id = k + 1;
        reviews.push({
          id, school_id: need(schoolId, r.urn), year_id: need(yearIds, r.year), start_date: r.startDate, end_date: r.endDate, lead_reviewer: r.leadReviewer,
          estimate_leadership: r.estimates?.leadership ?? null, estimate_quality: r.estimates?.quality ?? null, estimate_disadvantaged: r.estimates?.disadvantaged ?? null,
          aoe_title: r.aoeTitle, aoe_accredited: r.aoeAccredited ? 1 : 0, report_received_on: r.reportReceivedOn, import_batch_id: batchId, updated_at: NOW,
        });
        r.points.forEach((p, position) => points.push({ review_id: id, kind: p.kind, heading: p.heading, text: p.text, position }));
        const keys = new Map<string, number>();
        for (const a of r.assignments) {
          assignmentId += 1;
          keys.set(a.key, assignmentId);
          assignments.push({
            id: assignmentId, review_id: id, home_school_id: need(schoolId, a.homeUrn), reviewer_name: a.reviewerName, reviewer_role: a.reviewerRole, status: a.status,
            replaces_assignment_id: a.replacesKey === null ? null : need(keys, a.replacesKey), import_batch_id: batchId, updated_at: NOW,
          });
        }
      });
      await insertAll(trx, 'qa_reviews', reviews);
      await insertAll(trx, 'qa_review_points', points);
      await insertAll(trx, 'reviewer_assignments', assignments);
      await insertAll(trx, 'reviewer_trainings', net.trainings.map((t) => ({ school_id: need(schoolId, t.urn), person_name: t.personName, role: t.role, trained_on: t.trainedOn, import_batch_id: batchId })));

      const meetings: Record<string, unknown>[] = [];
      const attendance: Record<string, unknown>[] = [];
      net.meetings.forEach((m, k) => {
        meetings.push({ id: k + 1, hub_id: m.hubIndex + 1, year_id: need(yearIds, m.year), meeting_date: m.meetingDate, term: m.term, format: 'In person', submitted_on: m.submittedOn, notes: null });
        for (const a of m.attendance) attendance.push({ meeting_id: k + 1, school_id: a.schoolIndex + 1, attended: a.attended ? 1 : 0, representative: null });
      });
      await insertAll(trx, 'hub_meetings', meetings);
      await insertAll(trx, 'meeting_attendance', attendance);

      const hubId = new Map(net.hubs.map((h) => [h.name, h.id]));
      const categories = new Map((await trx.selectFrom('spend_categories').select(['id', 'name']).execute()).map((c) => [c.name, c.id]));
      const plans: Record<string, unknown>[] = [];
      const lines: Record<string, unknown>[] = [];
      net.plans.forEach((p, k) => {
        plans.push({ id: k + 1, hub_id: need(hubId, p.hub), year_id: need(yearIds, p.year), draft_submitted_on: p.draftSubmittedOn, final_submitted_on: p.finalSubmittedOn });
        p.lines.forEach((l, position) =>
          lines.push({
            plan_id: k + 1, priority: l.priority, activity: l.activity, planned_pence: l.plannedPence, amount_as_typed: l.amountAsTyped, category_id: need(categories, l.category),
            eligible_schools: l.eligibleSchools, expected_impact: l.expectedImpact, open_to_other_hubs: l.openToOtherHubs ? 1 : 0, position,
          }),
        );
      });
      await insertAll(trx, 'action_plans', plans);
      await insertAll(trx, 'action_plan_lines', lines);
      await insertAll(trx, 'claims', net.claims.map((c) => ({
        hub_id: need(hubId, c.hub), year_id: need(yearIds, c.year), claimed_on: c.claimedOn, amount_pence: c.amountPence, invoice_ref: c.invoiceRef, priority: c.priority,
        category_id: need(categories, c.category), description: c.description, status: c.status, paid_on: c.paidOn, updated_at: NOW, over_release_reason: null,
      })));
      await insertAll(trx, 'carry_forward_overrides', net.overrides.map((o) => ({
        hub_id: need(hubId, o.hub), year_id: need(yearIds, o.year), amount_pence: o.amountPence, reason: o.reason, set_by: 'bench', set_at: NOW,
      })));
    });
  } finally {
    await store.close();
  }
  return path.join(dataDir, DATABASE_FILE_NAME);
}

/** A copy of a store's database file in a new data folder (for steps that write). */
export function copyStore(fromDir: string, toDir: string): string {
  fs.mkdirSync(toDir, { recursive: true });
  for (const suffix of ['', '-wal']) {
    const from = path.join(fromDir, DATABASE_FILE_NAME + suffix);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(toDir, DATABASE_FILE_NAME + suffix));
  }
  return toDir;
}
