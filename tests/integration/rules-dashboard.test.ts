import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { seedFundingNetwork, seedMembership, seedYear, type FundingFixture } from '../helpers/funding-seed';
import type { MethodName, ResponseOf, RequestOf } from '../../shared/contract';
import { OEIF_AREAS, REPORT_CARD_AREAS } from '../../shared/domain/vocabulary';

let t: TestStore;
let f: FundingFixture;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

async function northDashboard() {
  return call('hubDashboard', { hubId: f.north, year: '2026/27' });
}

const STAMP = '2026-11-01T00:00:00.000Z';

beforeEach(async () => {
  t = await openTestStore(); // today: 23 November 2026
  f = await seedFundingNetwork(t.store.db);
});
afterEach(async () => {
  await t.close();
});

describe('new and returning schools come from the membership history, not the roll’s label', () => {
  beforeEach(async () => {
    // North Joiner 900 was a member in 2024/25, not in 2025/26, and is back in 2026/27 labelled "Renewing".
    const y24 = await seedYear(t.store.db, '2024/25');
    await seedMembership(t.store.db, { schoolId: f.schools['North Joiner 900']!, hubId: f.north, yearId: y24, pupils: 880 });
    await t.store.db.updateTable('schools').set({ headteacher: 'Jo Bloggs', headteacher_since: '2015-09-01' }).where('id', '=', f.schools['North Joiner 900']!).execute();
    await t.store.db.updateTable('schools').set({ headteacher: 'Sam Settled', headteacher_since: '2015-09-01' }).where('id', '=', f.schools['North High 1000']!).execute();
  });

  it('a school back after a gap year but labelled “Renewing” is flagged for head training; a continuing one is not', async () => {
    const d = await northDashboard();
    const back = d.schools.find((s) => s.name === 'North Joiner 900')!;
    expect(back).toMatchObject({ membershipStatus: 'renewing', membershipHistory: 'returning' });
    expect(back.headteacherTraining).toEqual({
      flagged: true,
      code: 'new_school_untrained',
      reason: 'Headteacher of a returning school has not attended reviewer training',
      trainedOn: null,
    });
    const settled = d.schools.find((s) => s.name === 'North High 1000')!;
    expect(settled).toMatchObject({ membershipHistory: 'continuing', headteacherTraining: { flagged: false, code: 'not_required' } });
  });

  it('the roll preview shows a label the history contradicts as a warning that needs no confirming, and writes nothing', async () => {
    const rows = [
      ['100001', 'North Academy 1300', 'North Hub', '1300', 'Renewing'],
      ['100002', 'North High 1000', 'North Hub', '1100', 'New'],
      ['100003', 'North College 800', 'North Hub', '800', 'Renewing'],
      ['100004', 'North Primary 430', 'North Hub', '430', 'Renewing'],
      ['100005', 'North Infants 300', 'North Hub', '300', 'Renewing'],
      ['100007', 'North Joiner 900', 'North Hub', '900', 'Renewing'],
      ['200001', 'Small A', 'Small Hub', '300', 'Renewing'],
      ['200002', 'Small B', 'Small Hub', '300', 'Renewing'],
      ['200003', 'Small C', 'Small Hub', '300', 'Renewing'],
    ];
    const csv = ['URN,School,Hub,Pupils,Status', ...rows.map((r) => r.join(','))].join('\n');
    const before = (await storeHash(t.store));
    const p = await call('previewRollImport', { fileName: 'roll.csv', contentBase64: Buffer.from(csv).toString('base64'), year: '2026/27' });
    expect((await storeHash(t.store))).toBe(before);
    expect(p.warnings.map((w) => [w.row, w.column, w.message, w.informational])).toEqual([
      [3, 'Status', 'North High 1000 (URN 100002) is labelled New, but the school was a member in 2025/26: hubdesk treats it as renewing', true],
      [
        7,
        'Status',
        'North Joiner 900 (URN 100007) is labelled Renewing, but the school was not a member in 2025/26 (it returns after a gap): hubdesk treats it as returning, so its headteacher needs reviewer training',
        true,
      ],
    ]);
    expect(p.needsConfirmation).toBe(false);
    expect(p.canCommit).toBe(true);
  });
});

