import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store';
import { cli, hashOf } from '../helpers/cli';

let dir: string;
// In the demo, Stanchester Academy (Kingsbridge Hub in 2025/26 only) and Ridgeway School (from 2026/27).
const OLD = '137080';
const NEW = '136556';
beforeAll(async () => {
  dir = tempDir();
  expect((await cli(['--data', dir, 'demo'])).code).toBe(0);
}, 60_000);

describe('hubdesk school merge', () => {
  it('--dry-run says what would move and writes nothing; the merge moves it and undo-change puts it back', async () => {
    const before = await hashOf(dir);
    const dry = await cli(['--data', dir, 'school', 'merge', '--from', OLD, '--into', NEW, '--dry-run']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/Would merge Stanchester Academy \(URN 137080\) into Ridgeway School \(URN 136556\); nothing written/);
    expect(dry.out).toMatch(/Moves: memberships \(1\), QA reviews \(1\), reviewers sent to other schools' reviews \(\d+\)/);
    expect(dry.out).toMatch(/2025\/26 Kingsbridge Hub: 19 → 19 schools, funding (£[\d,.]+) → \1/);
    const json = JSON.parse((await cli(['--data', dir, 'school', 'merge', '--from', OLD, '--into', NEW, '--dry-run', '--json'])).out) as { refusals: string[]; from: { urn: string } };
    expect(json.refusals).toEqual([]);
    expect(json.from.urn).toBe(OLD);
    expect(await hashOf(dir)).toBe(before);

    const merged = await cli(['--data', dir, 'school', 'merge', '--from', OLD, '--into', NEW]);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toMatch(/^Merged Stanchester Academy \(URN 137080\) into Ridgeway School \(URN 136556\): moved memberships \(1\)/);
    const dash = JSON.parse((await cli(['--data', dir, 'dashboard', '--hub', 'Kingsbridge Hub', '--year', '2025/26', '--json'])).out) as { urn: string }[];
    expect(dash.map((r) => r.urn)).toContain(NEW);
    expect(dash.map((r) => r.urn)).not.toContain(OLD);

    // Merging it again, or into it, is refused (exit 1) and writes nothing.
    const h = await hashOf(dir);
    const again = await cli(['--data', dir, 'school', 'merge', '--from', OLD, '--into', NEW]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already merged into Ridgeway School/);
    const intoMerged = await cli(['--data', dir, 'school', 'merge', '--from', '101338', '--into', OLD, '--dry-run']);
    expect(intoMerged.code).toBe(1);
    expect(intoMerged.err).toMatch(/Refused: Stanchester Academy \(URN 137080\) was merged into Ridgeway School \(URN 136556\): merge into that record instead/);
    expect(await hashOf(dir)).toBe(h);

    const undone = await cli(['--data', dir, 'undo-change']);
    expect(undone.code, undone.err).toBe(0);
    expect(undone.out).toMatch(/^Undone: Merged Stanchester Academy/);
    const back = JSON.parse((await cli(['--data', dir, 'dashboard', '--hub', 'Kingsbridge Hub', '--year', '2025/26', '--json'])).out) as { urn: string }[];
    expect(back.map((r) => r.urn)).toContain(OLD);
  });

  it('refuses itself and two members of the same year with exit 1, bad usage with exit 2, writing nothing', async () => {
    const h = await hashOf(dir);
    const self = await cli(['--data', dir, 'school', 'merge', '--from', OLD, '--into', OLD]);
    expect(self.code).toBe(1);
    expect(self.err).toMatch(/intoSchoolId: a school cannot be merged into itself/);
    // Two Kingsbridge Hub members of 2025/26.
    const rows = JSON.parse((await cli(['--data', dir, 'dashboard', '--hub', 'Kingsbridge Hub', '--year', '2025/26', '--json'])).out) as { urn: string }[];
    const [a, b] = rows.map((r) => r.urn).filter((u) => u !== OLD);
    const both = await cli(['--data', dir, 'school', 'merge', '--from', a!, '--into', b!]);
    expect(both.code).toBe(1);
    expect(both.err).toMatch(/Both records are members in 2025\/26 \(.* in Kingsbridge Hub, .* in Kingsbridge Hub\)/);
    // A malformed URN or a missing option is a usage error (2); a URN or hub that is not there is a data error (1).
    expect((await cli(['--data', dir, 'school', 'merge', '--from', '12', '--into', NEW])).code).toBe(2);
    expect((await cli(['--data', dir, 'school', 'merge', '--from', OLD])).code).toBe(2);
    expect((await cli(['--data', dir, 'school', 'merge', '--from', '999999', '--into', NEW])).code).toBe(1);
    expect(await hashOf(dir)).toBe(h);
  });
});

describe('hubdesk hub merge', () => {
  it('--dry-run shows both hubs’ funding before → after; the merge moves the year’s members; refusals exit 1, usage 2; undo', async () => {
    const before = await hashOf(dir);
    const dry = await cli(['--data', dir, 'hub', 'merge', 'Kingsbridge Hub', '--into', 'Kent Hub', '--year', '2026/27', '--dry-run']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/Would merge Kingsbridge Hub into Kent Hub from 2026\/27 \(2026\/27\); nothing written/);
    const from = /2026\/27 Kingsbridge Hub: (\d+) → 0 schools, funding £[\d,.]+ → £0\.00/.exec(dry.out);
    const into = /2026\/27 Kent Hub: (\d+) → (\d+) schools/.exec(dry.out);
    expect(from && into).toBeTruthy();
    expect(Number(into![2])).toBe(Number(into![1]) + Number(from![1]));
    expect(await hashOf(dir)).toBe(before);

    expect((await cli(['--data', dir, 'hub', 'merge', 'Kingsbridge Hub', '--into', 'Nowhere Hub'])).code).toBe(1);
    expect((await cli(['--data', dir, 'hub', 'merge', '--into', 'Kent Hub'])).code).toBe(2);
    const self = await cli(['--data', dir, 'hub', 'merge', 'Kent Hub', '--into', 'kent hub']);
    expect(self.code).toBe(1);
    expect(self.err).toMatch(/a hub cannot be merged into itself/);
    expect((await cli(['--data', dir, 'hub', 'merge', 'Kingsbridge Hub', '--into', 'Kent Hub', '--year', '2040/41'])).err).toMatch(/there is no membership year 2040\/41/);
    expect(await hashOf(dir)).toBe(before);

    const merged = await cli(['--data', dir, 'hub', 'merge', 'Kingsbridge Hub', '--into', 'Kent Hub', '--year', '2026/27', '--json']);
    expect(merged.code, merged.err).toBe(0);
    const r = JSON.parse(merged.out) as { summary: string; moves: { what: string; count: number }[] };
    expect(r.summary).toMatch(/^Merged Kingsbridge Hub into Kent Hub from 2026\/27/);
    expect(r.moves.find((m) => m.what === 'memberships')?.count).toBe(Number(from![1]));
    const kent = JSON.parse((await cli(['--data', dir, 'dashboard', '--hub', 'Kent Hub', '--year', '2026/27', '--json'])).out) as unknown[];
    expect(kent.length).toBe(Number(into![2]));
    const again = await cli(['--data', dir, 'hub', 'merge', 'Kingsbridge Hub', '--into', 'Aspire Hub', '--year', '2026/27', '--dry-run']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Refused: Kingsbridge Hub was already merged into Kent Hub from 2026\/27/);

    const undone = await cli(['--data', dir, 'undo-change']);
    expect(undone.code, undone.err).toBe(0);
    expect(undone.out).toMatch(/^Undone: Merged Kingsbridge Hub into Kent Hub/);
    const kentBack = JSON.parse((await cli(['--data', dir, 'dashboard', '--hub', 'Kent Hub', '--year', '2026/27', '--json'])).out) as unknown[];
    expect(kentBack.length).toBe(Number(into![1]));
  });
});
