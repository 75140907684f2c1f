import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import { schoolMergeForm } from '../../electron/core/merges/schools';
import { schoolRecord } from '../../electron/core/records/schools';
import { openTestStore, type TestStore } from '../helpers/store';
import { viaDispatch } from '../helpers/records';

const mergeSchools = viaDispatch('mergeSchools');

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const env = await dispatch(t.ctx, method, request);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.value as ResponseOf<M>;
}

const school = (urn: string) => t.ctx.db.selectFrom('schools').where('urn', '=', urn).selectAll().executeTakeFirstOrThrow();

// In the demo, Stanchester Academy (a Kingsbridge Hub member in 2025/26) and Ridgeway School stand
// for one school's old and new URN.
const OLD = '137080';
const NEW = '136556';

describe('merging two records of a school in a locked year', () => {
  it('leaves the locked figures unchanged with no pending difference: the same school, under its kept record', async () => {
    const kingsbridge = await t.ctx.db.selectFrom('hubs').where('name', '=', 'Kingsbridge Hub').select('id').executeTakeFirstOrThrow();
    await call('lockFunding', { year: '2025/26', hubId: kingsbridge.id });
    const locked = await call('getHubFunding', { hubId: kingsbridge.id, year: '2025/26' });
    expect(locked.locked).not.toBeNull();
    expect(locked.pendingDifference).toBeNull();
    expect(locked.locked!.perSchool.map((s) => s.urn)).toContain(OLD);

    const [old, kept] = [await school(OLD), await school(NEW)];
    const form = await schoolMergeForm(t.ctx, old.id);
    const into = await schoolRecord(t.ctx, kept.id);
    await mergeSchools(t.ctx, { fromSchoolId: old.id, intoSchoolId: kept.id, fromVersion: form.school.version, intoVersion: into.version });

    const after = await call('getHubFunding', { hubId: kingsbridge.id, year: '2025/26' });
    expect(after.pendingDifference).toBeNull();
    expect(after.locked!.figures).toEqual(locked.locked!.figures);
    // The locked list names the school by the record it now stands under.
    expect(after.locked!.perSchool.map((s) => s.urn)).toContain(NEW);
    expect(after.locked!.perSchool.map((s) => s.urn)).not.toContain(OLD);
    const overview = await call('listFunding', { year: '2025/26' });
    expect(overview.hubs.find((h) => h.hubId === kingsbridge.id)!.lockState).toBe('locked');

    // A real change after the merge is still a pending difference, named under the kept record.
    await t.ctx.db.updateTable('memberships').set({ pupils: 2_000 }).where('school_id', '=', kept.id).where('year_id', '=', (await t.ctx.db.selectFrom('membership_years').where('label', '=', '2025/26').select('id').executeTakeFirstOrThrow()).id).execute();
    const changed = await call('getHubFunding', { hubId: kingsbridge.id, year: '2025/26' });
    expect(changed.pendingDifference?.schools.map((s) => [s.urn, s.kind])).toEqual([[NEW, 'pupils']]);

  });
});
