import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteTestStore } from '../helpers/store';

// SQLite-only: the embedded file's DDL.
describe('the SQLite schema', () => {
  it('is byte for byte the schema the released migrations wrote (tables, indexes, triggers, full-text table)', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/sqlite-schema.json'), 'utf8')) as unknown[];
    const t = await openSqliteTestStore();
    try {
      const rows = t.store.sqlite.prepare("select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name").all();
      expect(rows).toEqual(expected);
    } finally {
      await t.close();
    }
  });
});
