import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import { schoolMergeForm } from '../../electron/core/merges/schools';
import { hubMergeForm } from '../../electron/core/merges/hubs';
import { schoolRecord } from '../../electron/core/records/schools';
import { membershipForm } from '../../electron/core/records/memberships';
import { hubRecord } from '../../electron/core/records/hubs';
import { lastChange, undoLastChange } from '../../electron/core/changes/undo-change';
import { hubFunding } from '../../shared/domain/funding';
import type { Store } from '../../electron/core/db/store';
import { openTestStore, type TestStore, storeHash, storeRows } from '../helpers/store';
import { expectRefused, viaDispatch } from '../helpers/records';
import { TEST_TODAY } from '../helpers/clock';

const mergeSchools = viaDispatch('mergeSchools');
const previewSchoolMerge = viaDispatch('previewSchoolMerge');
const mergeHubs = viaDispatch('mergeHubs');
const previewHubMerge = viaDispatch('previewHubMerge');
const updateSchool = viaDispatch('updateSchool');
const addMembership = viaDispatch('addMembership');
const updateHub = viaDispatch('updateHub');

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
}, 60_000);
afterAll(async () => {
  await t.close();
});

/** The school form's request for a record, with some fields changed. */
function edit(r: Awaited<ReturnType<typeof schoolRecord>>, change: Record<string, unknown>) {
  const { id, ...rest } = r;
  return { ...rest, schoolId: id, ...change } as Parameters<typeof updateSchool>[1];
}

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const env = await dispatch(t.ctx, method, request);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.value as ResponseOf<M>;
}

/**
 * Every table's rows as a sorted list (audit log left out): equal snapshots mean the same data,
 * whatever the rows' physical order (undo re-inserts a moved attendance row under a new rowid).
 */
/** Every table's rows (but the audit log's), each table's as a sorted list. */
function snapshot(store: Store): Promise<Record<string, string[]>> {
  return storeRows(store, ['audit_log']);
}

