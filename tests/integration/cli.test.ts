import { describe, expect, it } from 'vitest';
import { openStore, databaseFile } from '../../electron/core/db/connection';
import { contentHash, tempDir } from '../helpers/store';
import fs from 'node:fs';
import { cli } from '../helpers/cli';

describe('the hubdesk CLI', () => {
  it('prints usage and exits 2 for no command, an unknown command or an unknown flag', async () => {
    const dir = tempDir();
    for (const args of [[], ['--data', dir, 'frobnicate'], ['--data', dir, 'hubs', '--colour'], ['--data'], ['--data', dir, 'hubs', 'extra']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage/);
    }
  });

  it('does not create a database for a usage error', async () => {
    const dir = tempDir();
    await cli(['--data', dir, 'hubs', '--colour']);
    expect(fs.existsSync(databaseFile(dir))).toBe(false);
  });

  it('exits 1 with a message on stderr, writing nothing, for a validation error', async () => {
    const dir = tempDir();
    const s = await openStore(dir);
    const before = contentHash(s.sqlite);
    await s.close();
    const r = await cli(['--data', dir, 'hubs', '--year', '2025-26', '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/year: must look like 2025\/26/);
    expect(r.out).toBe('');
    const after = await openStore(dir);
    expect(contentHash(after.sqlite)).toBe(before);
    await after.close();
  });

  it('exits 1 with a clear message when the data folder holds something that is not a hubdesk database', async () => {
    const dir = tempDir();
    fs.writeFileSync(databaseFile(dir), 'not a database');
    const r = await cli(['--data', dir, 'hubs']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a hubdesk database/);
    expect(fs.readFileSync(databaseFile(dir), 'utf8')).toBe('not a database');
  });

  it('loads the demo and lists hubs with school counts as JSON', async () => {
    const dir = tempDir();
    const demo = await cli(['--data', dir, 'demo']);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Loaded the demo network: \d+ hubs, \d+ schools/);
    const r = await cli(['--data', dir, 'hubs', '--json']);
    expect(r.code).toBe(0);
    const hubs = JSON.parse(r.out) as { name: string; schools: number }[];
    expect(hubs.length).toBeGreaterThanOrEqual(30);
    expect(hubs.find((h) => h.name === 'Aspire Hub')?.schools).toBe(19);
    const total = hubs.reduce((s, h) => s + h.schools, 0);
    expect(total).toBeGreaterThan(400);
    const again = await cli(['--data', dir, 'demo']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/only be loaded into an empty database/);
  });
});
