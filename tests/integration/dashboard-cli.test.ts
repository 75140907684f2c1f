import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store';
import { cli, hashOf } from '../helpers/cli';

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  expect((await cli(['--data', dir, 'demo'])).code).toBe(0);
}, 60_000);
afterAll(() => undefined);

/** The fields of a `dashboard --json` row that these checks read (the CLI prints more). */
interface CliDashboardRow {
  urn: string;
  name: unknown;
  pupils: unknown;
  reviewers: Record<'attended' | 'awaitingConfirmation' | 'booked' | 'dropped' | 'owed' | 'shortfall', number> & { status: string };
  vulnerable: { flagged: unknown };
  ofsted: { latest: { inspectionDate: string; framework: string; overall: { code: unknown }; judgements: { date: string }[] } | null };
  qa: { estimates: Record<string, unknown>; reviewDate: string } | null;
}

describe('hubdesk dashboard', () => {
  it('prints the hub table as JSON: one object per school with Ofsted, QA, reviewers and the vulnerable flag', async () => {
    const r = await cli(['--data', dir, 'dashboard', '--hub', 'Aspire Hub', '--year', '2026/27', '--json']);
    expect(r.code, r.err).toBe(0);
    const rows = JSON.parse(r.out) as CliDashboardRow[];
    expect(rows).toHaveLength(19);
    for (const row of rows) {
      expect(row.urn).toMatch(/^\d{6}$/);
      expect(typeof row.name).toBe('string');
      expect(typeof row.pupils).toBe('number');
      expect(Object.keys(row.reviewers).sort()).toEqual(['attended', 'awaitingConfirmation', 'booked', 'dropped', 'owed', 'shortfall', 'status'].sort());
      expect(['met', 'on track', 'behind']).toContain(row.reviewers.status);
      expect(row.reviewers.shortfall).toBe(Math.max(0, row.reviewers.owed - row.reviewers.attended - row.reviewers.booked));
      expect(typeof row.vulnerable.flagged).toBe('boolean');
      const latest = row.ofsted.latest;
      if (latest) {
        expect(latest.inspectionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(latest.framework).toMatch(/^(oeif|interim_2024|report_card)$/);
        if (latest.framework !== 'oeif') expect(latest.overall.code).toBeNull();
        for (const j of latest.judgements) expect(j.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (row.qa) {
        expect(Object.keys(row.qa.estimates).sort()).toEqual(['disadvantaged', 'leadership', 'quality']);
        expect(row.qa.reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(rows.some((row) => row.ofsted.latest?.framework === 'report_card')).toBe(true);
  });

  it('prints a readable table without --json', async () => {
    const r = await cli(['--data', dir, 'dashboard', '--hub', 'aspire hub']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Aspire Hub · 2026\/27 · 19 schools · as at \d{4}-\d{2}-\d{2}/);
    expect(r.out.split('\n')).toHaveLength(21);
  });

  it('refuses an unknown hub (exit 1, clear message, database unchanged)', async () => {
    const before = await hashOf(dir);
    const r = await cli(['--data', dir, 'dashboard', '--hub', 'Aspire', '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/There is no hub named “Aspire”\. Did you mean “Aspire Hub”\?/);
    const r2 = await cli(['--data', dir, 'dashboard', '--hub', 'Atlantis', '--year', '2026/27']);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/no hub named “Atlantis”/);
    expect(await hashOf(dir)).toBe(before);
  });

  it('refuses a bad or unknown year (exit 1) and a missing --hub (exit 2), writing nothing', async () => {
    const before = await hashOf(dir);
    const bad = await cli(['--data', dir, 'dashboard', '--hub', 'Aspire Hub', '--year', '2026-27']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/year: must look like 2025\/26/);
    const unknown = await cli(['--data', dir, 'dashboard', '--hub', 'Aspire Hub', '--year', '2031/32']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no membership year 2031\/32/);
    const usage = await cli(['--data', dir, 'dashboard', '--json']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/dashboard needs --hub NAME/);
    expect(await hashOf(dir)).toBe(before);
  });
});
