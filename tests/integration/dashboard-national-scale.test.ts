/**
 * The dashboards at more than national scale with every name and URN distinct (as in the real roll):
 * SQLite refuses a statement with more than 32,766 bound parameters, so no list of schools, URNs or
 * headteachers' names may be bound whole. 33,600 schools, 33,000 of them in one hub so the hub
 * dashboard's own lists are that long too; written with batch inserts (a few seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubDashboard, NetworkDashboard } from '@shared/contract/dashboards';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore } from '../helpers/store';
import { TEST_NOW } from '../helpers/clock';

const SCHOOLS = 33_600;
const GIANT = 33_000;
const NOW = TEST_NOW.toISOString();
let t: TestStore;
const ids = { giant: 0, small: 0 };

const urn = (k: number) => String(300_000 + k);
const head = (k: number) => `Headteacher ${k} Distinct-${(k * 7919) % 100_003}`;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) await insert(rows.slice(i, i + 1_000));
}

beforeAll(async () => {
  t = await openTestStore();
  await t.ctx.db.transaction().execute(async (trx) => {
    const year = await trx
      .insertInto('membership_years')
      .values({ label: '2026/27', start_date: '2026-09-01', end_date: '2027-08-31', draft_plan_deadline: '2026-12-01', final_plan_deadline: '2027-01-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const hub = (name: string) =>
      trx.insertInto('hubs').values({ name, region: 'North', created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow();
    ids.giant = (await hub('Giant Hub')).id;
    ids.small = (await hub('Small Hub')).id;
    const ks = Array.from({ length: SCHOOLS }, (_, k) => k);
    await inBatches(ks, (batch) =>
      trx
        .insertInto('schools')
        .values(batch.map((k) => ({ urn: urn(k), name: `School ${String(k).padStart(5, '0')}`, phase: 'Primary', headteacher: head(k), headteacher_since: '2026-10-01', created_at: NOW, updated_at: NOW })))
        .execute(),
    );
    const schoolId = new Map((await trx.selectFrom('schools').select(['id', 'urn']).execute()).map((s) => [s.urn, s.id]));
    await inBatches(ks, (batch) =>
      trx
        .insertInto('memberships')
        .values(batch.map((k) => ({ school_id: schoolId.get(urn(k))!, hub_id: k < GIANT ? ids.giant : ids.small, year_id: year.id, pupils: 200 + (k % 900), status: 'renewing', updated_at: NOW })))
        .execute(),
    );
    // Ofsted: an Inadequate inspection this academic year for schools at both ends of the lists and
    // beyond the first chunk, and a Good one for the rest of those hubs' first schools.
    for (const [k, grade, date] of [[5, '4', '2026-10-01'], [GIANT - 1, '4', '2026-10-02'], [SCHOOLS - 1, '4', '2026-10-03'], [6, '2', '2023-05-01']] as const) {
      const i = await trx
        .insertInto('ofsted_inspections')
        .values({ urn: urn(k), start_date: date, publication_date: date, inspection_type: 'Section 5', framework: 'oeif' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('ofsted_judgements').values({ inspection_id: i.id, area: 'Overall effectiveness', grade, grade_date: date }).execute();
    }
    // Reviewer training: school 32,999's headteacher trained while at another school (matched by
    // name, the last name of the giant hub's list), school 10's at its own school.
    await trx
      .insertInto('reviewer_trainings')
      .values([
        { school_id: schoolId.get(urn(SCHOOLS - 2))!, person_name: head(GIANT - 1), trained_on: '2026-10-20' },
        { school_id: schoolId.get(urn(10))!, person_name: head(10), trained_on: '2026-10-21' },
      ])
      .execute();
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe(`dashboards with ${SCHOOLS} distinct schools, URNs and headteachers`, () => {
  it('loads the network dashboard: every school counted, vulnerable schools from both ends of the lists', async () => {
    const r = await dispatch(t.ctx, 'networkDashboard', { year: '2026/27' });
    if (!r.ok) throw new Error(r.error.message);
    const network = r.value as NetworkDashboard;
    expect(network.totals.schools).toBe(SCHOOLS);
    const giant = network.hubs.find((h) => h.hubId === ids.giant)!;
    const small = network.hubs.find((h) => h.hubId === ids.small)!;
    expect(giant.schools).toBe(GIANT);
    expect(small.schools).toBe(SCHOOLS - GIANT);
    expect(giant.vulnerableSchools).toEqual(['School 00005', `School ${GIANT - 1}`]);
    expect(small.vulnerableSchools).toEqual([`School ${SCHOOLS - 1}`]);
    expect(network.totals.vulnerable).toBe(3);
    const profile = (h: typeof giant) => Object.fromEntries(h.ofstedProfile.map((b) => [b.key, b.count]));
    expect(profile(giant)).toMatchObject({ Inadequate: 2, Good: 1, 'No inspection': GIANT - 3 });
    expect(giant.pupils).toBe(Array.from({ length: GIANT }, (_, k) => 200 + (k % 900)).reduce((a, b) => a + b, 0));
  }, 120_000);

  it(`loads the hub dashboard of a hub of ${GIANT} schools: trainings matched by school and by name at the end of the list`, async () => {
    const r = await dispatch(t.ctx, 'hubDashboard', { hubId: ids.giant, year: '2026/27' });
    if (!r.ok) throw new Error(r.error.message);
    const hub = r.value as HubDashboard;
    expect(hub.schools).toHaveLength(GIANT);
    const school = (k: number) => hub.schools.find((s) => s.urn === urn(k))!;
    expect(school(GIANT - 1).headteacherTraining).toMatchObject({ flagged: false, code: 'trained', trainedOn: '2026-10-20' });
    expect(school(10).headteacherTraining).toMatchObject({ flagged: false, code: 'trained', trainedOn: '2026-10-21' });
    expect(school(11).headteacherTraining).toMatchObject({ flagged: true, code: 'new_head_untrained' });
    expect(school(GIANT - 1).vulnerable.flagged).toBe(true);
    expect(school(GIANT - 1).ofsted.profileKey).toBe('Inadequate');
    expect(school(6).ofsted.profileKey).toBe('Good');
    expect(hub.summary.vulnerable).toBe(2);
  }, 120_000);
});