describe('a reviewer counts only with a training record dated on or before the review’s first day', () => {
  it('an untrained or later-trained reviewer is shown, flagged “not trained”, and not counted', async () => {
    const db = t.store.db;
    const host = f.schools['North High 1000']!;
    const home = f.schools['North Academy 1300']!;
    const review = await db
      .insertInto('qa_reviews')
      .values({ school_id: host, year_id: f.y26, start_date: '2026-12-08', end_date: '2026-12-10', updated_at: STAMP })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const name of ['Ann Trained', 'Bob Late', 'Cy None']) {
      await db.insertInto('reviewer_assignments').values({ review_id: review.id, home_school_id: home, reviewer_name: name, status: 'booked', updated_at: STAMP }).execute();
    }
    await db.insertInto('reviewer_trainings').values({ school_id: home, person_name: 'Ann Trained', trained_on: '2026-12-08' }).execute();
    await db.insertInto('reviewer_trainings').values({ school_id: home, person_name: 'Bob Late', trained_on: '2026-12-09' }).execute();

    const d = await northDashboard();
    const sender = d.schools.find((s) => s.schoolId === home)!;
    expect(sender.reviewers).toMatchObject({ booked: 1, notTrained: 2 });
    const upcoming = d.upcomingReviews.find((r) => r.reviewId === review.id)!;
    expect(upcoming.reviewers.map((r) => [r.name, r.notTrained])).toEqual([
      ['Ann Trained', false],
      ['Bob Late', true],
      ['Cy None', true],
    ]);
    const school = await call('schoolDashboard', { schoolId: home, year: '2026/27' });
    expect(school.reviewerRecord.map((r) => [r.reviewerName, r.trainedOn, r.notTrained])).toEqual([
      ['Ann Trained', '2026-12-08', false],
      ['Bob Late', '2026-12-09', true],
      ['Cy None', null, true],
    ]);
    // The network counts the same way.
    const network = await call('networkDashboard', { year: '2026/27' });
    expect(network.hubs.find((h) => h.hubId === f.north)!.commitment).toEqual(d.summary.commitment);
  });
});

describe('vulnerable schools across the three frameworks, with the reading beside the grade', () => {
  it('a 2024–25 quality of education 3 then a report card with Needs attention this year: TSI-eligible and stuck, each listing its inspections', async () => {
    const db = t.store.db;
    const urn = '100003'; // North College 800
    const add = async (start: string, framework: string, grades: [string, string][]) => {
      const i = await db.insertInto('ofsted_inspections').values({ urn, start_date: start, framework, publication_date: null, inspection_type: null, category_of_concern: null, outcome_text: null, inspection_number: null, import_batch_id: null, source_as_at: null, urn_at_inspection: null }).returning('id').executeTakeFirstOrThrow();
      for (const [area, grade] of grades) await db.insertInto('ofsted_judgements').values({ inspection_id: i.id, area, grade, grade_date: start }).execute();
    };
    await add('2025-02-04', 'interim_2024', [[OEIF_AREAS.overall, 'Not judged'], [OEIF_AREAS.quality, '3'], [OEIF_AREAS.sixthForm, '9']]);
    await add('2026-10-06', 'report_card', [[REPORT_CARD_AREAS.curriculum, 'Needs attention'], [REPORT_CARD_AREAS.inclusion, 'Expected standard'], [REPORT_CARD_AREAS.earlyYears, 'Not applicable']]);

    const d = await northDashboard();
    const s = d.schools.find((x) => x.urn === urn)!;
    expect(s.ofsted.latestGraded!.reading).toEqual({
      reading: 'RI-equivalent',
      basis: 'Needs attention (Curriculum and teaching)',
      label: 'Needs attention (Curriculum and teaching) → read as RI-equivalent',
    });
    expect(s.vulnerable.flagged).toBe(true);
    expect(s.vulnerable.tsi.reasons).toEqual(['2 consecutive RI-equivalent inspections (2025-02-04, 2026-10-06), the latest in 2026/27']);
    expect(s.vulnerable.tsi.triggeredBy.map((i) => i.startDate)).toEqual(['2025-02-04', '2026-10-06']);
    expect(s.vulnerable.stuck.flagged).toBe(true);
    expect(s.vulnerable.stuck.triggeredBy.map((i) => i.reading!.label)).toEqual([
      'Quality of education: Requires improvement → read as RI-equivalent',
      'Needs attention (Curriculum and teaching) → read as RI-equivalent',
    ]);
    expect(d.summary.vulnerable).toBe(1);
    // The cells that say there is no grade are stored and shown as given, never read as a grade.
    const school = await call('schoolDashboard', { schoolId: s.schoolId, year: '2026/27' });
    const interim = school.ofsted.find((i) => i.startDate === '2025-02-04')!;
    expect(interim.overall).toMatchObject({ code: null, label: 'Not judged' });
    expect(interim.judgements.find((j) => j.area === OEIF_AREAS.sixthForm)).toMatchObject({ grade: '9', label: 'Not applicable' });
  });
});
