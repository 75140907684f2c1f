import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { contentHash, openTestStore, type TestStore } from '../helpers/store';

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
    const before = contentHash(t.store.sqlite);
    const cases: unknown[] = [
      { label: '2025-26' },
      { label: 2025 },
      { label: '2025/27' },
      {},
      { label: '2025/26', extra: true },
      'not an object',
      [],
      JSON.parse('{"label":"2025/26","__proto__":{"polluted":true}}'),
    ];
    for (const payload of cases) {
      const result = await dispatch(t.ctx, 'createYear', payload);
      expect(result.ok, JSON.stringify(payload)).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('validation');
        expect(result.error.message).toMatch(/^createYear: /);
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
    }
    expect(contentHash(t.store.sqlite)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('creates a membership year with the default dates, audits it, and refuses a duplicate', async () => {
    const created = await dispatch(t.ctx, 'createYear', { label: '2025/26' });
    expect(created).toEqual({
      ok: true,
      value: expect.objectContaining({
        label: '2025/26',
        startDate: '2025-09-01',
        endDate: '2026-08-31',
        draftPlanDeadline: '2025-10-31',
        finalPlanDeadline: '2025-11-14',
      }),
    });
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'membership_year', os_user: 'tester' });
    const before = contentHash(t.store.sqlite);
    const again = await dispatch(t.ctx, 'createYear', { label: '2025/26' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', message: 'Membership year 2025/26 already exists.' } });
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('reports a missing hub as not found', async () => {
    await dispatch(t.ctx, 'createYear', { label: '2026/27' });
    const result = await dispatch(t.ctx, 'getHub', { hubId: 999 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
