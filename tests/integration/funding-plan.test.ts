import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { seedFundingNetwork, type FundingFixture } from '../helpers/funding-seed';
import { formatPence } from '../../shared/domain/money';
import type { MethodName, ResponseOf, RequestOf, Role } from '../../shared/contract';
import { signedInAs } from '../../electron/core/context';

let t: TestStore;
let f: FundingFixture;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

async function refused<M extends MethodName>(method: M, request: RequestOf<M>) {
  const before = (await storeHash(t.store));
  const r = await dispatch(t.ctx, method, request);
  expect(r.ok, `${method} should have been refused`).toBe(false);
  expect((await storeHash(t.store))).toBe(before);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.kind).toBe('validation');
  return r.error.message;
}

beforeEach(async () => {
  t = await openTestStore();
  f = await seedFundingNetwork(t.store.db);
});
afterEach(async () => {
  await t.close();
});

const line = () => ({ hubId: f.north, year: '2026/27', priority: 'Leadership at all levels', activity: 'Middle leaders programme', amount: '£2,500', categoryId: f.training });

describe('action plan lines', () => {
  it('adds exact amounts as typed, needs an explicit figure for the rest, edits and deletes, all audited', async () => {
    const a = (await call('addPlanLine', line())).record;
    expect(a).toMatchObject({ plannedPence: 250_000, amountAsTyped: '£2,500', category: 'Staff training', position: 1 });

    const msg = await refused('addPlanLine', { ...line(), amount: 'Approx £1,300' });
    expect(msg).toBe('amount: “Approx £1,300” needs confirming: an approximate amount (it may mean £1,300.00). Confirm the exact amount in pounds and pence.');
    const b = (await call('addPlanLine', { ...line(), priority: 'SEND', activity: 'Speakers', amount: 'Approx £1,300', confirmedPence: 128_550, categoryId: f.events })).record;
    expect(b).toMatchObject({ plannedPence: 128_550, amountAsTyped: 'Approx £1,300', position: 2 });

    expect(await refused('addPlanLine', { ...line(), amount: '£2,500', confirmedPence: 1 })).toMatch(/^confirmedPence: “£2,500” is exactly £2,500\.00/);
    expect(await refused('addPlanLine', { ...line(), categoryId: 4242 })).toBe('categoryId: there is no spend category with id 4242');
    expect(await refused('addPlanLine', { ...line(), hubId: 4242 })).toBe('hubId: there is no hub with id 4242');
    expect(await refused('addPlanLine', { ...line(), activity: '  ' })).toMatch(/^addPlanLine: activity: an activity is needed/);
    // A space inside the digits is not clean: it needs confirming, with the amount read without the space offered.
    expect(await refused('addPlanLine', { ...line(), amount: '£34, 704.70' })).toBe(
      'amount: “£34, 704.70” needs confirming: a space inside the number (it may mean £34,704.70). Confirm the exact amount in pounds and pence.',
    );
    expect(await refused('addPlanLine', { ...line(), amount: '£4000 x 2 £2000 x 1' })).toMatch(/^amount: .*several amounts or a multiplication: £4,000\.00 × 2 \+ £2,000\.00 × 1 = £10,000\.00/);

    const edited = await call('updatePlanLine', { lineId: a.id, priority: 'Leadership at all levels', activity: 'Middle leaders programme', amount: '£3,000.50', categoryId: f.training });
    expect(edited.record.plannedPence).toBe(300_050);
    expect(edited.summary).toBe('North Hub 2026/27: plan line “Middle leaders programme” (£3,000.50, Leadership at all levels) changed');
    expect(await refused('updatePlanLine', { lineId: 9999, ...line() } as never)).toMatch(/hubId|lineId/);
    await call('deletePlanLine', { lineId: b.id });
    expect(await refused('deletePlanLine', { lineId: b.id })).toBe(`lineId: there is no action plan line with id ${b.id}`);

    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.plan.lines.map((l) => l.plannedPence)).toEqual([300_050]);
    expect(d.reconciliation.plannedPence).toBe(300_050);
    const log = await t.store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'action_plan_lines').orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['records.plan_line.create', 'records.plan_line.create', 'records.plan_line.update', 'records.plan_line.delete']);
    const row = `action_plan_lines:${a.id}`;
    expect(JSON.parse(log[2]!.before_json!).rows[row].planned_pence).toBe(250_000);
    expect(JSON.parse(log[2]!.after_json!).rows[row].planned_pence).toBe(300_050);
  });

  it('shows over-allocation as an error', async () => {
    // Nothing was released in 2025/26 here, so North's 2026/27 total is £6,927.60 + £5,208.60 carried forward.
    const d0 = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    const available = d0.figures.totalAvailablePence;
    expect(available).toBe(692_760 + 520_860);
    await call('addPlanLine', { ...line(), amount: formatPence(available + 100) });
    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.plan.allocation).toMatchObject({ status: 'over', differencePence: -100 });
    expect(d.reconciliation.overAllocated).toBe(true);
    expect((await call('listFunding', { year: '2026/27' })).hubs.find((h) => h.hubId === f.north)!.overAllocated).toBe(true);
  });

  it('records draft and final submission dates (audited) and refuses a final before the draft', async () => {
    expect((await call('setPlanSubmission', { hubId: f.north, year: '2026/27', draftSubmittedOn: '2026-10-20' })).record).toEqual({ draftSubmittedOn: '2026-10-20', finalSubmittedOn: null });
    expect(await refused('setPlanSubmission', { hubId: f.north, year: '2026/27', finalSubmittedOn: '2026-10-01' })).toMatch(/^finalSubmittedOn: the final plan \(2026-10-01\) cannot be submitted before the draft/);
    expect(await refused('setPlanSubmission', { hubId: f.north, year: '2026/27' })).toMatch(/^draftSubmittedOn: give draftSubmittedOn or finalSubmittedOn/);
    await call('setPlanSubmission', { hubId: f.north, year: '2026/27', finalSubmittedOn: '2026-11-10' });
    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.deadlines.final.status).toBe('met');
    expect(d.release.conditions.find((c) => c.key === 'final_plan')!.met).toBe(true);
    const log = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'records.plan.set_submission').execute();
    expect(log).toHaveLength(2);
  });

  it('undoes a plan line change and a submission date, each as the last change made by hand', async () => {
    const added = await call('addPlanLine', line());
    const { hubId: _hub, year: _year, ...fields } = line();
    const edited = await call('updatePlanLine', { lineId: added.record.id, ...fields, amount: '£3,000.00' });
    expect((await call('undoLastChange', { auditId: edited.auditId })).undone.summary).toBe(edited.summary);
    expect((await call('getHubFunding', { hubId: f.north, year: '2026/27' })).plan.lines.map((l) => l.plannedPence)).toEqual([250_000]);
    await call('undoLastChange', { auditId: added.auditId });
    expect((await call('getHubFunding', { hubId: f.north, year: '2026/27' })).plan.lines).toEqual([]);

    const submitted = await call('setPlanSubmission', { hubId: f.north, year: '2026/27', finalSubmittedOn: '2026-11-10' });
    await call('undoLastChange', { auditId: submitted.auditId });
    expect((await call('getHubFunding', { hubId: f.north, year: '2026/27' })).plan.finalSubmittedOn).toBeNull();
  });
});

