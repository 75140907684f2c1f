import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import { openTestStore, type TestStore, storeHash, expectBackupTaken } from '../helpers/store';
import { addTrackerSchools, type TrackerSchools } from '../helpers/qa-tracker-schools';
import { buildTracker, goodTrackerSpec, type TrackerSpec } from '../fixtures/qa/generate';

let t: TestStore;
const YEAR = '2026/27';
/** Batches, their recorded changes and the audit log grow with every import and undo; everything else must be as before. */
const LOGS = ['import_batches', 'import_changes', 'audit_log'];

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}
async function refused<M extends MethodName>(method: M, request: RequestOf<M>): Promise<string> {
  const r = await dispatch(t.ctx, method, request);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error.message;
}

/** Imports a tracker as the screens do: a preview sends it, the commit names what the preview staged. */
async function commitEnvelope(request: RequestOf<'previewQaImport'>) {
  const p = await dispatch(t.ctx, 'previewQaImport', request);
  if (!p.ok) return p;
  const v = p.value as ResponseOf<'previewQaImport'>;
  return dispatch(t.ctx, 'commitQaImport', { stagingId: v.stagingId, sha256: v.sha256, diffHash: v.diffHash, year: request.year });
}
async function imported(request: RequestOf<'previewQaImport'>): Promise<ResponseOf<'commitQaImport'>> {
  const r = await commitEnvelope(request);
  if (!r.ok) throw new Error(`commitQaImport: ${r.error.message}`);
  return r.value as ResponseOf<'commitQaImport'>;
}
async function refusedImport(request: RequestOf<'previewQaImport'>): Promise<string> {
  const r = await commitEnvelope(request);
  if (r.ok) throw new Error('commitQaImport was accepted');
  return r.error.message;
}

const file = async (spec: TrackerSpec, fileName = 'qa-tracker.xlsx') => ({ fileName, contentBase64: (await buildTracker(spec)).toString('base64'), year: YEAR });

let s: TrackerSchools;

/** The demo network, plus two new Aspire Hub members without a 2026/27 review (hosts 0 and 1); host 2 is a demo school with one. */
async function setup(): Promise<TrackerSchools> {
  await loadDemoNetwork(t.ctx);
  return addTrackerSchools(t.ctx, YEAR);
}

beforeEach(async () => {
  t = await openTestStore();
  s = await setup();
});
afterEach(async () => {
  await t?.close();
});

async function reviewOf(urn: string) {
  const db = t.ctx.db;
  return db
    .selectFrom('qa_reviews')
    .innerJoin('schools', 'schools.id', 'qa_reviews.school_id')
    .innerJoin('membership_years', 'membership_years.id', 'qa_reviews.year_id')
    .where('schools.urn', '=', urn)
    .where('membership_years.label', '=', YEAR)
    .selectAll('qa_reviews')
    .executeTakeFirst();
}

