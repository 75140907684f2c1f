import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore } from '../helpers/store';
import type { MethodName, ResponseOf, RequestOf } from '../../shared/contract';
import { formatPence } from '../../shared/domain/money';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

describe('the demo network’s funding', () => {
  it('Aspire Hub 2026/27: total available £38,589.77 (funding + carry forward) and its plan allocates exactly that', async () => {
    const overview = await call('listFunding', { year: '2026/27' });
    const aspire = overview.hubs.find((h) => h.hub === 'Aspire Hub')!;
    expect(aspire.schools).toBe(19);
    expect(aspire.fundingPence + aspire.carryForwardPence).toBe(aspire.totalAvailablePence);
    expect(formatPence(aspire.totalAvailablePence)).toBe('£38,589.77');

    const d = await call('getHubFunding', { hubId: aspire.hubId, year: '2026/27' });
    expect(d.carryForward.source).toBe('computed');
    expect(d.carryForward.pence).toBe(d.carryForward.previousTotalAvailablePence! - d.carryForward.previousReleasedPence);
    const byPriority = Object.fromEntries(d.plan.allocation.byPriority.map((p) => [p.priority, formatPence(p.plannedPence)]));
    expect(byPriority).toEqual({
      'Leadership at all levels': '£21,300.00',
      SEND: '£6,500.00',
      Engagement: '£2,000.00',
      Technology: '£3,500.00',
      'Additional expenditure': '£5,289.77',
    });
    expect(d.plan.allocation).toMatchObject({ status: 'exact', totalPlannedPence: 3_858_977, differencePence: 0 });
    expect(d.plan.allocation.message).toBe('The plan allocates exactly the £38,589.77 available.');
  });

  it('the network totals are the sums of the hubs, and the demo’s errors are shown', async () => {
    const last = await call('listFunding', { year: '2025/26' });
    expect(last.hubs.length).toBeGreaterThanOrEqual(30);
    expect(last.totals.fundingPence).toBe(last.hubs.reduce((n, h) => n + h.fundingPence, 0));
    const over = last.hubs.filter((h) => h.overReleased).map((h) => h.hub);
    expect(over).toContain('Tendring Hub');
    const now = await call('listFunding', { year: '2026/27' });
    expect(now.hubs.filter((h) => h.overAllocated).map((h) => h.hub)).toContain('Portsmouth Hub');
    // Tendring's overspend comes forward as a negative carry forward.
    expect(now.hubs.find((h) => h.hub === 'Tendring Hub')!.carryForwardPence).toBeLessThan(0);
  });

  it('year over year causes add up to each hub’s change', async () => {
    const c = await call('fundingChanges', { year: '2026/27' });
    expect(c.hubs.length).toBeGreaterThanOrEqual(30);
    for (const h of c.hubs) expect(h.joinersPence + h.leaversPence + h.pupilChangesPence + h.minimumEffectPence, h.hub).toBe(h.changePence);
    expect(c.hubs.some((h) => h.joiners.length > 0 || h.leavers.length > 0)).toBe(true);
  });
});