/** A plan workbook as Hub Managers send them: a title row, headers, typed and numeric costs, a blank row. */
async function planWorkbook(rows: (string | number | null)[][], headers = ['Priority', 'Activity', 'Cost', 'Category']): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['Read me first']);
  const ws = wb.addWorksheet('Hub Action Plan');
  ws.addRow(['North Hub Action Plan 2026/27']);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('importing a plan from Excel', () => {
  it('previews without writing, needs every flagged cost confirmed, then replaces the plan in one go', async () => {
    await call('addPlanLine', line());
    const content = await planWorkbook([
      ['Leadership at all levels', 'Coaching programme', '£21,300', 'Staff training'],
      ['SEND', 'Specialist visits', 6500, 'school-to-school support'],
      [null, null, null, null],
      ['Engagement', 'Parent workshops', 'Approx £1,300', 'Workshops and events'],
      ['Additional expenditure', 'Contingency', 3289.77, 'Hub administration'],
    ]);
    const before = (await storeHash(t.store));
    const p = await call('previewPlanImport', { hubId: f.north, year: '2026/27', fileName: 'north-hap.xlsx', contentBase64: content });
    expect((await storeHash(t.store))).toBe(before);
    expect(p.sheet).toBe('Hub Action Plan');
    expect(p.replacesLines).toBe(1);
    expect(p.rows.map((r) => r.row)).toEqual([3, 4, 6, 7]);
    expect(p.rows.map((r) => r.pence)).toEqual([2_130_000, 650_000, null, 328_977]);
    expect(p.rows[1]!.category).toBe('School-to-school support');
    expect(p.rows[2]!.confirm).toEqual({ reason: 'an approximate amount', suggestedPence: 130_000 });
    expect(p).toMatchObject({ needsConfirmation: 1, problems: 0, totalExactPence: 2_130_000 + 650_000 + 328_977 });

    const args = { hubId: f.north, year: '2026/27', stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash };
    expect(await refused('commitPlanImport', { ...args, confirmations: [] })).toBe(
      'confirmations: row 6: the cost “Approx £1,300” needs confirming: an approximate amount (it may mean £1,300.00)',
    );
    expect(await refused('commitPlanImport', { ...args, confirmations: [{ row: 3, pence: 1 }] })).toMatch(/^confirmations: row 3’s cost “£21,300” is exact/);
    expect(await refused('commitPlanImport', { ...args, confirmations: [{ row: 6, pence: -1 }] })).toMatch(/^confirmations: row 6: a planned cost cannot be negative/);

    const r = await call('commitPlanImport', { ...args, confirmations: [{ row: 6, pence: 125_000 }] });
    expect(r).toMatchObject({ lines: 4, totalPlannedPence: 2_130_000 + 650_000 + 125_000 + 328_977 });
    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.plan.lines.map((l) => [l.priority, l.plannedPence, l.amountAsTyped])).toEqual([
      ['Leadership at all levels', 2_130_000, '£21,300'],
      ['SEND', 650_000, '6500'],
      ['Engagement', 125_000, 'Approx £1,300'],
      ['Additional expenditure', 328_977, '3289.77'],
    ]);
    const batch = await t.store.db.selectFrom('import_batches').selectAll().where('id', '=', r.importBatchId).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'plan', file_name: 'north-hap.xlsx', row_count: 4, created_by: 'tester' });
    const log = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'import').executeTakeFirstOrThrow();
    expect(log.import_batch_id).toBe(r.importBatchId);
    // The line it replaced is in the audit log as deleted by the import, and the import can be undone.
    const deleted = await t.store.db.selectFrom('audit_log').selectAll().where('import_batch_id', '=', r.importBatchId).where('action', '=', 'delete').execute();
    expect(deleted.map((d) => JSON.parse(d.before_json!).activity)).toEqual([line().activity]);
    const batches = await call('listImportBatches', { kind: 'plan' });
    expect(batches[0]).toMatchObject({ id: r.importBatchId, canUndo: true });
    // Undoing a plan is Finance's: a Memberships Manager is refused, nothing written.
    const beforeUndo = await storeHash(t.store);
    const asRole = (roles: Role[]) => signedInAs(t.ctx, { id: 1, name: 'Someone', email: 'someone@example.org', roles });
    const manager = await dispatch(asRole(['memberships_manager']), 'undoImportBatch', { batchId: r.importBatchId, confirm: true });
    expect(manager).toMatchObject({ ok: false, error: { kind: 'forbidden', message: 'Undoing an import of kind "plan" is for Finance.' } });
    expect(await storeHash(t.store)).toBe(beforeUndo);
    expect(await dispatch(asRole(['finance']), 'undoImportBatch', { batchId: r.importBatchId, confirm: true })).toMatchObject({ ok: true });
    const undone = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(undone.plan.lines.map((l) => l.activity)).toEqual([line().activity]);
  });

  it('reports rows it cannot import with their row numbers, and refuses files that are not plans', async () => {
    const content = await planWorkbook([
      ['Reading', 'Fluency project', '£1,000', 'Books'],
      ['', 'No priority', '£10', 'Staff training'],
      ['Wellbeing', 'Negative', -5, 'Staff training'],
    ]);
    const args = { hubId: f.north, year: '2026/27', fileName: 'bad.xlsx', contentBase64: content };
    const p = await call('previewPlanImport', args);
    const staged = { hubId: f.north, year: '2026/27', stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash };
    expect(p.problems).toBe(3);
    expect(p.rows[0]!.problems[0]).toMatch(/^“Books” is not a spend category \(Workshops and events, Staff training/);
    expect(p.rows[1]!.problems).toEqual(['the priority is empty']);
    expect(p.rows[2]!.problems).toEqual(['the cost -5 is negative']);
    expect(await refused('commitPlanImport', { ...staged, confirmations: [] })).toMatch(/^file: 3 row\(s\) cannot be imported; row 3 of “Hub Action Plan”: “Books” is not a spend category/);

    const wrong = await planWorkbook([['a', 'b', 'c']], ['Name', 'Thing', 'Money']);
    expect(await refused('previewPlanImport', { ...args, contentBase64: wrong })).toBe(
      'bad.xlsx: no sheet has the columns Priority, Activity, Cost and Category in its first 20 rows (sheets: Notes, Hub Action Plan).',
    );
    expect(await refused('previewPlanImport', { ...args, contentBase64: Buffer.from('not a workbook').toString('base64') })).toMatch(
      /^bad\.xlsx is not an Excel workbook: its content is not in the \.xlsx format/,
    );
  });
});