describe('QA tracker import', () => {
  it('previews without writing, commits into the dashboards and the explorer, and re-importing changes nothing', async () => {
    const before = (await storeHash(t.store));
    const good = await file(goodTrackerSpec(s.hosts, s.homes));
    const preview = await call('previewQaImport', good);
    expect((await storeHash(t.store))).toBe(before);
    expect(preview.errors).toEqual([]);
    expect(preview.sheets).toEqual({ reviews: 'Reviews', assignments: 'Assignments', points: 'WWWs and EBIs' });
    expect(preview.newReviews.map((r) => r.urn)).toEqual([s.hosts[0], s.hosts[1]]);
    expect(preview.updatedReviews.map((r) => r.urn)).toEqual([s.hosts[2]]);
    expect(preview.updatedReviews[0]!.changes).toContain('start: ' + (await reviewOf(s.hosts[2]))!.start_date + ' → 2027-03-02');
    expect(preview.newReviews[0]!.estimates).toEqual({ leadership: 'Leading', quality: 'Effective', disadvantaged: 'Working towards effective' });
    expect(preview.newAssignments.map((a) => [a.reviewerName, a.status, a.replaces])).toEqual([
      ['Priya Shah', 'attended', null],
      ['Tom Baker', 'dropped', null],
      ['Grace Liu', 'attended', 'Tom Baker'],
      ['Owen Price', 'booked', null],
    ]);
    expect(preview.pointsAdded).toBe(5);

    const result = await imported(good);
    expect(result.batchId).not.toBeNull();
    expect(result).toMatchObject({ reviewsAdded: 2, reviewsUpdated: 1, assignmentsAdded: 4, pointsAdded: 5 });
    expectBackupTaken(t.store, result.backupFile, /before-import-qa/);

    const review = (await reviewOf(s.hosts[0]))!;
    expect(review).toMatchObject({ start_date: '2026-10-06', end_date: '2026-10-08', lead_reviewer: 'Dr Amara Okafor', aoe_title: 'Oracy across the curriculum', aoe_accredited: 1 });
    const points = await t.ctx.db.selectFrom('qa_review_points').where('review_id', '=', review.id).select(['kind', 'heading', 'text', 'position']).orderBy('position').execute();
    expect(points).toEqual([
      { kind: 'www', heading: 'leadership', text: 'Senior leaders know the school precisely and act on it quickly.', position: 0 },
      { kind: 'www', heading: 'quality', text: 'Reading is taught consistently from Reception onwards.', position: 1 },
      { kind: 'ebi', heading: 'disadvantaged', text: 'Attendance of disadvantaged pupils lags behind their peers in Key Stage 2.', position: 2 },
    ]);
    const team = await t.ctx.db.selectFrom('reviewer_assignments').where('review_id', '=', review.id).selectAll().orderBy('id').execute();
    const tom = team.find((a) => a.reviewer_name === 'Tom Baker')!;
    expect(tom.status).toBe('dropped');
    expect(team.find((a) => a.reviewer_name === 'Grace Liu')!.replaces_assignment_id).toBe(tom.id);

    const hub = await call('hubDashboard', { hubId: s.hubId, year: YEAR });
    const row = hub.schools.find((x) => x.urn === s.hosts[0])!;
    expect(row.qa.latest?.estimates).toEqual({ leadership: 'Leading', quality: 'Effective', disadvantaged: 'Working towards effective' });
    expect(row.qa.latest?.aoeTitle).toBe('Oracy across the curriculum');
    const hits = await call('searchQaText', { text: 'Reception onwards' });
    expect(hits.hits.some((h) => h.urn === s.hosts[0] && h.kind === 'www')).toBe(true);
    const fromSheet = await call('searchQaText', { text: 'misconceptions mathematics' });
    expect(fromSheet.hits.map((h) => [h.urn, h.kind, h.heading])).toContainEqual([s.hosts[1], 'ebi', 'quality']);

    // The same file again: nothing to change, nothing written.
    const afterImport = (await storeHash(t.store));
    const again = await call('previewQaImport', good);
    expect(again.noChanges).toBe(true);
    expect(again.unchangedReviews).toBe(3);
    expect(again.unchangedAssignments).toBe(4);
    const second = await imported(good);
    expect(second.batchId).toBeNull();
    expect(second.message).toMatch(/nothing was written/);
    expect((await storeHash(t.store))).toBe(afterImport);
  });

  it('undo puts back exactly what was there, also after the store is closed and reopened', async () => {
    const before = (await storeHash(t.store, LOGS));
    const storedBefore = await reviewOf(s.hosts[2]);
    const result = await imported(await file(goodTrackerSpec(s.hosts, s.homes)));
    expect((await reviewOf(s.hosts[2]))!.start_date).toBe('2027-03-02');
    const dir = t.dir;
    await t.close();
    t = await openTestStore(dir);
    const undone = await call('undoImportBatch', { batchId: result.batchId!, confirm: true });
    expect(undone.restoredRows).toBeGreaterThan(0);
    expect((await storeHash(t.store, LOGS))).toBe(before);
    expect(await reviewOf(s.hosts[2])).toEqual(storedBefore);
    expect(await reviewOf(s.hosts[0])).toBeUndefined();
    const hits = await call('searchQaText', { text: 'Reception onwards' });
    expect(hits.hits.filter((h) => h.urn === s.hosts[0])).toEqual([]);
  });

  it('an update of stored points and an assignment status is undone exactly', async () => {
    const spec = goodTrackerSpec(s.hosts, s.homes);
    await imported(await file(spec));
    const before = (await storeHash(t.store, LOGS));
    spec.reviews[0]!.ebi = ['Leadership: Governors do not yet check the impact of the pupil premium.'];
    spec.assignments![3]!.status = 'attended';
    const preview = await call('previewQaImport', await file(spec));
    expect(preview.updatedReviews.map((r) => r.urn)).toEqual([s.hosts[0]]);
    expect(preview.updatedAssignments.map((a) => a.changes)).toEqual([['status: booked → attended']]);
    expect(preview).toMatchObject({ pointsAdded: 3, pointsRemoved: 3 });
    const r = await imported(await file(spec));
    expect(r).toMatchObject({ reviewsUpdated: 1, assignmentsUpdated: 1 });
    await call('undoImportBatch', { batchId: r.batchId!, confirm: true });
    expect((await storeHash(t.store, LOGS))).toBe(before);
  });
});

