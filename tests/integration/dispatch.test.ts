import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import path from 'node:path';
import { openTestStore, tempDir, type TestStore, storeHash } from '../helpers/store';
import { writeXlsx } from '../fixtures/roll/generate';
import { commitFile, mustPreview } from '../fixtures/roll/request';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => {
  await t.close();
});

describe('dispatch: the one door into the core', () => {
  it('answers a known method with its value', async () => {
    const result = await dispatch(t.ctx, 'getStatus', {});
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value as { empty: boolean }).empty).toBe(true);
  });

  it('names an unknown method, including prototype names, without calling anything', async () => {
    for (const name of ['dropEverything', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await dispatch(t.ctx, name, {});
      expect(result).toMatchObject({ ok: false, error: { kind: 'unknown_method' } });
    }
  });

  it('refuses a malformed payload with where and why, and writes nothing', async () => {
    const before = (await storeHash(t.store));
    const cases: unknown[] = [
      { year: '2025-26' },
      { year: 2025 },
      { year: '2025/27' },
      {},
      { year: '2025/26', extra: true },
      'not an object',
      [],
      JSON.parse('{"year":"2025/26","__proto__":{"polluted":true}}'),
    ];
    for (const payload of cases) {
      const result = await dispatch(t.ctx, 'lockFunding', payload);
      expect(result.ok, JSON.stringify(payload)).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('validation');
        expect(result.error.message).toMatch(/^lockFunding: /);
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
    }
    expect((await storeHash(t.store))).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a roll for a year not yet held creates the year with the default dates, audited, and a second roll reuses it', async () => {
    const file = await writeXlsx(path.join(tempDir(), 'roll.xlsx'), [{ name: 'Roll', rows: [['URN', 'School', 'Hub', 'Pupils'], ['100001', 'First School', 'First Hub', 300]] }]);
    const options = { year: '2025/26', createHubs: true };
    const committed = await commitFile(t.ctx, file, await mustPreview(t.ctx, file, options), options);
    expect(committed.ok).toBe(true);
    const status = await dispatch(t.ctx, 'getStatus', {});
    expect(status).toEqual({
      ok: true,
      value: expect.objectContaining({
        years: [
          expect.objectContaining({
            label: '2025/26',
            startDate: '2025-09-01',
            endDate: '2026-08-31',
            draftPlanDeadline: '2025-10-31',
            finalPlanDeadline: '2025-11-14',
          }),
        ],
      }),
    });
    const audit = await t.ctx.db.selectFrom('audit_log').where('entity', '=', 'membership_years').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', os_user: 'tester' });
    const again = await commitFile(t.ctx, file, await mustPreview(t.ctx, file, options), options);
    expect(again.ok).toBe(true);
    expect(await t.ctx.db.selectFrom('membership_years').select('label').execute()).toEqual([{ label: '2025/26' }]);
  });

  it('reports a missing hub as not found', async () => {
    const result = await dispatch(t.ctx, 'hubRecord', { hubId: 999 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
