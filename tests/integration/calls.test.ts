import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import { formatPence } from '../../shared/domain/money';
import { membershipChanges } from '../../electron/core/calls/pack-membership';
import { loadActions } from '../../electron/core/calls/store';
import { TEST_NOW, TEST_TODAY } from '../helpers/clock';

let t: TestStore;
let aspireId: number;
let grace: number;

beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
  aspireId = (await t.ctx.db.selectFrom('hubs').select('id').where('name', '=', 'Aspire Hub').executeTakeFirstOrThrow()).id;
  grace = (await t.ctx.db.selectFrom('central_staff').select('id').where('name', '=', 'Grace Okafor').executeTakeFirstOrThrow()).id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

/** Calls a method that must refuse: returns its message and proves the database unchanged. */
async function refused<M extends MethodName>(method: M, request: unknown): Promise<{ kind: string; message: string }> {
  const before = (await storeHash(t.store));
  const r = await dispatch(t.ctx, method, request);
  expect(r.ok, `${method} accepted ${JSON.stringify(request)}`).toBe(false);
  expect((await storeHash(t.store))).toBe(before);
  return r.ok ? { kind: '', message: '' } : { kind: r.error.kind, message: r.error.message };
}

/** The hub's member schools in a year, straight from the tables (the expectations' own source). */
async function memberSchools(year: string) {
  return t.ctx.db
    .selectFrom('memberships as m')
    .innerJoin('membership_years as y', 'y.id', 'm.year_id')
    .innerJoin('schools as s', 's.id', 'm.school_id')
    .where('m.hub_id', '=', aspireId)
    .where('y.label', '=', year)
    .select(['s.id', 's.urn', 's.name'])
    .execute();
}

