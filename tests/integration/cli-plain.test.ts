import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { cli, hashOf } from '../helpers/cli';
import { tempDir, TEST_NOW } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

/** The command line's plain manners: quiet on a closed pipe, exit codes as the README says. */
const CLI = path.resolve('out/cli/index.js');
let dir: string;
let urn: string;

beforeAll(async () => {
  dir = tempDir();
  const store = await openStore(dir);
  await loadDemoNetwork(createContext(store, { now: () => TEST_NOW, user: 'tester' }));
  urn = (store.sqlite.prepare('select urn from schools order by id limit 1').get() as { urn: string }).urn;
  await store.close();
}, 60_000);

describe('the command line', () => {
  it('ends quietly when the reader of its output goes away (| head -1)', () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
    for (const command of ['hubs', "dashboard --hub 'Aspire Hub' --year 2026/27", 'funding --year 2026/27 --json']) {
      for (let i = 0; i < 4; i++) {
        const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" --data "${dir}" ${command} 2>"${dir}/stderr" | head -1; echo "exit \${PIPESTATUS[0]}"`], { encoding: 'utf8', env: testClockEnv() });
        const lines = r.stdout.trim().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[1], command).toBe('exit 0');
        expect(fs.readFileSync(`${dir}/stderr`, 'utf8'), command).toBe('');
      }
    }
  });

  it('a URN or hub that is not there is a data error (exit 1, nothing written), not a usage error', async () => {
    const before = await hashOf(dir);
    const cases: [string[], string][] = [
      [['membership', '--urn', '999999', '--year', '2026/27'], 'There is no school with URN 999999.'],
      [['membership', 'set', '--urn', '999999', '--year', '2026/27', '--pupils', '5'], 'There is no school with URN 999999.'],
      [['membership', 'set', '--urn', urn, '--year', '2026/27', '--hub', 'Nowhere Hub'], 'There is no hub called Nowhere Hub.'],
      [['school', 'merge', '--from', '999999', '--into', urn], 'There is no school with URN 999999.'],
      [['hub', 'merge', 'Nowhere Hub', '--into', 'Aspire Hub'], 'There is no hub called Nowhere Hub.'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['--data', dir, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toBe(message);
    }
    // A malformed URN is still a usage error.
    expect((await cli(['--data', dir, 'membership', '--urn', '12', '--year', '2026/27'])).code).toBe(2);
    expect(await hashOf(dir)).toBe(before);
  });
});