const school = (urn: string) => t.ctx.db.selectFrom('schools').where('urn', '=', urn).selectAll().executeTakeFirstOrThrow();
const hub = (name: string) => t.ctx.db.selectFrom('hubs').where('name', '=', name).selectAll().executeTakeFirstOrThrow();
const year = (label: string) => t.ctx.db.selectFrom('membership_years').where('label', '=', label).selectAll().executeTakeFirstOrThrow();
const countWhere = async (table: 'memberships' | 'qa_reviews' | 'reviewer_trainings' | 'contacts' | 'meeting_attendance' | 'support_requests', column: 'school_id', id: number) =>
  Number((await t.ctx.db.selectFrom(table).where(column, '=', id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const inspectionIds = async (urn: string) => (await t.ctx.db.selectFrom('ofsted_inspections').where('urn', '=', urn).select('id').execute()).map((r) => r.id);

// In the demo, Stanchester Academy (a Kingsbridge Hub member in 2025/26 only) and Ridgeway School
// (a member from 2026/27) stand for one school's old and new URN.
const OLD = '137080';
const NEW = '136556';

describe('merging two records of the same school', () => {
  it('previews what moves and the funding effect, writing nothing', async () => {
    const [old, kept] = [await school(OLD), await school(NEW)];
    const hash = (await storeHash(t.store));
    const p = await previewSchoolMerge(t.ctx, { fromSchoolId: old.id, intoSchoolId: kept.id });
    expect((await storeHash(t.store))).toBe(hash);
    expect(p.refusals).toEqual([]);
    const count = (what: string) => p.moves.find((m) => m.what === what)?.count;
    expect(count('memberships')).toBe(await countWhere('memberships', 'school_id', old.id));
    expect(count('QA reviews')).toBe(await countWhere('qa_reviews', 'school_id', old.id));
    expect(count('contacts')).toBe(await countWhere('contacts', 'school_id', old.id));
    expect(count('meeting attendance records')).toBe(await countWhere('meeting_attendance', 'school_id', old.id));
    expect(count('memberships')).toBeGreaterThan(0);
    expect(p.inspections.fromUrn).toBe((await inspectionIds(OLD)).length);
    // The membership stays in its hub, so the hub's funding is the same after (only the school's record changes).
    expect(p.funding.map((f) => f.year)).toEqual(['2025/26']);
    const h = p.funding[0]!.effect.hubs[0]!;
    expect(h.hub).toBe('Kingsbridge Hub');
    expect(h.after.fundingPence).toBe(h.before.fundingPence);
    expect(h.after.schools).toBe(h.before.schools);
  });

  it('moves every row keyed by the old record, keeps the old URN pointing at the kept school, and the dashboards and funding follow; undo restores exactly', async () => {
    const [old, kept] = [await school(OLD), await school(NEW)];
    // The kept record was also marked at one of the old record's meetings (absent): the two rows combine.
    const meeting = (await t.ctx.db.selectFrom('meeting_attendance').where('school_id', '=', old.id).where('attended', '=', 1).selectAll().executeTakeFirstOrThrow()).meeting_id;
    await t.ctx.db.insertInto('meeting_attendance').values({ meeting_id: meeting, school_id: kept.id, attended: 0, representative: null }).execute();
    // A support request brokered to the old record.
    const requester = (await school('101338')).id;
    await t.ctx.db
      .insertInto('support_requests')
      .values({ school_id: requester, requested_on: '2026-10-01', area: 'Phonics', ebi_point_id: null, brokered_to_school_id: old.id, brokered_to: null, status: 'brokered', notes: null, created_at: 'x', updated_at: 'x' })
      .execute();

    const kingsbridge = await hub('Kingsbridge Hub');
    const fundingBefore = await call('getHubFunding', { hubId: kingsbridge.id, year: '2025/26' });
    const before = (await snapshot(t.store));
    const moved = {
      memberships: await countWhere('memberships', 'school_id', old.id),
      reviews: await countWhere('qa_reviews', 'school_id', old.id),
      trainings: await countWhere('reviewer_trainings', 'school_id', old.id),
      contacts: await countWhere('contacts', 'school_id', old.id),
    };
    const keptHad = {
      memberships: await countWhere('memberships', 'school_id', kept.id),
      reviews: await countWhere('qa_reviews', 'school_id', kept.id),
      trainings: await countWhere('reviewer_trainings', 'school_id', kept.id),
      contacts: await countWhere('contacts', 'school_id', kept.id),
    };
    const sent = (await t.ctx.db.selectFrom('reviewer_assignments').where('home_school_id', '=', old.id).select('id').execute()).map((r) => r.id);
    expect(sent.length).toBeGreaterThan(0);

    const form = await schoolMergeForm(t.ctx, old.id);
    const into = await schoolRecord(t.ctx, kept.id);
    expect(form.choices.some((c) => c.id === kept.id)).toBe(true);
    expect(form.choices.some((c) => c.id === old.id)).toBe(false);
    const r = await mergeSchools(t.ctx, { fromSchoolId: old.id, intoSchoolId: kept.id, fromVersion: form.school.version, intoVersion: into.version });
    expect(r.summary).toMatch(/^Merged Stanchester Academy \(URN 137080\) into Ridgeway School \(URN 136556\): moved memberships \(1\), QA reviews \(1\)/);

    for (const k of ['memberships', 'reviews', 'trainings', 'contacts'] as const) {
      const table = { memberships: 'memberships', reviews: 'qa_reviews', trainings: 'reviewer_trainings', contacts: 'contacts' } as const;
      expect(await countWhere(table[k], 'school_id', old.id), k).toBe(0);
      expect(await countWhere(table[k], 'school_id', kept.id), k).toBe(keptHad[k] + moved[k]);
    }
    const assignments = await t.ctx.db.selectFrom('reviewer_assignments').where('id', 'in', sent).select('home_school_id').execute();
    expect(assignments.every((a) => a.home_school_id === kept.id)).toBe(true);
    expect(await countWhere('meeting_attendance', 'school_id', old.id)).toBe(0);
    const combined = await t.ctx.db.selectFrom('meeting_attendance').where('meeting_id', '=', meeting).where('school_id', '=', kept.id).selectAll().executeTakeFirstOrThrow();
    expect(combined.attended).toBe(1);
    expect((await t.ctx.db.selectFrom('support_requests').where('brokered_to_school_id', '=', old.id).select('id').execute()).length).toBe(0);
    expect((await school(OLD)).merged_into_school_id).toBe(kept.id);

    // The kept school's Ofsted history shows both URNs' inspections; its memberships include 2025/26.
    const dash = await call('schoolDashboard', { schoolId: kept.id, year: '2025/26' });
    const both = [...(await inspectionIds(OLD)), ...(await inspectionIds(NEW))].sort((a, b) => a - b);
    expect(both.length).toBeGreaterThan(2);
    expect(dash.ofsted.map((i) => i.id).sort((a, b) => a - b)).toEqual(both);
    expect(new Set(dash.ofsted.map((i) => i.urn))).toEqual(new Set([OLD, NEW]));
    expect(dash.memberships.map((m) => m.year).sort()).toEqual(['2025/26', '2026/27']);
    // The hub dashboard of 2025/26 lists the kept school with the old URN's inspections.
    const hubDash = await call('hubDashboard', { hubId: kingsbridge.id, year: '2025/26' });
    expect(hubDash.schools.some((s) => s.urn === NEW)).toBe(true);
    expect(hubDash.schools.some((s) => s.urn === OLD)).toBe(false);
    // Funding: the same figures, by the rules, with the kept school in the hub's list.
    const fundingAfter = await call('getHubFunding', { hubId: kingsbridge.id, year: '2025/26' });
    expect(fundingAfter.live.figures).toEqual(fundingBefore.live.figures);
    expect(fundingAfter.perSchool.map((s) => s.urn)).toContain(NEW);
    expect(fundingAfter.perSchool.map((s) => s.urn)).not.toContain(OLD);

    // The merged record cannot be edited or given a membership.
    const merged = await schoolRecord(t.ctx, old.id);
    await expectRefused(t, () => updateSchool(t.ctx, edit(merged, { name: 'X' })), 'validation', /was merged into another record/);

    expect((await lastChange(t.ctx))?.auditId).toBe(r.auditId);
    await undoLastChange(t.ctx, r.auditId);
    expect((await snapshot(t.store))).toEqual(before);
    expect((await call('schoolDashboard', { schoolId: kept.id })).ofsted.map((i) => i.urn).every((u) => u === NEW)).toBe(true);
  });

  it('refuses a merge into itself, into a merged record, of a merged record, and a stale version, writing nothing', async () => {
    const [old, kept] = [await school(OLD), await school(NEW)];
    await expectRefused(t, () => mergeSchools(t.ctx, { fromSchoolId: old.id, intoSchoolId: old.id, fromVersion: '0'.repeat(16), intoVersion: '0'.repeat(16) }), 'validation', /intoSchoolId: a school cannot be merged into itself/);

    const form = await schoolMergeForm(t.ctx, old.id);
    const into = await schoolRecord(t.ctx, kept.id);
    // Someone changes the kept school after the dialog loaded it.
    await updateSchool(t.ctx, edit(into, { phone: '01234 567890' }));
    await expectRefused(t, () => mergeSchools(t.ctx, { fromSchoolId: old.id, intoSchoolId: kept.id, fromVersion: form.school.version, intoVersion: into.version }), 'conflict', /changed Ridgeway School at \d\d:\d\d on/);
    await undoLastChange(t.ctx);

    const r = await mergeSchools(t.ctx, { fromSchoolId: old.id, intoSchoolId: kept.id, fromVersion: form.school.version, intoVersion: into.version });
    const third = await school('101338');
    const thirdVersion = (await schoolRecord(t.ctx, third.id)).version;
    const oldVersion = (await schoolRecord(t.ctx, old.id)).version;
    await expectRefused(t, () => mergeSchools(t.ctx, { fromSchoolId: third.id, intoSchoolId: old.id, fromVersion: thirdVersion, intoVersion: oldVersion }), 'validation', /Stanchester Academy \(URN 137080\) was merged into Ridgeway School \(URN 136556\): merge into that record instead/);
    await expectRefused(t, () => mergeSchools(t.ctx, { fromSchoolId: old.id, intoSchoolId: third.id, fromVersion: oldVersion, intoVersion: thirdVersion }), 'validation', /was already merged into Ridgeway School/);
    await undoLastChange(t.ctx, r.auditId);
  });

  it('refuses two records that are both members in the same year, or both host a review that year, naming the year and hubs', async () => {
    // Two Aspire Hub schools, both members in both years.
    const aspire = await hub('Aspire Hub');
    const y = await year('2026/27');
    const two = await t.ctx.db.selectFrom('memberships').where('hub_id', '=', aspire.id).where('year_id', '=', y.id).select('school_id').orderBy('school_id').limit(2).execute();
    const [a, b] = [await schoolRecord(t.ctx, two[0]!.school_id), await schoolRecord(t.ctx, two[1]!.school_id)];
    const p = await previewSchoolMerge(t.ctx, { fromSchoolId: a.id, intoSchoolId: b.id });
    expect(p.refusals.join('\n')).toMatch(new RegExp(`Both records are members in 2025/26 \\(${a.name} in Aspire Hub, ${b.name} in Aspire Hub\\)`));
    expect(p.refusals.join('\n')).toMatch(/Both records are members in 2026\/27/);
    await expectRefused(t, () => mergeSchools(t.ctx, { fromSchoolId: a.id, intoSchoolId: b.id, fromVersion: a.version, intoVersion: b.version }), 'validation', /Both records are members in 2025\/26 .*a person must resolve/);

    // The old record's 2025/26 review and a review of the kept record in the same year.
    const [old, kept] = [await school(OLD), await school(NEW)];
    const y1 = await year('2025/26');
    const keptReview = await t.ctx.db.selectFrom('qa_reviews').where('school_id', '=', kept.id).selectAll().executeTakeFirstOrThrow();
    const oldReview = await t.ctx.db.selectFrom('qa_reviews').where('school_id', '=', old.id).selectAll().executeTakeFirstOrThrow();
    expect(oldReview.year_id).toBe(y1.id);
    await t.ctx.db.updateTable('qa_reviews').set({ year_id: y1.id }).where('id', '=', keptReview.id).execute();
    try {
      const [ov, kv] = [(await schoolRecord(t.ctx, old.id)).version, (await schoolRecord(t.ctx, kept.id)).version];
      await expectRefused(t, () => mergeSchools(t.ctx, { fromSchoolId: old.id, intoSchoolId: kept.id, fromVersion: ov, intoVersion: kv }), 'validation', /Both records have a QA Review in 2025\/26 \(Stanchester Academy from \d{4}-\d\d-\d\d, Ridgeway School from/);
    } finally {
      await t.ctx.db.updateTable('qa_reviews').set({ year_id: keptReview.year_id }).where('id', '=', keptReview.id).execute();
    }
  });
});

describe('merging two hubs', () => {
  const members = async (hubId: number, label: string) =>
    t.ctx.db.selectFrom('memberships').where('hub_id', '=', hubId).where('year_id', '=', (await year(label)).id).select(['id', 'school_id', 'pupils']).execute();

  it('previews both hubs’ funding before → after by the rules, writing nothing', async () => {
    const [from, into] = [await hub('Kingsbridge Hub'), await hub('Kent Hub')];
    const form = await hubMergeForm(t.ctx, from.id);
    expect(form.currentYear).toBe('2026/27');
    expect(form.hubs.some((h) => h.id === from.id)).toBe(false);
    const hash = (await storeHash(t.store));
    const p = await previewHubMerge(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2026/27' });
    expect((await storeHash(t.store))).toBe(hash);
    expect(p.refusals).toEqual([]);
    expect(p.years).toEqual(['2026/27']);
    const [fm, im] = [await members(from.id, '2026/27'), await members(into.id, '2026/27')];
    const rule = (rows: { school_id: number; pupils: number }[]) => hubFunding(rows.map((r) => ({ schoolId: r.school_id, pupils: r.pupils }))).fundingPence;
    const [f, i] = p.funding[0]!.effect.hubs;
    expect(f!.before.fundingPence).toBe(rule(fm));
    expect(f!.after.fundingPence).toBe(0);
    expect(i!.before.fundingPence).toBe(rule(im));
    expect(i!.after.fundingPence).toBe(rule([...im, ...fm]));
    expect(i!.after.schools).toBe(fm.length + im.length);
    expect(p.moves.find((m) => m.what === 'memberships')?.count).toBe(fm.length);
  });

  it('moves the merge year’s memberships, meetings, claims and plan to the kept hub, leaves earlier years alone, and undo restores exactly', async () => {
    const [from, into] = [await hub('Kingsbridge Hub'), await hub('Kent Hub')];
    const [y1, y2] = [await year('2025/26'), await year('2026/27')];
    const earlier = await call('getHubFunding', { hubId: from.id, year: '2025/26' });
    const fm = await members(from.id, '2026/27');
    const im = await members(into.id, '2026/27');
    const claims = (await t.ctx.db.selectFrom('claims').where('hub_id', '=', from.id).where('year_id', '=', y2.id).select(['id', 'amount_pence', 'status']).execute());
    const lines = (await t.ctx.db.selectFrom('action_plan_lines').innerJoin('action_plans', 'action_plans.id', 'action_plan_lines.plan_id').where('action_plans.hub_id', '=', from.id).where('action_plans.year_id', '=', y2.id).select('action_plan_lines.id').execute()).map((l) => l.id);
    const keptPlanBefore = await call('getHubFunding', { hubId: into.id, year: '2026/27' });
    const hash = (await storeHash(t.store, ['audit_log']));

    const [fv, iv] = [(await hubRecord(t.ctx.db, from.id)).version, (await hubRecord(t.ctx.db, into.id)).version];
    const r = await mergeHubs(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2026/27', fromVersion: fv, intoVersion: iv });
    expect(r.summary).toMatch(/^Merged Kingsbridge Hub into Kent Hub from 2026\/27: moved memberships \(\d+\)/);

    expect(await members(from.id, '2026/27')).toEqual([]);
    expect((await members(into.id, '2026/27')).length).toBe(fm.length + im.length);
    expect((await members(from.id, '2025/26')).length).toBeGreaterThan(0);
    const moved = await t.ctx.db.selectFrom('claims').where('id', 'in', claims.map((c) => c.id)).select('hub_id').execute();
    expect(moved.every((c) => c.hub_id === into.id)).toBe(true);
    expect(await t.ctx.db.selectFrom('hub_meetings').where('hub_id', '=', from.id).where('year_id', '=', y2.id).select('id').execute()).toEqual([]);
    expect((await t.ctx.db.selectFrom('hub_meetings').where('hub_id', '=', from.id).where('year_id', '=', y1.id).select('id').execute()).length).toBeGreaterThan(0);
    const merged = await hub('Kingsbridge Hub');
    expect(merged.merged_into_hub_id).toBe(into.id);
    expect(merged.merged_from_year_id).toBe(y2.id);

    // Funding: the kept hub's figures are the rule applied to both hubs' schools; its plan holds both plans' lines.
    const kept = await call('getHubFunding', { hubId: into.id, year: '2026/27' });
    const all = [...im, ...fm];
    expect(kept.live.figures.schools).toBe(all.length);
    expect(kept.live.figures.fundingPence).toBe(hubFunding(all.map((m) => ({ schoolId: m.school_id, pupils: m.pupils }))).fundingPence);
    expect(kept.plan.lines.map((l) => l.id)).toEqual(expect.arrayContaining(lines));
    expect(kept.plan.lines.length).toBe(keptPlanBefore.plan.lines.length + lines.length);
    expect(kept.claims.length).toBe(keptPlanBefore.claims.length + claims.length);
    // Earlier years are untouched.
    const after = await call('getHubFunding', { hubId: from.id, year: '2025/26' });
    expect(after.live.figures).toEqual(earlier.live.figures);
    expect(after.claims).toEqual(earlier.claims);

    // No longer offered for new memberships; still listed in the years before the merge.
    const leaver = (await school(OLD)).id;
    expect((await membershipForm(t.ctx, { schoolId: leaver, year: '2026/27' })).hubs.some((h) => h.id === from.id)).toBe(false);
    await expectRefused(t, () => addMembership(t.ctx, { schoolId: leaver, hubId: from.id, year: '2026/27', pupils: 500, status: 'renewing' }), 'validation', /Kingsbridge Hub was merged into another hub/);
    expect((await call('listHubs', { year: '2025/26' })).some((h) => h.id === from.id)).toBe(true);
    expect((await call('listHubs', { year: '2026/27' })).some((h) => h.id === from.id)).toBe(false);
    // The Network page follows the same rule: the merged hub is history in 2025/26, gone from 2026/27.
    expect((await call('networkDashboard', { year: '2025/26' })).hubs.some((h) => h.hubId === from.id)).toBe(true);
    expect((await call('networkDashboard', { year: '2026/27' })).hubs.some((h) => h.hubId === from.id)).toBe(false);
    expect((await hubMergeForm(t.ctx, from.id)).hub.mergedInto).toEqual({ id: into.id, name: 'Kent Hub', fromYear: '2026/27' });

    await undoLastChange(t.ctx, r.auditId);
    expect((await storeHash(t.store, ['audit_log']))).toBe(hash);
  });

  it('from an earlier year: every year from it moves, a plan moves whole where the kept hub has none, and undo restores exactly', async () => {
    // Belleville Hub has no 2026/27 plan in the demo; Kingsbridge Hub has one for both years.
    const [from, into] = [await hub('Kingsbridge Hub'), await hub('Belleville Hub')];
    const [y1, y2] = [await year('2025/26'), await year('2026/27')];
    const plans = await t.ctx.db.selectFrom('action_plans').where('hub_id', '=', from.id).select(['id', 'year_id']).orderBy('year_id').execute();
    expect(plans.map((p) => p.year_id).sort()).toEqual([y1.id, y2.id].sort());
    expect(await t.ctx.db.selectFrom('action_plans').where('hub_id', '=', into.id).where('year_id', '=', y2.id).select('id').execute()).toEqual([]);
    const hash = (await storeHash(t.store, ['audit_log']));
    const p = await previewHubMerge(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2025/26' });
    expect(p.years).toEqual(['2025/26', '2026/27']);
    expect(p.funding.map((f) => f.year)).toEqual(['2025/26', '2026/27']);
    expect(p.moves.find((m) => m.what === 'Hub Action Plans')?.count).toBe(1);

    const r = await mergeHubs(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2025/26', fromVersion: p.from.version, intoVersion: p.into.version });
    expect(await t.ctx.db.selectFrom('memberships').where('hub_id', '=', from.id).select('id').execute()).toEqual([]);
    const moved = await t.ctx.db.selectFrom('action_plans').where('id', '=', plans.find((x) => x.year_id === y2.id)!.id).select('hub_id').executeTakeFirstOrThrow();
    expect(moved.hub_id).toBe(into.id);
    // The 2025/26 plan's lines joined Belleville's 2025/26 plan; its own row is gone until undo.
    expect(await t.ctx.db.selectFrom('action_plans').where('id', '=', plans.find((x) => x.year_id === y1.id)!.id).select('id').execute()).toEqual([]);
    expect((await call('listHubs', { year: '2025/26' })).some((h) => h.id === from.id)).toBe(false);
    expect((await call('networkDashboard', { year: '2025/26' })).hubs.some((h) => h.hubId === from.id)).toBe(false);
    await undoLastChange(t.ctx, r.auditId);
    expect((await storeHash(t.store, ['audit_log']))).toBe(hash);
  });

  it('refuses a merge into itself, into a merged hub, an unknown year, a stale version and a funding lock, writing nothing', async () => {
    const [from, into, third] = [await hub('Kingsbridge Hub'), await hub('Kent Hub'), await hub('Aspire Hub')];
    const v = async (id: number) => (await hubRecord(t.ctx.db, id)).version;
    await expectRefused(t, () => mergeHubs(t.ctx, { fromHubId: from.id, intoHubId: from.id, year: '2026/27', fromVersion: '0'.repeat(16), intoVersion: '0'.repeat(16) }), 'validation', /intoHubId: a hub cannot be merged into itself/);
    await expectRefused(t, async () => mergeHubs(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2031/32', fromVersion: await v(from.id), intoVersion: await v(into.id) }), 'validation', /year: there is no membership year 2031\/32/);

    // Stale: the kept hub was renamed after the dialog loaded it.
    const [fv, iv] = [await v(from.id), await v(into.id)];
    const rec = await hubRecord(t.ctx.db, into.id);
    await updateHub(t.ctx, { hubId: into.id, version: rec.version, name: 'Kent Hub', region: 'Kent', seniorPartner: rec.seniorPartner, seniorPartnerEmail: rec.seniorPartnerEmail, membershipsManagerId: rec.membershipsManagerId, hubManagers: rec.hubManagers });
    await expectRefused(t, () => mergeHubs(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2026/27', fromVersion: fv, intoVersion: iv }), 'conflict', /changed Kent Hub at \d\d:\d\d on/);
    await undoLastChange(t.ctx);

    // Into a merged hub.
    const r = await mergeHubs(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2026/27', fromVersion: fv, intoVersion: iv });
    const [iv2, fv2] = [await v(into.id), await v(from.id)];
    await expectRefused(t, () => mergeHubs(t.ctx, { fromHubId: into.id, intoHubId: from.id, year: '2026/27', fromVersion: iv2, intoVersion: fv2 }), 'validation', /Kingsbridge Hub was merged into Kent Hub: merge into that hub instead/);
    const p = await previewHubMerge(t.ctx, { fromHubId: from.id, intoHubId: third.id, year: '2026/27' });
    expect(p.refusals).toEqual(['Kingsbridge Hub was already merged into Kent Hub from 2026/27.']);
    await undoLastChange(t.ctx, r.auditId);

    // A funding lock on either hub for the merge year.
    await call('lockFunding', { year: '2026/27', hubId: into.id });
    const locked = await previewHubMerge(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2026/27' });
    expect(locked.refusals).toEqual([expect.stringMatching(new RegExp(`^Kent Hub's funding for 2026/27 is locked \\(by tester on ${TEST_TODAY}\\): merging would change locked figures`))]);
    await expectRefused(t, async () => mergeHubs(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2025/26', fromVersion: await v(from.id), intoVersion: await v(into.id) }), 'validation', /Kent Hub's funding for 2026\/27 is locked/);
  });
});