describe('QA tracker import refuses bad files with the place and the reason, writing nothing', () => {
  const cases: [string, (spec: TrackerSpec) => void, RegExp][] = [
    ['unknown URN', (sp) => void (sp.reviews[1]!.urn = '999999'), /sheet "Reviews", row 5, URN: URN 999999 is not a member school in 2026\/27/],
    ['unparseable date', (sp) => void (sp.reviews[1]!.start = '31/02/2026'), /sheet "Reviews", row 5, Review start \(column C\): "31\/02\/2026" is not a real date/],
    ['estimate out of vocabulary', (sp) => void (sp.reviews[0]!.quality = 'Outstanding'), /row 4, Quality of provision and outcomes \(column G\): "Outstanding" is not an estimate/],
    ['assignment to a review not in the file or database', (sp) => {
      sp.reviews.splice(1, 1);
      sp.points = [];
      sp.assignments!.push({ name: 'Ann Lee', home: sp.assignments![0]!.home, host: '990002', status: 'booked' });
    }, /sheet "Assignments", row 6, Host school URN: there is no review of URN 990002 in 2026\/27, in this file or in hubdesk/],
    ['duplicate review', (sp) => void sp.reviews.push({ ...sp.reviews[0]! }), /row 7, URN: a second review of URN 990001 \(first on row 4\)/],
    ['replaced without a replacement', (sp) => void (sp.assignments![2]!.replaces = undefined, (sp.assignments![2]!.status = 'replaced')), /row 4, Status: Grace Liu is marked replaced but no later row/],
    ['status out of vocabulary', (sp) => void (sp.assignments![0]!.status = 'maybe'), /sheet "Assignments", row 2, Status \(column F\): "maybe" is not a status/],
    ['accredited not yes or no', (sp) => void (sp.reviews[0]!.accredited = 'pending'), /AoE accredited\? \(column J\): "pending" is not yes or no/],
  ];
  for (const [name, spoil, message] of cases) {
    it(name, async () => {
      const spec = goodTrackerSpec(s.hosts, s.homes);
      spoil(spec);
      const bad = await file(spec);
      const before = (await storeHash(t.store));
      const preview = await call('previewQaImport', bad);
      expect(preview.canCommit).toBe(false);
      const texts = preview.errors.map((e) => `sheet "${e.sheet}", row ${e.row}, ${e.column}: ${e.message}`);
      expect(texts.some((x) => message.test(x)), texts.join('\n')).toBe(true);
      expect(await refusedImport(bad)).toMatch(/nothing was imported/);
      expect((await storeHash(t.store))).toBe(before);
    });
  }

  it('a file that is not a workbook, a workbook without reviews, and an unknown year', async () => {
    const before = (await storeHash(t.store));
    expect(await refused('previewQaImport', { fileName: 'qa.csv', contentBase64: Buffer.from('URN,Review start\n100000,01/10/2026\n').toString('base64'), year: YEAR })).toMatch(/not an Excel workbook/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['Reviewer', 'Comment']);
    const noReviews = { fileName: 'notes.xlsx', contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), year: YEAR };
    expect(await refusedImport(noReviews)).toMatch(/notes.xlsx has no sheet of reviews: no sheet has a header row .* Sheets: "Notes"/);
    expect(await refused('previewQaImport', { ...(await file(goodTrackerSpec(s.hosts, s.homes))), year: '2030/31' })).toMatch(/There is no membership year 2030\/31/);
    expect((await storeHash(t.store))).toBe(before);
  });
});
