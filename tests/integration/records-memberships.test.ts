import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { createContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { membershipForm } from '../../electron/core/records/memberships';
import { lastChange, undoLastChange } from '../../electron/core/changes/undo-change';
import { hubFunding } from '../../shared/domain/funding';
import { openTestStore, TEST_NOW, type TestStore, storeHash } from '../helpers/store';
import { expectRefused, viaDispatch } from '../helpers/records';

const addMembership = viaDispatch('addMembership');
const previewMembershipChange = viaDispatch('previewMembershipChange');
const updateMembership = viaDispatch('updateMembership');

let t: TestStore;
const YEAR = '2026/27';
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

async function hubId(name: string): Promise<number> {
  return (await t.ctx.db.selectFrom('hubs').where('name', '=', name).select('id').executeTakeFirstOrThrow()).id;
}
async function yearId(label = YEAR): Promise<number> {
  return (await t.ctx.db.selectFrom('membership_years').where('label', '=', label).select('id').executeTakeFirstOrThrow()).id;
}
/** A hub's funding from the stored rows and the domain rule alone. */
async function storedFunding(hub: number): Promise<number> {
  const rows = await t.ctx.db.selectFrom('memberships').where('hub_id', '=', hub).where('year_id', '=', await yearId()).select(['school_id', 'pupils']).execute();
  return hubFunding(rows.map((r) => ({ schoolId: r.school_id, pupils: r.pupils }))).fundingPence;
}
/** A school of the hub with more than 427 pupils (so a move changes the formula). */
async function bigSchoolOf(hub: number) {
  return t.ctx.db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .where('memberships.hub_id', '=', hub)
    .where('memberships.year_id', '=', await yearId())
    .where('memberships.pupils', '>', 900)
    .select(['schools.id', 'schools.name', 'memberships.id as membershipId', 'memberships.pupils'])
    .orderBy('memberships.pupils', 'desc')
    .executeTakeFirstOrThrow();
}
async function otherHub(not: number): Promise<number> {
  const rows = await t.ctx.db.selectFrom('hubs').where('id', '!=', not).where('merged_into_hub_id', 'is', null).select('id').orderBy('name').execute();
  return rows[3]!.id;
}

describe('membership changes', () => {
  it('previews a move with both hubs’ funding before → after, writing nothing, and the move gives exactly that', async () => {
    const aspire = await hubId('Aspire Hub');
    const target = await otherHub(aspire);
    const school = await bigSchoolOf(aspire);
    const form = await membershipForm(t.ctx, { schoolId: school.id, year: YEAR });
    expect(form.membership?.hubId).toBe(aspire);
    const [aspireBefore, targetBefore] = [await storedFunding(aspire), await storedFunding(target)];

    const hash = (await storeHash(t.store));
    const effect = await previewMembershipChange(t.ctx, { kind: 'update', change: { membershipId: school.membershipId, version: form.membership!.version, hubId: target } });
    expect((await storeHash(t.store))).toBe(hash);
    const from = effect.hubs.find((h) => h.hubId === aspire)!;
    const to = effect.hubs.find((h) => h.hubId === target)!;
    expect(from.before.fundingPence).toBe(aspireBefore);
    expect(to.before.fundingPence).toBe(targetBefore);
    expect(from.after.schools).toBe(from.before.schools - 1);
    expect(to.after.schools).toBe(to.before.schools + 1);

    const res = await updateMembership(t.ctx, { membershipId: school.membershipId, version: form.membership!.version, hubId: target });
    expect(res.record.hubId).toBe(target);
    expect(res.summary).toContain(`moved from Aspire Hub to ${res.record.hub}`);
    expect(await storedFunding(aspire)).toBe(from.after.fundingPence);
    expect(await storedFunding(target)).toBe(to.after.fundingPence);
    expect(from.after.fundingPence).not.toBe(from.before.fundingPence);

    const audit = await t.ctx.db.selectFrom('audit_log').where('id', '=', res.auditId).selectAll().executeTakeFirstOrThrow();
    expect(audit.action).toBe('records.membership.update');
    expect(JSON.parse(audit.before_json!).rows[`memberships:${school.membershipId}`].hub_id).toBe(aspire);
    expect(JSON.parse(audit.after_json!).rows[`memberships:${school.membershipId}`].hub_id).toBe(target);

    // Undo puts every row back as it was (only the audit log grows) and is itself audited.
    const withoutAudit = (await storeHash(t.store, ['audit_log']));
    await updateMembership(t.ctx, { membershipId: school.membershipId, version: res.record.version, feeInvoicedOn: '2026-10-01' });
    expect((await lastChange(t.ctx))?.summary).toContain('fee invoiced 2026-10-01');
    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(withoutAudit);
    await undoLastChange(t.ctx);
    expect(await storedFunding(aspire)).toBe(aspireBefore);
    expect(await storedFunding(target)).toBe(targetBefore);
    const undo = await t.ctx.db.selectFrom('audit_log').where('action', '=', 'records.undo').orderBy('id', 'desc').selectAll().executeTakeFirstOrThrow();
    expect(undo.entity_id).toBe(String(res.auditId));
  });

  it('marks a school leaving and records the fee invoiced and paid; funding is unchanged by leaving', async () => {
    const aspire = await hubId('Aspire Hub');
    const school = await bigSchoolOf(aspire);
    const form = await membershipForm(t.ctx, { schoolId: school.id, year: YEAR });
    const effect = await previewMembershipChange(t.ctx, { kind: 'update', change: { membershipId: school.membershipId, version: form.membership!.version, status: 'leaving' } });
    expect(effect.hubs).toHaveLength(1);
    expect(effect.hubs[0]!.changePence).toBe(0);
    const left = await updateMembership(t.ctx, { membershipId: school.membershipId, version: form.membership!.version, status: 'leaving' });
    expect(left.record.status).toBe('leaving');
    // The demo school has paid: marking it paid again is refused, saying so; the date is corrected by clearing it first.
    expect(left.record.feePaidOn).not.toBeNull();
    await expectRefused(
      t,
      () => updateMembership(t.ctx, { membershipId: school.membershipId, version: left.record.version, feePaidOn: '2026-10-02' }),
      'validation',
      /^feePaidOn: .*’s 2026\/27 fee is already recorded as paid on \d+ \w+ 2026; to correct the date, clear it first$/,
    );
    const cleared = await updateMembership(t.ctx, { membershipId: school.membershipId, version: left.record.version, feePaidOn: null });
    const paid = await updateMembership(t.ctx, { membershipId: school.membershipId, version: cleared.record.version, feeInvoicedOn: '2026-09-10', feePaidOn: '2026-10-02' });
    expect(paid.record).toMatchObject({ feeInvoicedOn: '2026-09-10', feePaidOn: '2026-10-02', status: 'leaving' });
    // The same date again is no change, not a second payment.
    await expectRefused(t, () => updateMembership(t.ctx, { membershipId: school.membershipId, version: paid.record.version, feePaidOn: '2026-10-02' }), 'validation', /Nothing to change/);
    await undoLastChange(t.ctx);
    await undoLastChange(t.ctx);
    await undoLastChange(t.ctx);
    const back = await membershipForm(t.ctx, { schoolId: school.id, year: YEAR });
    expect(back.membership).toEqual(form.membership);
  });

  it('adds a school that is not a member this year, and refuses adding one that is', async () => {
    const y = await yearId();
    const lastYear = await yearId('2025/26');
    const leaver = await t.ctx.db
      .selectFrom('memberships as m')
      .where('m.year_id', '=', lastYear)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('memberships as n').whereRef('n.school_id', '=', 'm.school_id').where('n.year_id', '=', y).select('n.id'))))
      .select(['m.school_id'])
      .executeTakeFirst();
    const aspire = await hubId('Aspire Hub');
    let schoolId = leaver?.school_id;
    if (!schoolId) {
      schoolId = Number((await t.ctx.db.insertInto('schools').values({ urn: '999001', name: 'Test Free School', created_at: TEST_NOW.toISOString(), updated_at: TEST_NOW.toISOString() }).executeTakeFirstOrThrow()).insertId);
    }
    const before = await storedFunding(aspire);
    const effect = await previewMembershipChange(t.ctx, { kind: 'add', change: { schoolId, hubId: aspire, year: YEAR, pupils: 1300, status: 'new' } });
    expect(effect.hubs[0]!.before.fundingPence).toBe(before);
    const added = await addMembership(t.ctx, { schoolId, hubId: aspire, year: YEAR, pupils: 1300, status: 'new' });
    expect(added.record).toMatchObject({ hubId: aspire, pupils: 1300, status: 'new', year: YEAR });
    expect(await storedFunding(aspire)).toBe(effect.hubs[0]!.after.fundingPence);

    await expectRefused(t, () => addMembership(t.ctx, { schoolId: schoolId!, hubId: aspire, year: YEAR, pupils: 10, status: 'new' }), 'validation', /already in Aspire Hub for 2026\/27: move it/);
    await undoLastChange(t.ctx);
    expect(await t.ctx.db.selectFrom('memberships').where('id', '=', added.record.id).selectAll().executeTakeFirst()).toBeUndefined();
    expect(await storedFunding(aspire)).toBe(before);
  });

  it('refuses bad input with a message saying where and why, writing nothing', async () => {
    const aspire = await hubId('Aspire Hub');
    const school = await bigSchoolOf(aspire);
    const { membership } = await membershipForm(t.ctx, { schoolId: school.id, year: YEAR });
    const base = { membershipId: school.membershipId, version: membership!.version };
    await expectRefused(t, () => updateMembership(t.ctx, { ...base, feeInvoicedOn: '2026-10-05', feePaidOn: '2026-10-01' }), 'validation', /feePaidOn: the fee cannot be paid \(1 Oct 2026\) before it was invoiced/);
    await expectRefused(t, () => updateMembership(t.ctx, { ...base, feePaidOn: '2026-12-01' }), 'validation', /feePaidOn: the payment date \(1 Dec 2026\) is after today/);
    await expectRefused(t, () => updateMembership(t.ctx, { ...base, feePaidOn: '2026-02-30' }), 'validation', /feePaidOn: is not a real calendar date/);
    await expectRefused(t, () => updateMembership(t.ctx, { ...base, pupils: -3 }), 'validation', /pupils: cannot be negative/);
    await expectRefused(t, () => updateMembership(t.ctx, { ...base, pupils: 12.5 }), 'validation', /pupils: enter the number of pupils as a whole number/);
    await expectRefused(t, () => updateMembership(t.ctx, { ...base, hubId: 999999 }), 'validation', /hubId: there is no hub with id 999999/);
    await expectRefused(t, () => updateMembership(t.ctx, { ...base }), 'validation', /nothing to change/);
    await expectRefused(t, () => updateMembership(t.ctx, { ...base, hubId: aspire }), 'validation', /Nothing to change/);
    await expectRefused(t, () => updateMembership(t.ctx, { ...base, version: '0123456789abcdef', status: 'leaving' }), 'conflict', /changed .* at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 20\d\d; reload to see (their|that) change\./);
    await expectRefused(t, () => addMembership(t.ctx, { schoolId: school.id, hubId: aspire, year: YEAR, pupils: 100, status: 'leaving' }), 'validation', /status: a school joining a hub is new or renewing/);
    // Through the contract too (as the app and the CLI call it).
    const before = (await storeHash(t.store));
    const r = await dispatch(t.ctx, 'updateMembership', { ...base, pupils: 6000 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'pupils', message: 'more than 5,000 pupils: check the number' }] } });
    expect((await storeHash(t.store))).toBe(before);
  });

  it('detects a concurrent edit from another window on the same store and overwrites nothing', async () => {
    const aspire = await hubId('Aspire Hub');
    const school = await bigSchoolOf(aspire);
    const other = createContext(t.store, { now: () => new Date(TEST_NOW.getTime() + 60_000), user: 'colleague' });
    const mine = await membershipForm(t.ctx, { schoolId: school.id, year: YEAR });
    const theirs = await membershipForm(other, { schoolId: school.id, year: YEAR });
    await updateMembership(other, { membershipId: school.membershipId, version: theirs.membership!.version, feeInvoicedOn: '2026-10-20' });
    const err = await expectRefused(t, () => updateMembership(t.ctx, { membershipId: school.membershipId, version: mine.membership!.version, hubId: aspire === 1 ? 2 : 1 }), 'conflict', /^colleague changed .* in .*, 2026\/27 at 10:01 on 23 November 2026; reload to see their change\.$/);
    expect(err.kind).toBe('conflict');
    // Same fixed clock, same second: still detected (the version is the row, not the timestamp).
    const again = await membershipForm(t.ctx, { schoolId: school.id, year: YEAR });
    await updateMembership(t.ctx, { membershipId: school.membershipId, version: again.membership!.version, feeInvoicedOn: '2026-11-01' });
    await expectRefused(t, () => updateMembership(t.ctx, { membershipId: school.membershipId, version: again.membership!.version, status: 'leaving' }), 'conflict', /changed .* at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 20\d\d; reload to see (their|that) change\./);
    await undoLastChange(t.ctx);
    await undoLastChange(other);
  });

  it('refuses to undo a change whose rows were changed since, writing nothing', async () => {
    const aspire = await hubId('Aspire Hub');
    const school = await bigSchoolOf(aspire);
    const form = await membershipForm(t.ctx, { schoolId: school.id, year: YEAR });
    await updateMembership(t.ctx, { membershipId: school.membershipId, version: form.membership!.version, pupils: school.pupils + 10 });
    // Something else (an import, say) changes the same row.
    await t.ctx.db.updateTable('memberships').set({ pupils: school.pupils + 20 }).where('id', '=', school.membershipId).execute();
    await expectRefused(t, () => undoLastChange(t.ctx), 'conflict', new RegExp(`Cannot undo ".*pupils ${school.pupils} → ${school.pupils + 10}": you changed memberships ${school.membershipId} since, at 10:00 on 23 November 2026\\. Nothing was changed\\.$`));
    await t.ctx.db.updateTable('memberships').set({ pupils: school.pupils + 10 }).where('id', '=', school.membershipId).execute();
    await undoLastChange(t.ctx);
    expect((await membershipForm(t.ctx, { schoolId: school.id, year: YEAR })).membership!.pupils).toBe(school.pupils);
  });
});
