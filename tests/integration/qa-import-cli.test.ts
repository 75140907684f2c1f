import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/connection';
import type { QaCommitResult, QaImportPreview } from '../../shared/contract/qa-import';
import { tempDir } from '../helpers/store';
import { buildTracker, goodTrackerSpec } from '../fixtures/qa/generate';
import { cli, hashOf } from '../helpers/cli';

let dir: string;
let good: string;
let bad: string;
let hosts: [string, string, string];

beforeAll(async () => {
  dir = tempDir();
  expect((await cli(['--data', dir, 'demo'])).code).toBe(0);
  const s = await openStore(dir);
  const urns = (
    await s.db
      .selectFrom('memberships')
      .innerJoin('schools', 'schools.id', 'memberships.school_id')
      .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
      .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
      .where('hubs.name', '=', 'Aspire Hub')
      .where('membership_years.label', '=', '2025/26')
      .select('schools.urn')
      .orderBy('schools.urn')
      .execute()
  ).map((r) => r.urn);
  await s.close();
  hosts = [urns[0]!, urns[1]!, urns[2]!];
  const spec = goodTrackerSpec(hosts, [urns[3]!, urns[4]!]);
  // 2025/26: the same tracker a year earlier.
  for (const r of spec.reviews) {
    r.start = typeof r.start === 'string' ? r.start.replace('2026', '2025').replace('2027', '2026') : new Date(Date.UTC(2025, 9, 6));
    r.end = typeof r.end === 'string' ? r.end.replace('2026', '2025').replace('2027', '2026') : new Date(Date.UTC(2025, 9, 8));
  }
  for (const a of spec.assignments!) a.date = typeof a.date === 'string' ? a.date.replace('2026', '2025').replace('2027', '2026') : a.date;
  const work = tempDir();
  good = path.join(work, 'QA tracker 2025-26.xlsx');
  fs.writeFileSync(good, await buildTracker(spec));
  spec.reviews[0]!.leadership = 'Good';
  bad = path.join(work, 'QA tracker with problems.xlsx');
  fs.writeFileSync(bad, await buildTracker(spec));
});

describe('hubdesk import qa', () => {
  it('needs --year (usage, exit 2)', async () => {
    const r = await cli(['--data', dir, 'import', 'qa', good]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs --year/);
  });

  it('refuses a bad tracker with its place and reason (exit 1), writing nothing', async () => {
    const before = await hashOf(dir);
    const dry = await cli(['--data', dir, 'import', 'qa', bad, '--year', '2025/26', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.err).toMatch(/sheet "Reviews", row 4, Leadership at all levels \(column F\): "Good" is not an estimate/);
    const json = await cli(['--data', dir, 'import', 'qa', bad, '--year', '2025/26', '--dry-run', '--json']);
    expect(json.code).toBe(1);
    const preview = JSON.parse(json.out) as QaImportPreview;
    expect(preview.errors[0]).toMatchObject({ sheet: 'Reviews', row: 4, column: 'Leadership at all levels (column F)' });
    const commit = await cli(['--data', dir, 'import', 'qa', bad, '--year', '2025/26', '--json']);
    expect(commit.code).toBe(1);
    expect(commit.err).toMatch(/nothing was imported/);
    expect(await hashOf(dir)).toBe(before);
  });

  it('dry run, import, and the same file again changes nothing', async () => {
    const before = await hashOf(dir);
    const dry = await cli(['--data', dir, 'import', 'qa', good, '--year', '2025/26', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.out) as QaImportPreview;
    expect(preview.updatedReviews.map((r) => r.urn)).toEqual(hosts);
    expect(preview.newAssignments).toHaveLength(4);
    expect(await hashOf(dir)).toBe(before);

    const run = await cli(['--data', dir, 'import', 'qa', good, '--year', '2025/26', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as QaCommitResult;
    expect(result).toMatchObject({ year: '2025/26', reviewsAdded: 0, reviewsUpdated: 3, assignmentsAdded: 4 });
    expect(result.batchId).toEqual(expect.any(Number));
    const after = await hashOf(dir);

    const again = await cli(['--data', dir, 'import', 'qa', good, '--year', '2025/26']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already holds every review and assignment in it for 2025\/26; nothing was written/);
    expect(await hashOf(dir)).toBe(after);
  });
});