describe('the call pack before any call (Aspire Hub, autumn 2026)', () => {
  it('looks back to the start of term, and dates every fact inside that window', async () => {
    const p = await call('callPack', { hubName: 'Aspire Hub', term: '2026-autumn' });
    expect(p.term).toEqual({ id: '2026-autumn', label: 'Autumn 2026', start: '2026-09-01', end: '2026-12-31', membershipYear: '2026/27' });
    expect(p.asAt).toBe(TEST_TODAY);
    expect(p.kind).toBe('hub_manager');
    expect(p.window).toEqual({
      from: '2026-09-01',
      until: TEST_TODAY,
      basis: 'start of term',
      label: 'since the start of term, 1 September 2026 (no Hub Manager call held before)',
      lastCall: null,
    });
    const dated = [
      ...p.changes.qaReports, ...p.changes.reviewsHeld, ...p.changes.reviewersOut, ...p.changes.ofsted, ...p.changes.membership,
      ...p.changes.newHeadteachers, ...p.changes.claimsPaid, ...p.changes.supportRequested,
    ];
    expect(dated.length).toBeGreaterThan(0);
    for (const f of dated) expect(f.date >= '2026-09-01' && f.date <= TEST_TODAY, JSON.stringify(f)).toBe(true);
    // The one dated list the screen, workbook and CLI show: every change once, oldest first.
    const reviewsVisited = new Set(p.changes.reviewersOut.map((r) => `${r.date} ${r.hostSchool}`)).size;
    expect(p.timeline).toHaveLength(dated.length - p.changes.reviewersOut.length + reviewsVisited + p.changes.actionsClosed.length);
    expect(p.timeline.filter((l) => /went out/.test(l.what))).toHaveLength(reviewsVisited);
    expect(p.timeline.map((l) => l.date)).toEqual([...p.timeline.map((l) => l.date)].sort());
    expect(p.timeline.filter((l) => l.what === 'QA report received').map((l) => l.school)).toEqual(p.changes.qaReports.map((r) => r.school));
    expect(p.callStatus.hub_manager).toMatchObject({ status: 'due', dueBy: '2026-12-31', notReached: ['Emma Ford', 'Simon Goodwin'] });
    expect(p.callStatus.senior_partner).toMatchObject({ status: 'due', notReached: ['Amelia Vaughan'] });
  });

  it('lists exactly the QA reports received and reviews held this term, with estimates and Area of Excellence', async () => {
    const p = await call('callPack', { hubName: 'Aspire Hub', term: '2026-autumn' });
    const ids = (await memberSchools('2026/27')).map((s) => s.id);
    const reviews = await t.ctx.db.selectFrom('qa_reviews').where('school_id', 'in', ids).selectAll().execute();
    const received = reviews.filter((r) => r.report_received_on && r.report_received_on >= '2026-09-01' && r.report_received_on <= TEST_TODAY);
    const held = reviews.filter((r) => r.end_date >= '2026-09-01' && r.end_date <= TEST_TODAY);
    expect(received.length).toBeGreaterThan(0);
    expect(p.changes.qaReports.map((r) => r.reviewId).sort()).toEqual(received.map((r) => r.id).sort());
    expect(p.changes.reviewsHeld.map((r) => r.reviewId).sort()).toEqual(held.map((r) => r.id).sort());
    for (const report of p.changes.qaReports) {
      const row = received.find((r) => r.id === report.reviewId)!;
      expect(report.date).toBe(row.report_received_on);
      expect(report.estimates).toEqual({ leadership: row.estimate_leadership, quality: row.estimate_quality, disadvantaged: row.estimate_disadvantaged });
      expect(report.aoe?.title ?? null).toBe(row.aoe_title);
    }
    // Oldest first.
    expect(p.changes.qaReports.map((r) => r.date)).toEqual([...p.changes.qaReports.map((r) => r.date)].sort());
  });

  it('shows the same reviewer figures, upcoming reviews and vulnerable schools as the hub dashboard', async () => {
    const p = await call('callPack', { hubName: 'Aspire Hub', term: '2026-autumn' });
    const d = await call('hubDashboard', { hubName: 'Aspire Hub', year: '2026/27' });
    expect(p.reviewers).toHaveLength(19);
    for (const s of d.schools) {
      const row = p.reviewers.find((r) => r.schoolId === s.schoolId)!;
      expect(row).toMatchObject({ owed: s.reviewers.owed, attended: s.reviewers.attended, booked: s.reviewers.booked, shortfall: s.reviewers.shortfall, status: s.reviewers.status });
    }
    expect(p.reviewsComingUp.map((r) => r.reviewId)).toEqual(d.upcomingReviews.map((r) => r.reviewId));
    for (const r of p.reviewsComingUp) expect(r.openPlaces).toBe(Math.max(0, r.teamSize - r.filled));
    expect(p.vulnerable.map((v) => v.schoolId).sort()).toEqual(d.schools.filter((s) => s.vulnerable.flagged).map((s) => s.schoolId).sort());
    expect(p.meetings.map((m) => m.date)).toEqual(d.meetings.map((m) => m.date));
  });

  it('lists drop-outs of reviews still to come that nobody has replaced', async () => {
    const p = await call('callPack', { hubName: 'Aspire Hub', term: '2026-autumn' });
    expect(p.dropOuts.length).toBeGreaterThan(0);
    const replaced = new Set(
      (await t.ctx.db.selectFrom('reviewer_assignments').select('replaces_assignment_id').where('replaces_assignment_id', 'is not', null).execute()).map((r) => r.replaces_assignment_id),
    );
    for (const d of p.dropOuts) {
      expect(d.date > p.asAt).toBe(true);
      const rows = await t.ctx.db
        .selectFrom('reviewer_assignments')
        .select(['id', 'status'])
        .where('review_id', '=', d.reviewId)
        .where('reviewer_name', '=', d.reviewer)
        .execute();
      expect(rows.some((r) => r.status === 'dropped' && !replaced.has(r.id))).toBe(true);
    }
  });

  it('gives the funding status from the funding engine: £38,589.77 available, released, remaining, claims pending', async () => {
    const p = await call('callPack', { hubName: 'Aspire Hub', term: '2026-autumn' });
    const f = await call('getHubFunding', { hubId: aspireId, year: '2026/27' });
    expect(formatPence(p.funding.totalAvailablePence)).toBe('£38,589.77');
    expect(p.funding.releasedPence).toBe(f.reconciliation.releasedPence);
    expect(p.funding.remainingPence).toBe(p.funding.totalAvailablePence - p.funding.releasedPence);
    expect(p.funding.conditionsMissing.map((c) => c.key)).toEqual(f.release.conditions.filter((c) => !c.met).map((c) => c.key));
    const pending = f.claims.filter((c) => c.status === 'submitted' || c.status === 'approved');
    expect(pending.length).toBeGreaterThan(0);
    expect(p.funding.claimsPending.map((c) => c.invoiceRef).sort()).toEqual(pending.map((c) => c.invoiceRef).sort());
    for (const c of p.changes.claimsPaid) expect(c.paidOn).toBe(c.date);
  });

  it('for a term already over, is as at its last day: Ofsted reports published that summer', async () => {
    const p = await call('callPack', { hubName: 'Aspire Hub', term: '2026-summer' });
    expect(p.term.membershipYear).toBe('2025/26');
    expect(p.asAt).toBe('2026-08-31');
    expect(p.callStatus.hub_manager.status).toBe('overdue');
    const urns = (await memberSchools('2025/26')).map((s) => s.urn);
    const published = await t.ctx.db
      .selectFrom('ofsted_inspections')
      .select(['urn', 'publication_date'])
      .where('urn', 'in', urns)
      .where('publication_date', '>=', '2026-05-01')
      .where('publication_date', '<=', '2026-08-31')
      .execute();
    expect(published.length).toBeGreaterThan(0);
    expect(p.changes.ofsted.map((i) => `${i.urn} ${i.date}`).sort()).toEqual(published.map((i) => `${i.urn} ${i.publication_date}`).sort());
    for (const i of p.changes.ofsted) {
      expect(i.published).toBe(true);
      expect(i.inspectionDate <= i.date).toBe(true);
    }
  });
});

