import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { dispatch } from '../../electron/core/dispatch';
import { recordAudit } from '../../electron/core/audit';
import { openTestStore, type TestStore } from '../helpers/store';
import { TEST_TODAY } from '../helpers/clock';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await dispatch(t.ctx, 'createYear', { label: '2026/27' });
  await recordAudit(t.ctx.db, t.ctx, { action: 'update', entity: 'school', entityId: '=HYPERLINK("http://evil")', before: { name: 'Old' }, after: { name: '@SUM(1)' } });
});
afterAll(async () => {
  await t.close();
});

describe('the audit log', () => {
  it('lists changes newest first with who, what, before and after', async () => {
    const r = await dispatch(t.ctx, 'listAudit', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const page = r.value as { total: number; entries: { action: string; entity: string; osUser: string; after: string | null }[] };
    expect(page.total).toBe(2);
    expect(page.entries.map((e) => e.entity)).toEqual(['school', 'membership_year']);
    expect(page.entries[1]!.osUser).toBe('tester');
    expect(JSON.parse(page.entries[1]!.after!)).toMatchObject({ label: '2026/27' });
  });

  it('filters by text and pages', async () => {
    const r = await dispatch(t.ctx, 'listAudit', { search: 'membership_year', limit: 1, offset: 0 });
    expect(r.ok && (r.value as { total: number }).total).toBe(1);
    const none = await dispatch(t.ctx, 'listAudit', { search: '100%_' });
    expect(none.ok && (none.value as { total: number }).total).toBe(0);
  });

  it('exports as CSV where nothing can run as a formula', async () => {
    const r = await dispatch(t.ctx, 'exportAudit', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { csv, fileName } = r.value as { csv: string; fileName: string };
    expect(fileName).toBe(`hubdesk-audit-${TEST_TODAY}.csv`);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[1]!['entity id']).toBe(`'=HYPERLINK("http://evil")`);
    for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@]/);
  });
});
