import { describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/store';

describe('smoke', () => {
  it('opens', async () => {
    const t = await openTestStore();
    const rows = await t.ctx.db.selectFrom('spend_categories').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    await t.close();
  });
});
