import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dispatch } from '../../electron/core/dispatch';
import { createContext, type CoreContext } from '../../electron/core/context';
import { openTestStore, TEST_NOW, TEST_TODAY, type TestStore } from '../helpers/store';
import { longDate } from '../../shared/domain/reconciliation';
import { seedFundingNetwork, type FundingFixture } from '../helpers/funding-seed';
import type { MethodName, ResponseOf, RequestOf } from '../../shared/contract';

let t: TestStore;
let f: FundingFixture;

async function call<M extends MethodName>(method: M, request: RequestOf<M>, ctx: CoreContext = t.ctx): Promise<ResponseOf<M>> {
  const r = await dispatch(ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

async function lockedBy(): Promise<string> {
  return (await t.store.db.selectFrom('funding_locks').select('locked_by').where('hub_id', '=', f.north).executeTakeFirstOrThrow()).locked_by;
}

beforeEach(async () => {
  t = await openTestStore();
  f = await seedFundingNetwork(t.store.db);
});
afterEach(async () => {
  await t.close();
});

describe('every change names the person who made it, not the computer’s user name', () => {
  it('the person chosen as “I am” in Settings locks the funding, in the lock, the audit log and the workbook', async () => {
    const staff = await t.store.db.insertInto('central_staff').values({ name: 'Priya Shah', email: null, role: 'Finance' }).returning('id').executeTakeFirstOrThrow();
    await call('setIdentity', { staffId: staff.id });
    const lock = await call('lockFunding', { year: '2026/27', hubId: f.north });
    expect(await lockedBy()).toBe('Priya Shah');
    const entry = await t.store.db.selectFrom('audit_log').select('os_user').where('id', '=', lock.auditId!).executeTakeFirstOrThrow();
    expect(entry.os_user).toBe('Priya Shah');
    expect((await call('getHubFunding', { hubId: f.north, year: '2026/27' })).locked!.lockedBy).toBe('Priya Shah');

    const file = await call('exportHubWorkbook', { hubId: f.north, year: '2026/27' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet('Funding and claims')!.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    expect(texts).toContain(`Locked by Priya Shah on ${longDate(TEST_TODAY)}. The locked figures are in force; the live figures are what the roll gives today.`);
    expect(texts.join('\n')).not.toContain('tester');
  });

  it('a person the core was started for comes first; with no person known, the computer’s user name stands in', async () => {
    const staff = await t.store.db.insertInto('central_staff').values({ name: 'Priya Shah', email: null, role: 'Finance' }).returning('id').executeTakeFirstOrThrow();
    await call('setIdentity', { staffId: staff.id });
    const signedIn = createContext(t.store, { now: () => TEST_NOW, user: 'root', person: 'Sam Lee' });
    await call('lockFunding', { year: '2026/27', hubId: f.north }, signedIn);
    expect(await lockedBy()).toBe('Sam Lee');

    await call('setIdentity', { staffId: null }, signedIn);
    await call('unlockFunding', { hubId: f.north, year: '2026/27', reason: 'Test' });
    await call('lockFunding', { year: '2026/27', hubId: f.north });
    expect(await lockedBy()).toBe('tester');
  });
});
