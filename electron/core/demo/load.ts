import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DemoLoadResult } from '@shared/contract/system';
import { buildDemoNetwork, demoSummary, demoOfstedAsAt, type DemoNetwork } from '../../../resources/demo/network';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { recordAudit } from '../changes/audit-entry';
import { termOf } from '@shared/domain/calls';
import { londonInstant } from '@shared/uk-date';

/** SQLite's default limit on bound parameters is 32,766; stay well below it per statement. */
const CHUNK_ROWS = 500;

async function insertChunked<T extends keyof Database & string>(trx: Transaction<Database>, table: T, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    // The rows are built below from the schema's own column names.
    await trx.insertInto(table).values(rows.slice(i, i + CHUNK_ROWS) as never).execute();
  }
}

async function isEmpty(trx: Transaction<Database>): Promise<boolean> {
  for (const table of ['membership_years', 'hubs', 'schools', 'ofsted_inspections'] as const) {
    const row = await trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(row.n) > 0) return false;
  }
  return true;
}

function need<V>(map: Map<string, V>, key: string, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Demo network refers to an unknown ${what} "${key}"`);
  return v;
}

/**
 * Loads the demo network into an empty database in one transaction, recorded as an import batch of
 * kind 'demo' so every fact has its provenance. Refuses a database that already holds data.
 */
export async function loadDemoNetwork(ctx: CoreContext, network: DemoNetwork = buildDemoNetwork(ctx.today())): Promise<DemoLoadResult> {
  const now = ctx.now().toISOString();
  const ofstedAsAt = demoOfstedAsAt(ctx.today());
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await isEmpty(trx))) {
      throw new HubdeskError('conflict', 'The demo network can only be loaded into an empty database. This one already holds hubs, schools or years.');
    }
    const summary = demoSummary(network);
    const batch = await trx
      .insertInto('import_batches')
      .values({
        kind: 'demo', file_name: 'hubdesk demo network', sha256: crypto.createHash('sha256').update(JSON.stringify(summary)).digest('hex'),
        source_as_at: ofstedAsAt, year_id: null, row_count: network.schools.length, summary_json: JSON.stringify(summary),
        created_by: ctx.user, created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batchId = batch.id;

    const yearIds = new Map<string, number>();
    for (const y of network.years) {
      const row = await trx
        .insertInto('membership_years')
        .values({ label: y.label, start_date: y.startDate, end_date: y.endDate, draft_plan_deadline: y.draftPlanDeadline, final_plan_deadline: y.finalPlanDeadline })
        .returning('id')
        .executeTakeFirstOrThrow();
      yearIds.set(y.label, row.id);
    }

    const staffIds = new Map<string, number>();
    for (const s of network.staff) {
      const row = await trx.insertInto('central_staff').values({ name: s.name, email: s.email, role: s.role }).returning('id').executeTakeFirstOrThrow();
      staffIds.set(s.name, row.id);
    }

    const hubIds = new Map<string, number>();
    for (const h of network.hubs) {
      const row = await trx
        .insertInto('hubs')
        .values({
          name: h.name, region: h.region, senior_partner_name: h.seniorPartner.name, senior_partner_email: h.seniorPartner.email,
          memberships_manager_id: need(staffIds, h.membershipsManager, 'memberships manager'), merged_into_hub_id: null, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      hubIds.set(h.name, row.id);
      await insertChunked(trx, 'hub_managers', h.managers.map((m) => ({ hub_id: row.id, name: m.name, email: m.email, phone: m.phone, focus: m.focus })));
    }

    const schoolIds = new Map<string, number>();
    for (const s of network.schools) {
      const row = await trx
        .insertInto('schools')
        .values({
          urn: s.urn, name: s.name, phase: s.phase, school_type: s.schoolType, local_authority: s.localAuthority, trust: s.trust, postcode: s.postcode,
          headteacher: s.headteacher, headteacher_since: s.headteacherSince, email: s.email, phone: s.phone, merged_into_school_id: null,
          import_batch_id: batchId, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      schoolIds.set(s.urn, row.id);
    }
    await insertChunked(
      trx,
      'contacts',
      network.schools.flatMap((s) => s.contacts.map((c) => ({ school_id: schoolIds.get(s.urn), role: c.role, name: c.name, email: c.email, phone: c.phone, import_batch_id: batchId }))),
    );
    await insertChunked(
      trx,
      'memberships',
      network.memberships.map((m) => ({
        school_id: need(schoolIds, m.urn, 'school'), hub_id: need(hubIds, m.hub, 'hub'), year_id: need(yearIds, m.year, 'year'), pupils: m.pupils,
        status: m.status, fee_invoiced_on: m.feeInvoicedOn, fee_paid_on: m.feePaidOn, import_batch_id: batchId, updated_at: now,
      })),
    );

    for (const i of network.inspections) {
      const row = await trx
        .insertInto('ofsted_inspections')
        .values({
          urn: i.urn, inspection_number: i.inspectionNumber, start_date: i.startDate, publication_date: i.publicationDate, inspection_type: i.inspectionType,
          framework: i.framework, category_of_concern: i.categoryOfConcern, outcome_text: i.outcomeText, import_batch_id: batchId, source_as_at: ofstedAsAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertChunked(trx, 'ofsted_judgements', i.judgements.map((j) => ({ inspection_id: row.id, area: j.area, grade: j.grade, grade_date: j.gradeDate })));
    }

    for (const r of network.reviews) {
      const row = await trx
        .insertInto('qa_reviews')
        .values({
          school_id: need(schoolIds, r.urn, 'school'), year_id: need(yearIds, r.year, 'year'), start_date: r.startDate, end_date: r.endDate, lead_reviewer: r.leadReviewer,
          estimate_leadership: r.estimates?.leadership ?? null, estimate_quality: r.estimates?.quality ?? null, estimate_disadvantaged: r.estimates?.disadvantaged ?? null,
          aoe_title: r.aoeTitle, aoe_accredited: r.aoeAccredited ? 1 : 0, report_received_on: r.reportReceivedOn, import_batch_id: batchId, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertChunked(trx, 'qa_review_points', r.points.map((p, position) => ({ review_id: row.id, kind: p.kind, heading: p.heading, text: p.text, position })));
      const assignmentIds = new Map<string, number>();
      for (const a of r.assignments) {
        const inserted = await trx
          .insertInto('reviewer_assignments')
          .values({
            review_id: row.id, home_school_id: need(schoolIds, a.homeUrn, 'school'), reviewer_name: a.reviewerName, reviewer_role: a.reviewerRole, status: a.status,
            replaces_assignment_id: a.replacesKey === null ? null : need(assignmentIds, a.replacesKey, 'assignment'), import_batch_id: batchId, updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        assignmentIds.set(a.key, inserted.id);
      }
    }
    await insertChunked(
      trx,
      'reviewer_trainings',
      network.trainings.map((t) => ({ school_id: need(schoolIds, t.urn, 'school'), person_name: t.personName, role: t.role, trained_on: t.trainedOn, import_batch_id: batchId })),
    );

    for (const m of network.meetings) {
      const row = await trx
        .insertInto('hub_meetings')
        .values({ hub_id: need(hubIds, m.hub, 'hub'), year_id: need(yearIds, m.year, 'year'), meeting_date: m.meetingDate, term: m.term, format: m.format, submitted_on: m.submittedOn, notes: m.notes })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertChunked(trx, 'meeting_attendance', m.attendance.map((a) => ({ meeting_id: row.id, school_id: need(schoolIds, a.urn, 'school'), attended: a.attended ? 1 : 0, representative: a.representative })));
    }

    const categories = await trx.selectFrom('spend_categories').select(['id', 'name']).execute();
    const categoryIds = new Map(categories.map((c) => [c.name, c.id]));
    for (const p of network.plans) {
      const row = await trx
        .insertInto('action_plans')
        .values({ hub_id: need(hubIds, p.hub, 'hub'), year_id: need(yearIds, p.year, 'year'), draft_submitted_on: p.draftSubmittedOn, final_submitted_on: p.finalSubmittedOn })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertChunked(
        trx,
        'action_plan_lines',
        p.lines.map((l, position) => ({
          plan_id: row.id, priority: l.priority, activity: l.activity, planned_pence: l.plannedPence, amount_as_typed: l.amountAsTyped,
          category_id: need(categoryIds, l.category, 'spend category'), eligible_schools: l.eligibleSchools, expected_impact: l.expectedImpact,
          open_to_other_hubs: l.openToOtherHubs ? 1 : 0, position,
        })),
      );
    }
    await insertChunked(
      trx,
      'claims',
      network.claims.map((c) => ({
        hub_id: need(hubIds, c.hub, 'hub'), year_id: need(yearIds, c.year, 'year'), claimed_on: c.claimedOn, amount_pence: c.amountPence, invoice_ref: c.invoiceRef,
        priority: c.priority, category_id: need(categoryIds, c.category, 'spend category'), description: c.description, status: c.status, paid_on: c.paidOn, updated_at: now,
      })),
    );
    await insertChunked(
      trx,
      'carry_forward_overrides',
      network.carryForwardOverrides.map((o) => ({
        hub_id: need(hubIds, o.hub, 'hub'), year_id: need(yearIds, o.year, 'year'), amount_pence: o.amountPence, reason: o.reason, set_by: 'demo', set_at: now,
      })),
    );

    // Support requests: the EBI is found by its school's review of that year and its text.
    for (const r of network.supportRequests) {
      const schoolId = need(schoolIds, r.urn, 'school');
      const ebi = r.ebi
        ? await trx
            .selectFrom('qa_review_points as p')
            .innerJoin('qa_reviews as q', 'q.id', 'p.review_id')
            .where('q.school_id', '=', schoolId)
            .where('q.year_id', '=', need(yearIds, r.ebi.year, 'year'))
            .where('p.kind', '=', 'ebi')
            .where('p.text', '=', r.ebi.text)
            .select('p.id')
            .executeTakeFirst()
        : null;
      if (r.ebi && !ebi) throw new Error(`Demo support request refers to an unknown EBI of ${r.urn}`);
      await trx
        .insertInto('support_requests')
        .values({
          school_id: schoolId, requested_on: r.requestedOn, area: r.area, ebi_point_id: ebi?.id ?? null,
          brokered_to_school_id: r.brokeredToUrn === null ? null : need(schoolIds, r.brokeredToUrn, 'school'), brokered_to: r.brokeredTo,
          status: r.status, notes: r.notes, created_at: `${r.requestedOn}T09:00:00.000Z`, updated_at: `${r.updatedOn}T16:00:00.000Z`,
        })
        .execute();
    }

    // Calls: recorded by the hub's Memberships Manager when they were held.
    for (const c of network.calls) {
      const heldAt = londonInstant(c.heldOn, c.time);
      const call = await trx
        .insertInto('calls')
        .values({
          hub_id: need(hubIds, c.hub, 'hub'), term: termOf(c.heldOn).id, held_on: c.heldOn, held_at: heldAt, kind: c.kind,
          attendees_json: JSON.stringify(c.attendees), notes: c.notes, created_by: c.recordedBy, created_at: heldAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertChunked(
        trx,
        'call_actions',
        c.actions.map((a, position) => ({
          call_id: call.id, text: a.text, owner: a.owner, due_on: a.dueOn, status: a.status, done_on: a.doneOn, position,
          updated_at: a.doneOn ? `${a.doneOn}T16:00:00.000Z` : heldAt,
        })),
      );
    }

    await recordAudit(trx, ctx, { action: 'load', entity: 'demo_network', entityId: batchId, after: summary, importBatchId: batchId });
    return { hubs: network.hubs.length, schools: network.schools.length, years: network.years.map((y) => y.label) };
  });
}
