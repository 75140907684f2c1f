import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import type { HubDashboard, SupportSuggestions } from '../../shared/contract/dashboards';
import type { CallPack, PackWorkbookFile } from '../../shared/contract/calls';
import type { SupportRequestRecord } from '../../shared/contract/records';
import { isSupportOpen, OPEN_SUPPORT_STATUSES } from '../../shared/domain/support';
import { openTestStore, type TestStore } from '../helpers/store';
import { viaDispatch } from '../helpers/records';
import { TEST_TODAY } from '../helpers/clock';

const addSupportRequest = viaDispatch('addSupportRequest');
const updateSupportRequest = viaDispatch('updateSupportRequest');

let t: TestStore;
let aspireId: number;
let year: number;

async function call<T>(method: string, payload: unknown): Promise<T> {
  const r = await dispatch(t.ctx, method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

/** Every stored request of the hub's 2026/27 member schools, read straight from the tables. */
async function storedRequestsOfHub(hubId: number) {
  return t.ctx.db
    .selectFrom('support_requests as r')
    .innerJoin('memberships as m', 'm.school_id', 'r.school_id')
    .where('m.hub_id', '=', hubId)
    .where('m.year_id', '=', year)
    .select(['r.id', 'r.status', 'r.requested_on', 'r.updated_at', 'r.brokered_to_school_id', 'r.brokered_to'])
    .execute();
}

beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
  aspireId = (await t.ctx.db.selectFrom('hubs').where('name', '=', 'Aspire Hub').select('id').executeTakeFirstOrThrow()).id;
  year = (await t.ctx.db.selectFrom('membership_years').where('label', '=', '2026/27').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t.close();
});

describe('the demo network’s support requests', () => {
  it('has a handful, in Aspire Hub and a few other hubs, with every status, brokered to member schools and to people outside', async () => {
    const rows = await t.ctx.db.selectFrom('support_requests').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.length).toBeLessThanOrEqual(20);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'brokered', 'in progress', 'done', 'declined']));
    expect(rows.some((r) => r.brokered_to_school_id !== null)).toBe(true);
    expect(rows.some((r) => r.brokered_to !== null)).toBe(true);
    expect(rows.filter((r) => r.ebi_point_id !== null).length).toBeGreaterThan(rows.length / 2);
    for (const r of rows) expect(r.requested_on <= TEST_TODAY && r.updated_at.slice(0, 10) >= r.requested_on, JSON.stringify(r)).toBe(true);
    expect((await storedRequestsOfHub(aspireId)).length).toBeGreaterThanOrEqual(5);
  });

  it('brokers a request on an EBI to a school the support suggestions name for that EBI', async () => {
    const brokered = await t.ctx.db
      .selectFrom('support_requests')
      .where('ebi_point_id', 'is not', null)
      .where('brokered_to_school_id', 'is not', null)
      .select(['ebi_point_id', 'brokered_to_school_id'])
      .execute();
    expect(brokered.length).toBeGreaterThan(2);
    for (const r of brokered) {
      const s = await call<SupportSuggestions>('suggestSupport', { pointId: r.ebi_point_id, limit: 50 });
      const match = s.suggestions.find((x) => x.schoolId === r.brokered_to_school_id);
      expect(match, `EBI ${r.ebi_point_id} brokered to school ${r.brokered_to_school_id}`).toBeDefined();
      expect(match!.accreditedAoe).not.toBeNull();
    }
  });
});