describe('recording calls: actions carry into the next pack', () => {
  let firstActionId: number;
  let secondActionId: number;

  it('records a Hub Manager call with notes, attendees and actions', async () => {
    const c = await call('recordCall', {
      hubId: aspireId,
      heldOn: '2026-11-10',
      kind: 'hub_manager',
      attendees: ['Emma Ford', ' Grace  Okafor ', 'emma ford'],
      notes: 'Temperature check: positive. Two drop-outs to replace before the December reviews.',
      actions: [
        { text: 'Find a replacement reviewer for Ormiston Bolingbroke', owner: 'Emma Ford', dueOn: '2026-11-20' },
        { text: 'Send the spring meeting agenda', owner: 'Grace Okafor' },
      ],
    });
    expect(c).toMatchObject({ hubId: aspireId, hub: 'Aspire Hub', term: '2026-autumn', termLabel: 'Autumn 2026', heldOn: '2026-11-10', kind: 'hub_manager', createdBy: 'tester' });
    expect(c.attendees).toEqual(['Emma Ford', 'Grace Okafor']);
    expect(c.actions.map((a) => [a.text, a.owner, a.dueOn, a.status, a.overdue])).toEqual([
      ['Find a replacement reviewer for Ormiston Bolingbroke', 'Emma Ford', '2026-11-20', 'open', true],
      ['Send the spring meeting agenda', 'Grace Okafor', null, 'open', false],
    ]);
    [firstActionId, secondActionId] = c.actions.map((a) => a.id) as [number, number];
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'call').where('entity_id', '=', String(c.id)).execute();
    expect(audit).toHaveLength(1);
  });

  it('the next pack looks back only to that call, carries its open actions and shows the call held', async () => {
    const p = await call('callPack', { hubId: aspireId, term: '2026-autumn' });
    // Recorded without a time, for a day before today: held by the end of that day.
    expect(p.window).toMatchObject({ from: '2026-11-10', until: TEST_TODAY, basis: 'last call', label: 'since the last Hub Manager call, 10 November 2026 at 23:59' });
    expect(p.window.lastCall).toMatchObject({ heldOn: '2026-11-10', heldAt: '2026-11-10T23:59:00.000Z', kind: 'hub_manager', attendees: ['Emma Ford', 'Grace Okafor'] });
    const all = [...p.changes.qaReports, ...p.changes.reviewsHeld, ...p.changes.claimsPaid];
    // On the call's day only what hubdesk recorded after the call (the demo was loaded on the 23rd).
    for (const f of all) expect(f.date >= '2026-11-10').toBe(true);
    const before = await call('callPack', { hubId: aspireId, term: '2026-summer' });
    expect(before.window.basis).toBe('start of term');
    expect(p.openActions.map((a) => a.id)).toEqual([firstActionId, secondActionId]);
    expect(p.openActions[0]!.overdue).toBe(true);
    expect(p.callStatus.hub_manager).toMatchObject({ status: 'held', heldOn: ['2026-11-10'], notReached: ['Simon Goodwin'] });
    expect(p.callStatus.senior_partner.status).toBe('due');
    expect(p.previousCalls.map((c) => c.heldOn)).toEqual(['2026-11-10']);
  });

  it('an action done since the call is reported with its date and leaves the open list', async () => {
    const a = await call('updateCallAction', { actionId: firstActionId, status: 'done', doneOn: '2026-11-15' });
    expect(a).toMatchObject({ status: 'done', doneOn: '2026-11-15', overdue: false });
    const p = await call('callPack', { hubId: aspireId, term: '2026-autumn' });
    expect(p.openActions.map((x) => x.id)).toEqual([secondActionId]);
    expect(p.changes.actionsClosed.map((x) => [x.id, x.doneOn])).toEqual([[firstActionId, '2026-11-15']]);
  });

  it('a Senior Partner call settles earlier actions and adds its own; My calls shows both calls held', async () => {
    const c = await call('recordCall', {
      hubId: aspireId,
      heldOn: TEST_TODAY,
      kind: 'senior_partner',
      attendees: ['Amelia Vaughan'],
      notes: '',
      actions: [{ text: 'Ask finance about the approved claims', owner: 'Grace Okafor', dueOn: '2026-12-04' }],
      actionUpdates: [{ actionId: secondActionId, status: 'dropped' }],
    });
    expect(c.term).toBe('2026-autumn');
    // The hub's actions as the call pack reads them.
    const dropped = (await loadActions(t.ctx.db, { hubIds: [aspireId] }, t.ctx.today())).find((x) => x.id === secondActionId)!;
    expect(dropped).toMatchObject({ status: 'dropped', doneOn: TEST_TODAY });

    // The Senior Partner pack starts at its own call, held just now: nothing recorded since.
    const sp = await call('callPack', { hubId: aspireId, term: '2026-autumn', kind: 'senior_partner' });
    expect(sp.openActions.map((x) => x.text)).toEqual(['Ask finance about the approved claims']);
    expect(sp.window).toMatchObject({ from: TEST_TODAY, basis: 'last call', lastCall: { kind: 'senior_partner', heldAt: TEST_NOW.toISOString() } });
    expect(sp.timeline).toEqual([]);
    expect(sp.previousCalls.map((x) => x.kind)).toEqual(['senior_partner', 'hub_manager']);
    // The Hub Manager pack still looks back to the Hub Manager call: the Senior Partner call does not empty it.
    const hm = await call('callPack', { hubId: aspireId, term: '2026-autumn' });
    expect(hm.window.lastCall).toMatchObject({ kind: 'hub_manager', heldOn: '2026-11-10' });
    expect(hm.timeline.length).toBeGreaterThan(0);

    await call('setIdentity', { staffId: grace });
    const mine = await call('myCalls', {});
    expect(mine.manager?.name).toBe('Grace Okafor');
    const aspire = mine.hubs.find((h) => h.hub === 'Aspire Hub')!;
    expect(aspire.calls.hub_manager.status).toBe('held');
    expect(aspire.calls.senior_partner.status).toBe('held');
    expect(aspire.lastCall).toEqual({ heldOn: TEST_TODAY, heldAt: TEST_NOW.toISOString(), kind: 'senior_partner' });
    expect(aspire.openActions).toBe(1);
    const hubs = await t.ctx.db.selectFrom('hubs').select('name').where('memberships_manager_id', '=', grace).orderBy('name').execute();
    expect(mine.hubs.map((h) => h.hub)).toEqual(hubs.map((h) => h.name));
    // Each hub's call of each kind is held once one is recorded in the term (the demo holds some of the other hubs').
    const heldIn = async (term: string) =>
      (
        await t.ctx.db
          .selectFrom('calls as c')
          .innerJoin('hubs as h', 'h.id', 'c.hub_id')
          .where('h.memberships_manager_id', '=', grace)
          .where('c.term', '=', term)
          .select(['c.hub_id', 'c.kind'])
          .distinct()
          .execute()
      ).length;
    const heldThisTerm = await heldIn('2026-autumn');
    expect(heldThisTerm).toBeGreaterThanOrEqual(2);
    expect(mine.totals).toMatchObject({ held: heldThisTerm, due: hubs.length * 2 - heldThisTerm });
    // Last term: the calls held then, and every other call overdue (Aspire's among them).
    const summer = await call('myCalls', { term: '2026-summer' });
    const heldInSummer = await heldIn('2026-summer');
    expect(summer.totals).toEqual({ held: heldInSummer, due: 0, overdue: hubs.length * 2 - heldInSummer, notYetDue: 0 });
    expect(summer.hubs.find((h) => h.hub === 'Aspire Hub')!.calls.hub_manager.status).toBe('overdue');
    // A past term's "last call" is the last one up to its end, never a later one (Aspire's are both in the autumn).
    expect(summer.hubs.find((h) => h.hub === 'Aspire Hub')!.lastCall).toBeNull();
  });

  it('reads membership changes from imports made since the last call', async () => {
    const school = (await memberSchools('2026/27'))[0]!;
    const membership = await t.ctx.db
      .selectFrom('memberships as m')
      .innerJoin('membership_years as y', 'y.id', 'm.year_id')
      .where('m.school_id', '=', school.id)
      .where('y.label', '=', '2026/27')
      .selectAll('m')
      .executeTakeFirstOrThrow();
    const batch = await t.ctx.db
      .insertInto('import_batches')
      .values({ kind: 'roll', file_name: 'roll-dec.xlsx', sha256: 'x'.repeat(64), source_as_at: null, year_id: membership.year_id, created_by: 'tester', created_at: '2026-11-21T09:00:00.000Z', undone_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('import_changes')
      .values({ batch_id: batch.id, seq: 1, table_name: 'memberships', row_id: membership.id, action: 'update', before_json: JSON.stringify(membership), after_json: JSON.stringify({ ...membership, pupils: membership.pupils + 40 }) })
      .execute();
    const sinceFirstCall = { kind: 'hub_manager' as const, from: '2026-11-10', until: TEST_TODAY, basis: 'last call' as const, lastCallOn: '2026-11-10', lastCallAt: '2026-11-10T15:00:00.000Z' };
    const windowAfterFirstCall = await membershipChanges(t.ctx.db, aspireId, membership.year_id, sinceFirstCall);
    const beforeFirstCall = await membershipChanges(t.ctx.db, aspireId, membership.year_id, {
      kind: 'hub_manager', from: '2026-09-01', until: '2026-11-10', basis: 'start of term', lastCallOn: null, lastCallAt: null,
    });
    expect(beforeFirstCall).toEqual([]);
    expect(windowAfterFirstCall).toEqual([
      { date: '2026-11-21', schoolId: school.id, school: school.name, urn: school.urn, change: 'pupils', detail: `pupils ${membership.pupils} → ${membership.pupils + 40}`, source: 'roll-dec.xlsx' },
    ]);
    await t.ctx.db.updateTable('import_batches').set({ undone_at: '2026-11-22T00:00:00.000Z' }).where('id', '=', batch.id).execute();
    const undone = await membershipChanges(t.ctx.db, aspireId, membership.year_id, sinceFirstCall);
    expect(undone).toEqual([]);
  });
});

describe('the pack as a workbook', () => {
  it('has a sheet per part, bold frozen headers, real dates, £ amounts and text kept as text', async () => {
    await call('recordCall', {
      hubId: aspireId,
      heldOn: TEST_TODAY,
      kind: 'hub_manager',
      attendees: ['Simon Goodwin'],
      notes: '=HYPERLINK("http://example.invalid","x")',
      actions: [{ text: '=1+1 check the invoice', owner: '+44 151 000', dueOn: '2026-12-01' }],
    });
    const file = await call('callPackWorkbook', { hubId: aspireId, term: '2026-autumn' });
    expect(file.fileName).toBe('Aspire Hub - call pack 2026-autumn.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Pack', 'What changed', 'Reviews coming up', 'Reviewer commitments', 'Drop-outs to replace', 'Vulnerable schools', 'Support requests', 'Claims pending', 'Meetings', 'Open actions',
    ]);
    for (const sheet of wb.worksheets) {
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    const pack = wb.getWorksheet('Pack')!;
    const rowOf = (label: string) => pack.getColumn(1).values.findIndex((v) => v === label);
    const total = pack.getRow(rowOf('Total available')).getCell(2);
    expect(total.value).toBe(38589.77);
    expect(total.numFmt).toContain('£');
    const asAt = pack.getRow(rowOf('Pack as at')).getCell(2).value;
    expect(asAt).toBeInstanceOf(Date);
    expect((asAt as Date).toISOString().slice(0, 10)).toBe(TEST_TODAY);

    const actions = wb.getWorksheet('Open actions')!;
    const texts = actions.getColumn(3).values.slice(2);
    expect(texts).toContain('=1+1 check the invoice');
    for (let r = 2; r <= actions.rowCount; r++) {
      for (let c = 1; c <= actions.columnCount; c++) expect(actions.getRow(r).getCell(c).formula).toBeUndefined();
    }
    const due = actions.getRow(2).getCell(5);
    expect(due.value).toBeInstanceOf(Date);
    expect(actions.getColumn(3).width).toBeGreaterThan(40);
    expect(actions.getRow(2).alignment?.wrapText).toBe(true);
  });
});

describe('bad input: a clear message and nothing written', () => {
  it('an unknown hub', async () => {
    const r = await refused('callPack', { hubName: 'Nowhere Hub', term: '2026-autumn' });
    expect(r.kind).toBe('not_found');
    expect(r.message).toMatch(/no hub named “Nowhere Hub”/);
    expect((await refused('recordCall', { hubId: 99_999, heldOn: '2026-11-01', kind: 'hub_manager', attendees: [], notes: '', actions: [] })).message).toBe(
      'hubId: there is no hub with id 99999',
    );
  });

  it('a term that is not a term, or one of a year hubdesk does not hold', async () => {
    const winter = await refused('callPack', { hubName: 'Aspire Hub', term: '2025-winter' });
    expect(winter.kind).toBe('validation');
    expect(winter.message).toBe('callPack: term: must be a term like 2025-autumn: the calendar year, a hyphen, then autumn, spring or summer');
    const far = await refused('callPack', { hubName: 'Aspire Hub', term: '2030-autumn' });
    expect(far.message).toMatch(/^term: Autumn 2030 belongs to membership year 2030\/31, which hubdesk does not hold \(years held: .*2026\/27/);
    expect((await refused('myCalls', { term: 'spring' })).message).toMatch(/term: must be a term like 2025-autumn/);
  });

  it('an action without text, or with a due date that is not a date', async () => {
    const base = { hubId: aspireId, heldOn: '2026-11-20', kind: 'hub_manager', attendees: ['Emma Ford'], notes: 'n' };
    expect((await refused('recordCall', { ...base, actions: [{ text: '   ', owner: 'Emma Ford' }] })).message).toBe('recordCall: actions.0.text: an action needs its text');
    expect((await refused('recordCall', { ...base, actions: [{ text: 'x', dueOn: '2026-13-01' }] })).message).toBe('recordCall: actions.0.dueOn: is not a real calendar date');
    expect((await refused('recordCall', { ...base, actions: [{ text: 'x', dueOn: 'next Friday' }] })).message).toBe('recordCall: actions.0.dueOn: must be a date like 2025-09-01');
    expect((await refused('recordCall', { ...base, actions: [{ text: 'x', dueOn: '2026-11-01' }] })).message).toBe('actions.0.dueOn: the action is due on 2026-11-01, before the call (2026-11-20)');
  });

  it('a call in the future, a wrong kind, an action of another hub', async () => {
    const base = { hubId: aspireId, kind: 'hub_manager' as const, attendees: [] as string[], notes: '', actions: [] };
    expect((await refused('recordCall', { ...base, heldOn: '2026-12-01' })).message).toBe(`heldOn: a call is recorded once held: 2026-12-01 is after today (${TEST_TODAY})`);
    expect((await refused('recordCall', { ...base, heldOn: '2026-11-01', kind: 'headteacher' })).kind).toBe('validation');
    const other = (await t.ctx.db.selectFrom('hubs').select('id').where('name', '!=', 'Aspire Hub').executeTakeFirstOrThrow()).id;
    const c = await call('recordCall', { ...base, hubId: other, heldOn: '2026-11-02', actions: [{ text: 'Other hub action' }] });
    const msg = (await refused('recordCall', { ...base, heldOn: '2026-11-05', actionUpdates: [{ actionId: c.actions[0]!.id, status: 'done' }] })).message;
    expect(msg).toBe(`actionUpdates.0.actionId: action ${c.actions[0]!.id} (“Other hub action”) belongs to another hub`);
    expect((await refused('updateCallAction', { actionId: c.actions[0]!.id, status: 'done', doneOn: '2026-11-01' })).message).toBe(
      'doneOn: the action cannot be done on 2026-11-01, before the call that agreed it (2026-11-02)',
    );
    expect((await refused('updateCallAction', { actionId: 987_654, status: 'done' })).kind).toBe('not_found');
  });

  it('an unknown staff member for "I am"', async () => {
    expect((await refused('setIdentity', { staffId: 4242 })).message).toBe('staffId: there is no central staff member with id 4242');
    expect((await refused('myCalls', { staffId: 4242 })).message).toBe('staffId: there is no central staff member with id 4242');
  });
});
