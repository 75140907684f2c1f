import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { fundingOverview } from '../../electron/core/funding/overview';
import type { HubDashboard, NetworkDashboard, SchoolDashboard } from '../../shared/contract/dashboards';
import { reviewTeamSize } from '../../shared/domain/review-team';
import { reviewerCommitment, type OutgoingAssignment } from '../../shared/domain/reviewer-commitment';
import { ofstedProfileKeyFor, type OfstedInspection } from '../../shared/domain/ofsted';
import type { ReviewerStatus, OfstedFramework } from '../../shared/domain/vocabulary';
import { openTestStore, type TestStore } from '../helpers/store';
import { TEST_TODAY } from '../helpers/clock';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function call<T>(method: string, payload: unknown): Promise<T> {
  const r = await dispatch(t.ctx, method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

const TODAY = TEST_TODAY;

/** Raw rows, read straight from the tables, for checking the dashboards independently. */
async function rawInspections(urn: string): Promise<(OfstedInspection & { id: number })[]> {
  const rows = await t.ctx.db.selectFrom('ofsted_inspections').where('urn', '=', urn).selectAll().execute();
  const out = [];
  for (const r of rows) {
    const js = await t.ctx.db.selectFrom('ofsted_judgements').where('inspection_id', '=', r.id).selectAll().execute();
    out.push({
      id: r.id,
      startDate: r.start_date,
      publicationDate: r.publication_date,
      framework: r.framework as OfstedFramework,
      inspectionType: r.inspection_type,
      categoryOfConcern: r.category_of_concern,
      outcomeText: r.outcome_text,
      judgements: js.map((j) => ({ area: j.area, grade: j.grade, gradeDate: j.grade_date })),
    });
  }
  return out;
}

describe('hub dashboard on the demo network', () => {
  let aspire: HubDashboard;
  beforeAll(async () => {
    aspire = await call<HubDashboard>('hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' });
  });

  it('has one row per member school of Aspire Hub in 2026/27, with its Hub Managers', async () => {
    expect(aspire.schools).toHaveLength(19);
    expect(aspire.hub.hubManagers.map((m) => `${m.name} (${m.focus})`)).toContain('Emma Ford (Primary)');
    expect(aspire.summary.pupils).toBe(aspire.schools.reduce((n, s) => n + s.pupils, 0));
    expect(aspire.today).toBe(TODAY);
  });

  it('finds the hub by name whatever the case and spacing, and by id, with the same figures', async () => {
    const byName = await call<HubDashboard>('hubDashboard', { hubName: '  aspire   HUB ', year: '2026/27' });
    const byId = await call<HubDashboard>('hubDashboard', { hubId: aspire.hub.id, year: '2026/27' });
    expect(byName).toEqual(aspire);
    expect(byId).toEqual(aspire);
  });

  it('gives every school the reviewer commitment computed independently from the raw assignment rows', async () => {
    const yearId = (await t.ctx.db.selectFrom('membership_years').where('label', '=', '2026/27').select('id').executeTakeFirstOrThrow()).id;
    let someDropped = 0;
    const statuses = new Set<string>();
    for (const s of aspire.schools) {
      const membership = await t.ctx.db.selectFrom('memberships').where('school_id', '=', s.schoolId).where('year_id', '=', yearId).selectAll().executeTakeFirstOrThrow();
      const school = await t.ctx.db.selectFrom('schools').where('id', '=', s.schoolId).selectAll().executeTakeFirstOrThrow();
      const sent = await t.ctx.db
        .selectFrom('reviewer_assignments')
        .innerJoin('qa_reviews', 'qa_reviews.id', 'reviewer_assignments.review_id')
        .where('reviewer_assignments.home_school_id', '=', s.schoolId)
        .where('qa_reviews.year_id', '=', yearId)
        .select(['reviewer_assignments.id', 'reviewer_assignments.status', 'reviewer_assignments.reviewer_name', 'qa_reviews.start_date'])
        .execute();
      const outgoing: OutgoingAssignment[] = [];
      for (const a of sent) {
        const rep = await t.ctx.db.selectFrom('reviewer_assignments').where('replaces_assignment_id', '=', a.id).selectAll().executeTakeFirst();
        const training = await t.ctx.db
          .selectFrom('reviewer_trainings')
          .where('person_name', '=', a.reviewer_name)
          .select((eb) => eb.fn.min<string>('trained_on').as('first'))
          .executeTakeFirst();
        outgoing.push({ status: a.status as ReviewerStatus, reviewDate: a.start_date, trainedOn: training?.first ?? null, replacedBy: rep ? { homeSchoolId: rep.home_school_id } : null });
      }
      const expected = reviewerCommitment({ commitment: reviewTeamSize(membership.pupils, school.phase), outgoing, today: TODAY });
      expect(s.reviewers, s.name).toMatchObject({
        owed: expected.commitment,
        attended: expected.attended,
        booked: expected.booked,
        dropped: expected.dropped,
        shortfall: expected.shortfall,
        status: expected.status,
        awaitingConfirmation: expected.awaitingConfirmation,
        droppedReplaced: expected.droppedReplaced,
      });
      someDropped += expected.dropped;
      statuses.add(expected.status);
    }
    // The demo exercises more than one status, and drop-outs, so the comparison means something.
    expect(statuses.size).toBeGreaterThan(1);
    expect(someDropped + aspire.schools.reduce((n, s) => n + s.reviewers.attended, 0)).toBeGreaterThan(0);
    expect(aspire.summary.commitment.met + aspire.summary.commitment['on track'] + aspire.summary.commitment.behind).toBe(19);
  });

  it('profiles the latest Ofsted grades by framework, exactly as the rule buckets each school', async () => {
    for (const s of aspire.schools) {
      expect(s.ofsted.profileKey, s.name).toBe(ofstedProfileKeyFor(await rawInspections(s.urn)));
    }
    const total = aspire.summary.ofstedProfile.reduce((n, b) => n + b.count, 0);
    expect(total).toBe(19);
  });

  it('never shows an overall grade for an interim inspection or a report card, and dates every grade', async () => {
    const network = await call<NetworkDashboard>('networkDashboard', { year: '2026/27' });
    let reportCards = 0;
    for (const h of network.hubs.slice(0, 12)) {
      const d = await call<HubDashboard>('hubDashboard', { hubId: h.hubId, year: '2026/27' });
      for (const s of d.schools) {
        const i = s.ofsted.latestGraded;
        if (!i) continue;
        if (i.framework !== 'oeif') expect(i.overall.code, `${s.name} ${i.framework}`).toBeNull();
        if (i.framework === 'report_card') {
          reportCards += 1;
          expect(i.overall.label).toMatch(/no overall grade/i);
          expect(s.ofsted.profileKey).toBe('Report card');
        }
        for (const j of i.judgements) expect(j.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(i.overall.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(reportCards).toBeGreaterThan(0);
  });

  it('flags a school placed in a category of concern this academic year, with the inspection that triggered it', async () => {
    const concern = await t.ctx.db
      .selectFrom('ofsted_inspections')
      .where('category_of_concern', 'is not', null)
      .where('start_date', '>=', '2026-09-01')
      .select(['id', 'urn', 'start_date'])
      .executeTakeFirstOrThrow();
    const membership = await t.ctx.db
      .selectFrom('memberships')
      .innerJoin('schools', 'schools.id', 'memberships.school_id')
      .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
      .where('schools.urn', '=', concern.urn)
      .where('membership_years.label', '=', '2026/27')
      .select(['memberships.hub_id'])
      .executeTakeFirstOrThrow();
    const d = await call<HubDashboard>('hubDashboard', { hubId: membership.hub_id, year: '2026/27' });
    const row = d.schools.find((s) => s.urn === concern.urn)!;
    expect(row.vulnerable.flagged).toBe(true);
    expect(row.vulnerable.triggeredBy.map((i) => i.id)).toContain(concern.id);
    expect(row.vulnerable.reasons.join(' ')).toContain(concern.start_date);
    expect(d.summary.vulnerable).toBe(d.schools.filter((s) => s.vulnerable.flagged).length);
    // A school that is not flagged carries no triggering inspections.
    for (const s of d.schools.filter((x) => !x.vulnerable.flagged)) expect(s.vulnerable.triggeredBy).toEqual([]);
  });

  it('lists upcoming reviews from today, in date order, with their team size', () => {
    expect(aspire.upcomingReviews.length).toBeGreaterThan(0);
    for (const r of aspire.upcomingReviews) {
      expect(r.endDate >= TODAY).toBe(true);
      expect(r.teamSize).toBeGreaterThanOrEqual(2);
      expect(r.filled).toBe(r.reviewers.filter((x) => x.status !== 'dropped').length);
    }
    const dates = aspire.upcomingReviews.map((r) => r.startDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('says where each panel came from and as at when', () => {
    for (const [panel, notes] of Object.entries(aspire.sources)) {
      expect(notes.length, panel).toBeGreaterThan(0);
      for (const n of notes) expect(n.asAt, `${panel}: ${n.what}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(aspire.sources.ofsted.map((n) => n.asAt)).toContain('2026-10-31');
    expect(aspire.sources.ofsted.map((n) => n.source)).toContain('hubdesk demo network');
  });

  it('shows the same funding as the Funding page', async () => {
    const overview = await fundingOverview(t.ctx, '2026/27');
    const row = overview.hubs.find((h) => h.hubId === aspire.hub.id)!;
    expect(aspire.funding.totalAvailablePence).toBe(row.totalAvailablePence);
    expect(aspire.funding.totalAvailablePence).toBe(3_858_977);
    expect(aspire.funding.release.conditions).toHaveLength(3);
  });

  it('loads a hub with the same number of queries whatever its size (no query per school)', async () => {
    let count = 0;
    const logged = t.ctx.db.withPlugin({
      transformQuery: (args) => {
        count += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const ctx = { ...t.ctx, db: logged };
    const network = await call<NetworkDashboard>('networkDashboard', { year: '2026/27' });
    const sizes = [...network.hubs].sort((a, b) => a.schools - b.schools);
    const small = sizes.find((h) => h.schools >= 3)!;
    const large = sizes[sizes.length - 1]!;
    expect(large.schools).toBeGreaterThan(small.schools * 2);
    const counts: number[] = [];
    for (const h of [small, large]) {
      // Computed, not read from what is kept in memory (db/store-cache.ts): as after any change.
      t.store.bumpGeneration();
      count = 0;
      const r = await dispatch(ctx, 'hubDashboard', { hubId: h.hubId, year: '2026/27' });
      expect(r.ok).toBe(true);
      counts.push(count);
    }
    // Only queries skipped for an empty set (no drop-outs, no meetings) may differ: never one per school.
    expect(Math.abs(counts[1]! - counts[0]!)).toBeLessThanOrEqual(3);
    expect(counts[1]!).toBeLessThan(large.schools + 20);
  });

  it('refuses an unknown hub with a clear message', async () => {
    const r = await dispatch(t.ctx, 'hubDashboard', { hubName: 'Atlantis Hub' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('not_found');
      expect(r.error.message).toMatch(/no hub named “Atlantis Hub”/);
    }
    const both = await dispatch(t.ctx, 'hubDashboard', { hubName: 'Aspire Hub', hubId: 1 });
    expect(both.ok).toBe(false);
    const missingYear = await dispatch(t.ctx, 'hubDashboard', { hubName: 'Aspire Hub', year: '2030/31' });
    expect(missingYear.ok).toBe(false);
    if (!missingYear.ok) expect(missingYear.error.message).toMatch(/no membership year 2030\/31/);
  });
});

describe('network dashboard', () => {
  it('covers every hub, with totals that add up and the same Aspire figures as its hub dashboard', async () => {
    const n = await call<NetworkDashboard>('networkDashboard', {});
    expect(n.year).toBe('2026/27');
    expect(n.hubs.length).toBeGreaterThanOrEqual(30);
    expect(n.totals.schools).toBe(n.hubs.reduce((s, h) => s + h.schools, 0));
    const aspire = n.hubs.find((h) => h.name === 'Aspire Hub')!;
    const hub = await call<HubDashboard>('hubDashboard', { hubId: aspire.hubId });
    expect(aspire.schools).toBe(19);
    expect(aspire.commitment).toEqual(hub.summary.commitment);
    expect(aspire.ofstedProfile).toEqual(hub.summary.ofstedProfile);
    expect(aspire.qaProfile).toEqual(hub.summary.qaProfile);
    expect(aspire.vulnerable).toBe(hub.summary.vulnerable);
    expect(n.totals.vulnerable).toBeGreaterThan(0);
    for (const h of n.hubs) {
      expect(h.ofstedProfile.reduce((s, b) => s + b.count, 0)).toBe(h.schools);
      expect(h.commitment.met + h.commitment['on track'] + h.commitment.behind).toBe(h.schools);
    }
  });

  it('counts every hub exactly as its hub dashboard does (the network reads its own narrower rows)', async () => {
    const n = await call<NetworkDashboard>('networkDashboard', { year: '2026/27' });
    for (const row of n.hubs) {
      const hub = await call<HubDashboard>('hubDashboard', { hubId: row.hubId, year: '2026/27' });
      expect(row.schools, row.name).toBe(hub.summary.schools);
      expect(row.pupils, row.name).toBe(hub.summary.pupils);
      expect(row.ofstedProfile, row.name).toEqual(hub.summary.ofstedProfile);
      expect(row.qaProfile, row.name).toEqual(hub.summary.qaProfile);
      expect(row.commitment, row.name).toEqual(hub.summary.commitment);
      expect(row.vulnerable, row.name).toBe(hub.summary.vulnerable);
      expect(row.vulnerableSchools, row.name).toEqual(hub.schools.filter((s) => s.vulnerable.flagged).map((s) => s.name));
      expect(row.reviewedThisYear, row.name).toBe(hub.schools.filter((s) => s.qa.latest?.yearLabel === '2026/27').length);
    }
  });
});

describe('school dashboard', () => {
  it('shows the whole Ofsted history, every WWW and EBI under its heading, and the reviewer record', async () => {
    const rc = await t.ctx.db
      .selectFrom('ofsted_inspections')
      .innerJoin('schools', 'schools.urn', 'ofsted_inspections.urn')
      .where('framework', '=', 'report_card')
      .select(['schools.id', 'schools.urn'])
      .executeTakeFirstOrThrow();
    const d = await call<SchoolDashboard>('schoolDashboard', { schoolId: rc.id });
    const raw = await rawInspections(rc.urn);
    expect(d.ofsted).toHaveLength(raw.length);
    expect(d.ofsted.map((i) => i.startDate)).toEqual([...raw.map((i) => i.startDate)].sort().reverse());
    for (const i of d.ofsted) if (i.framework !== 'oeif') expect(i.overall.code).toBeNull();

    const reviews = await t.ctx.db.selectFrom('qa_reviews').where('school_id', '=', rc.id).select('id').execute();
    expect(d.reviews).toHaveLength(reviews.length);
    for (const r of d.reviews) {
      const points = await t.ctx.db.selectFrom('qa_review_points').where('review_id', '=', r.reviewId).selectAll().execute();
      const shown = r.headings.flatMap((h) => [...h.www.map((p) => ({ ...p, kind: 'www', heading: h.key })), ...h.ebi.map((p) => ({ ...p, kind: 'ebi', heading: h.key }))]);
      expect(shown).toHaveLength(points.length);
      for (const p of points) expect(shown).toContainEqual({ id: p.id, text: p.text, kind: p.kind, heading: p.heading });
      expect(r.headings.slice(0, 3).map((h) => h.key)).toEqual(['leadership', 'quality', 'disadvantaged']);
    }
    const sent = await t.ctx.db.selectFrom('reviewer_assignments').where('home_school_id', '=', rc.id).select('id').execute();
    expect(d.reviewerRecord).toHaveLength(sent.length);
    expect(d.memberships.length).toBeGreaterThan(0);
  });

  it('shows who replaced a dropped reviewer', async () => {
    const replacement = await t.ctx.db
      .selectFrom('reviewer_assignments')
      .where('replaces_assignment_id', 'is not', null)
      .select(['replaces_assignment_id', 'reviewer_name'])
      .executeTakeFirstOrThrow();
    const dropped = await t.ctx.db.selectFrom('reviewer_assignments').where('id', '=', replacement.replaces_assignment_id!).selectAll().executeTakeFirstOrThrow();
    const d = await call<SchoolDashboard>('schoolDashboard', { schoolId: dropped.home_school_id });
    const row = d.reviewerRecord.find((r) => r.assignmentId === dropped.id)!;
    expect(row.status).toBe('dropped');
    expect(row.replacedBy?.name).toBe(replacement.reviewer_name);
  });

  it('refuses an unknown school', async () => {
    const r = await dispatch(t.ctx, 'schoolDashboard', { schoolId: 999_999 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/no school with id 999999/);
  });
});