describe('support requests on the hub dashboard', () => {
  it('shows exactly the hub’s open, brokered and in-progress requests, oldest first, with who they were brokered to', async () => {
    const d = await call<HubDashboard>('hubDashboard', { hubId: aspireId, year: '2026/27' });
    const stored = await storedRequestsOfHub(aspireId);
    const open = stored.filter((r) => (OPEN_SUPPORT_STATUSES as readonly string[]).includes(r.status));
    expect(open.length).toBeGreaterThan(0);
    expect(stored.length).toBeGreaterThan(open.length);
    expect(d.supportRequests.map((r) => r.id).sort()).toEqual(open.map((r) => r.id).sort());
    expect(d.supportRequests.map((r) => r.requestedOn)).toEqual([...d.supportRequests.map((r) => r.requestedOn)].sort());
    const schools = new Set(d.schools.map((s) => s.schoolId));
    for (const r of d.supportRequests) {
      expect(schools.has(r.schoolId)).toBe(true);
      expect(isSupportOpen(r.status)).toBe(true);
      if (r.brokeredToSchoolId !== null) expect(r.brokeredToSchool).toEqual(expect.any(String));
    }
    // The records list of the school shows the same record (same version), so the dashboard can open it for editing.
    const first = d.supportRequests[0]!;
    const list = await call<SupportRequestRecord[]>('schoolSupportRequests', { schoolId: first.schoolId });
    expect(list.find((r) => r.id === first.id)).toEqual(first);
  });

  it('a new request appears on its hub’s dashboard only; closed, it leaves the dashboard', async () => {
    const d = await call<HubDashboard>('hubDashboard', { hubId: aspireId, year: '2026/27' });
    const school = d.schools.find((s) => !d.supportRequests.some((r) => r.schoolId === s.schoolId))!;
    const other = await t.ctx.db.selectFrom('memberships').where('year_id', '=', year).where('hub_id', '!=', aspireId).select(['school_id', 'hub_id']).orderBy('school_id').executeTakeFirstOrThrow();
    const otherBefore = await call<HubDashboard>('hubDashboard', { hubId: other.hub_id, year: '2026/27' });

    const added = await addSupportRequest(t.ctx, { schoolId: school.schoolId, requestedOn: '2026-11-20', area: 'Phonics for late starters', ebiPointId: null, brokeredToSchoolId: other.school_id, brokeredTo: null, status: 'brokered', notes: null });
    const after = await call<HubDashboard>('hubDashboard', { hubId: aspireId, year: '2026/27' });
    expect(after.supportRequests).toHaveLength(d.supportRequests.length + 1);
    expect(after.supportRequests.find((r) => r.id === added.record.id)).toEqual(added.record);
    expect((await call<HubDashboard>('hubDashboard', { hubId: other.hub_id, year: '2026/27' })).supportRequests).toEqual(otherBefore.supportRequests);

    await updateSupportRequest(t.ctx, { requestId: added.record.id, version: added.record.version, requestedOn: '2026-11-20', area: 'Phonics for late starters', ebiPointId: null, brokeredToSchoolId: other.school_id, brokeredTo: null, status: 'done', notes: 'Two visits.' });
    const closed = await call<HubDashboard>('hubDashboard', { hubId: aspireId, year: '2026/27' });
    expect(closed.supportRequests.map((r) => r.id)).toEqual(d.supportRequests.map((r) => r.id));
  });
});

