import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { reviewRecord } from '../../electron/core/records/reviews';
import { undoLastChange } from '../../electron/core/changes/undo-change';
import type { ReviewRecord } from '../../shared/contract/records';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { expectRefused, viaDispatch } from '../helpers/records';

const scheduleReview = viaDispatch('scheduleReview');
const updateReview = viaDispatch('updateReview');

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

function formOf(r: ReviewRecord) {
  return {
    reviewId: r.id,
    version: r.version,
    startDate: r.startDate,
    endDate: r.endDate,
    leadReviewer: r.leadReviewer,
    estimates: r.estimates as { leadership: 'Leading' | null; quality: 'Leading' | null; disadvantaged: 'Leading' | null },
    www: r.www as { heading: 'leadership' | null; text: string }[],
    ebi: r.ebi as { heading: 'leadership' | null; text: string }[],
    aoeTitle: r.aoeTitle,
    aoeAccredited: r.aoeAccredited,
    reportReceivedOn: r.reportReceivedOn,
  };
}

async function pastReview(): Promise<ReviewRecord> {
  const row = await t.ctx.db.selectFrom('qa_reviews').where('start_date', '<', '2026-11-01').where('start_date', '>=', '2026-09-01').select('id').orderBy('id').executeTakeFirstOrThrow();
  return reviewRecord(t.ctx.db, row.id);
}

describe('QA review outcomes', () => {
  it('records estimates, WWWs, EBIs and an accredited Area of Excellence; the text search sees them; undo restores all', async () => {
    const before = (await storeHash(t.store, ['audit_log']));
    const r = await pastReview();
    const res = await updateReview(t.ctx, {
      ...formOf(r),
      estimates: { leadership: 'Leading', quality: 'Effective', disadvantaged: 'Working towards effective' },
      www: [{ heading: 'leadership', text: 'Zanzibar coaching model spreads leadership widely.' }],
      ebi: [{ heading: 'quality', text: 'Sharpen feedback in key stage 3 science.' }],
      aoeTitle: 'Coaching for middle leaders',
      aoeAccredited: true,
      reportReceivedOn: '2026-11-10',
    });
    expect(res.record).toMatchObject({ estimates: { leadership: 'Leading' }, aoeAccredited: true, www: [{ text: 'Zanzibar coaching model spreads leadership widely.' }] });
    const hits = await dispatch(t.ctx, 'searchQaText', { text: 'Zanzibar' });
    expect(hits.ok).toBe(true);
    expect(JSON.stringify(hits.ok ? hits.value : null)).toContain('Zanzibar coaching');
    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
    expect(await reviewRecord(t.ctx.db, r.id)).toEqual(r);
    const gone = await dispatch(t.ctx, 'searchQaText', { text: 'Zanzibar' });
    expect(JSON.stringify(gone.ok ? gone.value : null)).not.toContain('Zanzibar coaching');
  });

  it('refuses outcomes before the review, bad dates, an accredited AoE without title, and a stale version', async () => {
    const r = await pastReview();
    const f = formOf(r);
    await expectRefused(t, () => updateReview(t.ctx, { ...f, endDate: '2020-01-01' }), 'validation', /endDate: the review cannot end \(1 Jan 2020\) before it starts/);
    await expectRefused(t, () => updateReview(t.ctx, { ...f, endDate: '2027-06-01' }), 'validation', /endDate: a review of \d+ days/);
    await expectRefused(t, () => updateReview(t.ctx, { ...f, aoeTitle: null, aoeAccredited: true }), 'validation', /aoeAccredited: an accredited Area of Excellence needs its title/);
    await expectRefused(t, () => updateReview(t.ctx, { ...f, reportReceivedOn: '2099-01-01' }), 'validation', /reportReceivedOn: .* is after today/);
    await expectRefused(t, () => updateReview(t.ctx, { ...f, estimates: { ...f.estimates, leadership: 'Outstanding' as 'Leading' } }), 'validation', /estimates.leadership: choose Leading, Effective/);
    await expectRefused(t, () => updateReview(t.ctx, { ...f, startDate: '2027-03-01', endDate: '2027-03-03', estimates: { leadership: 'Leading', quality: null, disadvantaged: null } }), 'validation', /its outcome can be recorded once it has taken place/);
    await expectRefused(t, () => updateReview(t.ctx, { ...f, version: '0000000000000000', leadReviewer: 'X' }), 'conflict', /changed .* at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 20\d\d; reload to see (their|that) change\./);
    await expectRefused(t, () => updateReview(t.ctx, f), 'validation', /nothing to change/);
  });

  it('schedules a review for a school without one this year, once', async () => {
    const y = (await t.ctx.db.selectFrom('membership_years').where('label', '=', '2026/27').select('id').executeTakeFirstOrThrow()).id;
    const member = await t.ctx.db
      .selectFrom('memberships as m')
      .where('m.year_id', '=', y)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('qa_reviews as q').whereRef('q.school_id', '=', 'm.school_id').where('q.year_id', '=', y).select('q.id'))))
      .select('m.school_id')
      .executeTakeFirst();
    const withReview = await t.ctx.db.selectFrom('qa_reviews').where('year_id', '=', y).select('school_id').executeTakeFirstOrThrow();
    await expectRefused(t, () => scheduleReview(t.ctx, { schoolId: withReview.school_id, year: '2026/27', startDate: '2027-03-01', endDate: '2027-03-03', leadReviewer: null }), 'validation', /already has its 2026\/27 review on/);
    await expectRefused(t, () => scheduleReview(t.ctx, { schoolId: withReview.school_id, year: '2026/27', startDate: '2028-03-01', endDate: '2028-03-03', leadReviewer: null }), 'validation', /startDate: 2028-03-01 is outside the membership year/);
    if (!member) return; // every member school already has its review in the demo
    const before = (await storeHash(t.store, ['audit_log']));
    const s = await scheduleReview(t.ctx, { schoolId: member.school_id, year: '2026/27', startDate: '2027-03-01', endDate: '2027-03-03', leadReviewer: 'Dr R Patel' });
    expect(s.record).toMatchObject({ startDate: '2027-03-01', endDate: '2027-03-03', leadReviewer: 'Dr R Patel', www: [], estimates: { leadership: null } });
    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
  });
});
