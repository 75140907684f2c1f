import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dispatch } from '../../electron/core/dispatch';
import { signedInAs, type CoreContext } from '../../electron/core/context';
import { openTestStore, storeHash, type TestStore } from '../helpers/store';
import type { MethodName, RequestOf, ResponseOf, Role } from '../../shared/contract';

/** An email address or a UK telephone number anywhere in a text. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+/;
const PHONE = /\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b/;

let t: TestStore;
let hubId: number;
let schoolId: number;

const as = (roles: Role[]): CoreContext => signedInAs(t.ctx, { id: 1, name: `A ${roles.join(' and ')}`, email: 'someone@example.org', roles });

async function call<M extends MethodName>(ctx: CoreContext, method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

async function workbookText(base64: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}

beforeAll(async () => {
  t = await openTestStore();
  const demo = await dispatch(t.ctx, 'loadDemo', { confirm: true });
  if (!demo.ok) throw new Error(demo.error.message);
  const hub = await t.store.db.selectFrom('hubs').select('id').where('name', '=', 'Aspire Hub').executeTakeFirstOrThrow();
  hubId = hub.id;
  const school = await t.store.db.selectFrom('schools').select('id').where('email', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
  schoolId = school.id;
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('a Viewer is sent no contact details; every other role is', () => {
  const reads = () =>
    [
      ['hubDashboard', { hubId }],
      ['schoolDashboard', { schoolId }],
      ['hubRecord', { hubId }],
      ['callPack', { hubId, term: '2026-autumn' }],
      ['networkDashboard', {}],
      ['getIdentity', {}],
    ] as const;

  it('the screens’ reads hold emails and telephones for a Memberships Manager, Finance and an administrator, and none for a Viewer', { timeout: 120_000 }, async () => {
    for (const [method, request] of reads()) {
      const staffText = JSON.stringify(await call(as(['memberships_manager']), method, request as never));
      const viewerText = JSON.stringify(await call(as(['viewer']), method, request as never));
      expect(viewerText, method).not.toMatch(EMAIL);
      expect(viewerText, method).not.toMatch(PHONE);
      // The same answer otherwise: only the contact fields differ.
      expect(viewerText.length, method).toBeLessThanOrEqual(staffText.length);
      if (method === 'hubDashboard' || method === 'schoolDashboard' || method === 'hubRecord') expect(staffText, method).toMatch(EMAIL);
    }
    const school = await call(as(['viewer']), 'schoolDashboard', { schoolId });
    expect(school.school).toMatchObject({ email: null, phone: null, contacts: [] });
    expect((await call(as(['finance']), 'schoolDashboard', { schoolId })).school.email).toMatch(EMAIL);
    expect((await call(as(['administrator']), 'schoolDashboard', { schoolId })).school.email).toMatch(EMAIL);
    // A Viewer who also holds another role sees them (that role may).
    expect((await call(as(['viewer', 'finance']), 'schoolDashboard', { schoolId })).school.email).toMatch(EMAIL);
  });

  it('a Viewer’s answer is a copy: what the core keeps in memory for the next caller still has the details', async () => {
    await call(as(['viewer']), 'hubDashboard', { hubId });
    const after = await call(as(['memberships_manager']), 'hubDashboard', { hubId });
    expect(JSON.stringify(after)).toMatch(EMAIL);
  });

  it('tells a Viewer their own email (who they are signed in as)', async () => {
    expect(await call(as(['viewer']), 'currentPerson', {})).toEqual({ name: 'A viewer', email: 'someone@example.org', roles: ['viewer'] });
  });
});

describe('exports leave contact details out for a Viewer, whatever they ask', () => {
  it('a hub workbook asked with contacts has them for a Memberships Manager and not for a Viewer, and writes nothing', { timeout: 120_000 }, async () => {
    const before = await storeHash(t.store);
    const staff = await workbookText((await call(as(['memberships_manager']), 'exportHubWorkbook', { hubId, includeContacts: true })).contentBase64);
    expect(staff).toMatch(EMAIL);
    const viewer = await workbookText((await call(as(['viewer']), 'exportHubWorkbook', { hubId, includeContacts: true })).contentBase64);
    expect(viewer).not.toMatch(EMAIL);
    expect(viewer).not.toMatch(PHONE);
    expect(viewer).toContain('Personal contact details (email, telephone, other contacts) are left out of this copy');
    expect(await storeHash(t.store)).toBe(before);
  });

  it('the network export a Viewer starts with contacts is written without them', { timeout: 300_000 }, async () => {
    const viewer = as(['viewer']);
    let job = await call(viewer, 'startNetworkExport', { layout: 'workbook', includeContacts: true });
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 200));
      job = await call(viewer, 'networkExportStatus', { jobId: job.jobId });
    }
    expect(job.state, job.error ?? '').toBe('done');
    expect(await workbookText(job.file!.contentBase64)).not.toMatch(EMAIL);
  });
});