describe('support requests in the call pack', () => {
  it('lists the hub’s open requests and those changed since the window opened, with status and who they were brokered to; new ones are in the timeline', async () => {
    const p = await call<CallPack>('callPack', { hubId: aspireId, term: '2026-autumn' });
    const stored = await storedRequestsOfHub(aspireId);
    const expected = stored.filter((r) => isSupportOpen(r.status) || r.updated_at.slice(0, 10) >= p.window.from);
    expect(stored.length).toBeGreaterThan(expected.length); // the demo's request done last summer is not in this term's pack
    expect(p.supportRequests.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const closed = p.supportRequests.filter((r) => !isSupportOpen(r.status));
    expect(closed.length).toBeGreaterThan(0); // the one marked done above, and the demo's declined one
    const brokered = p.supportRequests.find((r) => r.brokeredToSchoolId !== null)!;
    const name = (await t.ctx.db.selectFrom('schools').where('id', '=', brokered.brokeredToSchoolId!).select('name').executeTakeFirstOrThrow()).name;
    expect(brokered.brokeredTo).toBe(name);
    const outside = stored.find((r) => r.brokered_to !== null && expected.some((e) => e.id === r.id));
    if (outside) expect(p.supportRequests.find((r) => r.id === outside.id)!.brokeredTo).toBe(outside.brokered_to);

    const asked = p.supportRequests.filter((r) => r.date >= p.window.from && r.date <= p.window.until);
    expect(p.supportRequests.filter((r) => r.isNew)).toEqual(asked);
    expect(p.changes.supportRequested).toEqual(asked);
    const lines = p.timeline.filter((l) => l.what === 'Support requested');
    expect(lines.map((l) => l.school).sort()).toEqual(asked.map((r) => r.school).sort());
    const line = lines.find((l) => l.detail.includes('Phonics for late starters'))!;
    expect(line.detail).toMatch(/^“Phonics for late starters”: done, brokered to .+\.$/);
  });

  it('a pack for a term already over leaves out requests made after it', async () => {
    const p = await call<CallPack>('callPack', { hubId: aspireId, term: '2026-summer' });
    expect(p.asAt < '2026-09-01').toBe(true);
    for (const r of p.supportRequests) expect(r.date <= p.asAt).toBe(true);
    const later = (await storedRequestsOfHub(aspireId)).filter((r) => r.requested_on > p.asAt);
    expect(later.length).toBeGreaterThan(0);
  });

  it('writes them to the workbook’s “Support requests” sheet with status and who they were brokered to', async () => {
    const p = await call<CallPack>('callPack', { hubId: aspireId, term: '2026-autumn' });
    const file = await call<PackWorkbookFile>('callPackWorkbook', { hubId: aspireId, term: '2026-autumn' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Support requests')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Requested', 'School', 'URN', 'Area of support', 'Status', 'Brokered to', 'New this term', 'Notes']);
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i++) {
      const v = sheet.getRow(i).values as unknown[];
      rows.push({ date: (v[1] as Date).toISOString().slice(0, 10), school: v[2], area: v[4], status: v[5], brokeredTo: v[6] ?? null });
    }
    expect(rows).toEqual(p.supportRequests.map((r) => ({ date: r.date, school: r.school, area: r.area, status: r.status, brokeredTo: r.brokeredTo })));
    const summary = wb.getWorksheet('Pack')!;
    const at = summary.getColumn(1).values.findIndex((v) => v === 'Open support requests');
    expect(summary.getRow(at).getCell(2).value).toBe(p.supportRequests.filter((r) => isSupportOpen(r.status)).length);
  });
});

describe('a pack for a term already over shows each request as it stood then', () => {
  it('a request brokered in July and done in November is brokered in the summer pack and done in the autumn one', async () => {
    const y2526 = (await t.ctx.db.selectFrom('membership_years').where('label', '=', '2025/26').select('id').executeTakeFirstOrThrow()).id;
    // A school of Aspire Hub in both years, brokered to another member school.
    const both = await t.ctx.db
      .selectFrom('memberships as a')
      .innerJoin('memberships as b', 'b.school_id', 'a.school_id')
      .where('a.hub_id', '=', aspireId)
      .where('a.year_id', '=', y2526)
      .where('b.hub_id', '=', aspireId)
      .where('b.year_id', '=', year)
      .select('a.school_id')
      .limit(2)
      .execute();
    const [asker, helper] = both.map((m) => m.school_id) as [number, number];
    const july = { ...t.ctx, today: () => '2026-07-10', now: () => new Date('2026-07-10T09:00:00Z') };
    const base = { requestedOn: '2026-07-06', area: 'Reading fluency in Year 8', ebiPointId: null, brokeredTo: null, notes: null };
    const added = await addSupportRequest(july, { ...base, schoolId: asker, brokeredToSchoolId: null, status: 'open' });
    const brokered = await updateSupportRequest(july, { ...base, requestId: added.record.id, version: added.record.version, brokeredToSchoolId: helper, status: 'brokered' });
    // Done in November (the test store's today), after the summer term.
    await updateSupportRequest(t.ctx, { ...base, requestId: added.record.id, version: brokered.record.version, brokeredToSchoolId: helper, status: 'done', notes: 'Three visits.' });

    const helperName = (await t.ctx.db.selectFrom('schools').where('id', '=', helper).select('name').executeTakeFirstOrThrow()).name;
    const summer = await call<CallPack>('callPack', { hubId: aspireId, term: '2026-summer' });
    expect(summer.asAt < '2026-11-01').toBe(true);
    expect(summer.supportRequests.find((r) => r.id === added.record.id)).toMatchObject({ status: 'brokered', brokeredTo: helperName, notes: null });
    const autumn = await call<CallPack>('callPack', { hubId: aspireId, term: '2026-autumn' });
    expect(autumn.supportRequests.find((r) => r.id === added.record.id)).toMatchObject({ status: 'done', brokeredTo: helperName, notes: 'Three visits.' });
  });
});
