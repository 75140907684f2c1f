import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import type { ClaimView } from '@shared/contract/funding';
import type { RecordsChange } from '@shared/contract/records';
import type { ClaimStatus } from '@shared/domain/vocabulary';
import type { YearView } from '@shared/contract';
import type { CreateClaimInput, UpdateClaimInput } from '@shared/validation/funding';
import { claimCorrections, claimPaidOnIssues } from '@shared/validation/claims';
import { formatPence } from '@shared/domain/money';
import { longDate } from '@shared/domain/reconciliation';
import { HubdeskError } from '../errors';
import { applyChange, loadRow, type ChangeSet } from '../changes/change-set';
import { assertVersion } from '../changes/stale';
import { FundingEngine, computeHub, type HubYear } from './engine';
import { claimView, claimsQuery } from './load';
import { claimAmount, invalid, requireCategory, requireHub, requireYearField } from './validate';

/** The overrides a payment may need, each with its own reason. */
interface PayOverrides {
  override?: true;
  overrideReason?: string;
  releaseOverride?: true;
  releaseOverrideReason?: string;
}

async function readClaim(trx: Transaction<Database>, claimId: number): Promise<ClaimView | null> {
  const row = await claimsQuery(trx).where('claims.id', '=', claimId).executeTakeFirst();
  return row ? claimView(row) : null;
}

async function hubYearOf(trx: Transaction<Database>, hubId: number, year: YearView): Promise<HubYear> {
  const engine = new FundingEngine(trx);
  const y = await engine.year(year);
  const prev = y.previousYear ? await engine.year(y.previousYear) : null;
  return y.hubs.get(hubId) ?? computeHub(hubId, y.data, prev);
}

function checkPaidOn(status: ClaimStatus, paidOn: string | null, claimedOn: string, today: string): void {
  const [issue] = claimPaidOnIssues({ status, paidOn, claimedOn }, today);
  if (issue) throw invalid('paidOn', issue.message);
}

/**
 * The checks a claim being paid must pass, each refusable only with finance's reason:
 * - the gate: a claim is paid only while the hub's three release conditions hold;
 * - the total: the hub's released amount must stay within its total available.
 * Returns the reasons to store beside the claim (null where no override was needed).
 */
function payChecks(
  h: HubYear,
  year: YearView,
  amountPence: number,
  o: PayOverrides,
): { releaseOverrideReason: string | null; overReleaseReason: string | null } {
  let releaseOverrideReason: string | null = null;
  if (!h.release.met) {
    const unmet = h.release.conditions.filter((c) => !c.met);
    if (o.releaseOverride !== true) {
      throw invalid(
        'releaseOverride',
        `${h.hub}’s ${year.label} funding is not released: ${unmet.map((c) => `${c.label.charAt(0).toLowerCase()}${c.label.slice(1)} — no (${c.detail.replace(/\.$/, '')})`).join('; ')}. To pay this claim anyway, give a reason.`,
      );
    }
    releaseOverrideReason = o.releaseOverrideReason?.trim() ?? '';
    if (releaseOverrideReason === '') throw invalid('releaseOverrideReason', 'a reason is needed to pay a claim while the release conditions do not all hold');
  }
  let overReleaseReason: string | null = null;
  // The claim is not paid yet (a paid claim's amount changes only through a reversal), so it adds to what is released.
  const total = h.effective.figures.totalAvailablePence;
  const released = h.reconciliation.releasedPence + amountPence;
  if (released > total) {
    if (o.override !== true) {
      throw invalid(
        'amount',
        `paying this claim would take ${h.hub}’s released amount to ${formatPence(released)}, ${formatPence(released - total)} more than its total available ${formatPence(total)} for ${year.label}. To pay it anyway, override with a reason.`,
      );
    }
    overReleaseReason = o.overrideReason?.trim() ?? '';
    if (overReleaseReason === '') throw invalid('overrideReason', 'a reason is needed to pay a claim beyond the total available');
  }
  return { releaseOverrideReason, overReleaseReason };
}

const blankToNull = (s: string | null | undefined): string | null => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

function describe(hub: string, year: string, c: Pick<ClaimView, 'amountPence' | 'invoiceRef' | 'claimedOn'>): string {
  return `${hub} ${year}: claim ${c.invoiceRef ?? `of ${longDate(c.claimedOn)}`} (${formatPence(c.amountPence)})`;
}

/** The claim, its hub and year, as stored; refuses an unknown claim or one changed since `version`. */
async function claimFor(w: ChangeSet, user: string, claimId: number, version: string | undefined) {
  const row = await loadRow(w.trx, 'claims', { id: claimId });
  if (!row) throw invalid('claimId', `there is no claim with id ${claimId}`);
  const where = await w.trx
    .selectFrom('hubs')
    .innerJoin('membership_years', (j) => j.on('membership_years.id', '=', row.year_id))
    .where('hubs.id', '=', row.hub_id)
    .select(['hubs.id as hubId', 'hubs.name as hub', 'membership_years.label as year'])
    .executeTakeFirstOrThrow();
  const claim = (await readClaim(w.trx, claimId))!;
  if (version !== undefined) await assertVersion(w.trx, user, 'claims', row, version, describe(where.hub, where.year, claim));
  const year = await requireYearField(w.trx, where.year);
  return { claim, hubId: where.hubId, hub: where.hub, year };
}

export async function createClaim(ctx: CoreContext, input: CreateClaimInput): Promise<RecordsChange<ClaimView>> {
  const res = await applyChange(ctx, 'claim.create', { entity: 'claims' }, async (w) => {
    const year = await requireYearField(w.trx, input.year);
    const hub = await requireHub(w.trx, input.hubId);
    const amountPence = claimAmount(input.amount);
    await requireCategory(w.trx, input.categoryId);
    const paidOn = input.paidOn ?? null;
    checkPaidOn(input.status, paidOn, input.claimedOn, ctx.today());
    const reasons = input.status === 'paid' ? payChecks(await hubYearOf(w.trx, hub.id, year), year, amountPence, input) : null;
    const row = await w.insert('claims', {
      hub_id: hub.id,
      year_id: year.id,
      claimed_on: input.claimedOn,
      amount_pence: amountPence,
      invoice_ref: blankToNull(input.invoiceRef),
      priority: blankToNull(input.priority),
      category_id: input.categoryId,
      description: blankToNull(input.description),
      status: input.status,
      paid_on: paidOn,
      over_release_reason: reasons?.overReleaseReason ?? null,
      release_override_reason: reasons?.releaseOverrideReason ?? null,
      updated_at: ctx.now().toISOString(),
    });
    const view = (await readClaim(w.trx, row.id))!;
    return { value: view, summary: `${describe(hub.name, year.label, view)} logged, ${view.status}`, entityId: view.id, details: { hub: hub.name, year: year.label } };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/**
 * Corrects a claim: any field, or its status. A paid claim keeps its amount and stays paid: both
 * change only by reversing the payment first, with a reason. Paying (a claim not paid before) passes
 * the release gate and the total available, each overridable with its own reason.
 */
export async function updateClaim(ctx: CoreContext, input: UpdateClaimInput): Promise<RecordsChange<ClaimView>> {
  const res = await applyChange(ctx, 'claim.update', { entity: 'claims', id: input.claimId }, async (w) => {
    const { claim: before, hubId, hub, year } = await claimFor(w, ctx.user, input.claimId, input.version);
    const allowed = claimCorrections(before.status);
    const wasPaid = before.status === 'paid';
    const amountPence = input.amount === undefined ? before.amountPence : claimAmount(input.amount);
    if (!allowed.amount && amountPence !== before.amountPence) {
      throw invalid('amount', `the claim is paid: its amount changes only by reversing the payment first, with a reason (it was paid ${formatPence(before.amountPence)} on ${longDate(before.paidOn!)})`);
    }
    const status = input.status ?? before.status;
    if (wasPaid && status !== 'paid') throw invalid('status', 'the claim is paid: it leaves “paid” only by reversing the payment, with a reason');
    if (input.categoryId !== undefined && input.categoryId !== before.categoryId) await requireCategory(w.trx, input.categoryId);
    const claimedOn = input.claimedOn ?? before.claimedOn;
    // Leaving "paid" is a reversal (above); becoming paid needs the date given.
    const paidOn = input.paidOn !== undefined ? input.paidOn : status === 'paid' ? before.paidOn : null;
    checkPaidOn(status, paidOn, claimedOn, ctx.today());
    const reasons = !wasPaid && status === 'paid' ? payChecks(await hubYearOf(w.trx, hubId, year), year, amountPence, input) : null;
    await w.update(
      'claims',
      { id: before.id },
      {
        claimed_on: claimedOn,
        amount_pence: amountPence,
        status,
        paid_on: paidOn,
        category_id: input.categoryId ?? before.categoryId,
        ...(input.invoiceRef !== undefined ? { invoice_ref: blankToNull(input.invoiceRef) } : {}),
        ...(input.priority !== undefined ? { priority: blankToNull(input.priority) } : {}),
        ...(input.description !== undefined ? { description: blankToNull(input.description) } : {}),
        ...(reasons ? { over_release_reason: reasons.overReleaseReason, release_override_reason: reasons.releaseOverrideReason } : {}),
        ...(status !== 'paid' ? { over_release_reason: null, release_override_reason: null } : {}),
        updated_at: ctx.now().toISOString(),
      },
    );
    const after = (await readClaim(w.trx, before.id))!;
    if (JSON.stringify({ ...before, version: '' }) === JSON.stringify({ ...after, version: '' })) {
      throw new HubdeskError('validation', 'Nothing to change: the claim already holds these values.');
    }
    const what = before.status !== after.status ? `${before.status} → ${after.status}${after.paidOn ? ` on ${longDate(after.paidOn)}` : ''}` : 'corrected';
    return { value: after, summary: `${describe(hub, year.label, after)} ${what}`, details: { hub, year: year.label } };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/** Deletes a claim not yet paid; a paid claim is reversed first. */
export async function deleteClaim(ctx: CoreContext, input: { claimId: number; version?: string }): Promise<RecordsChange<ClaimView>> {
  const res = await applyChange(ctx, 'claim.delete', { entity: 'claims', id: input.claimId }, async (w) => {
    const { claim, hub, year } = await claimFor(w, ctx.user, input.claimId, input.version);
    if (!claimCorrections(claim.status).delete) {
      throw invalid('claimId', `the claim is paid (${formatPence(claim.amountPence)} on ${longDate(claim.paidOn!)}): reverse the payment first, with a reason, then delete it`);
    }
    await w.remove('claims', { id: claim.id });
    return { value: claim, summary: `${describe(hub, year.label, claim)} deleted (was ${claim.status})`, details: { hub, year: year.label } };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/** Reverses a payment: the claim goes back to approved, its paid date and payment reasons cleared, finance's reason kept beside it. */
export async function reverseClaimPayment(ctx: CoreContext, input: { claimId: number; version?: string; reason: string }): Promise<RecordsChange<ClaimView>> {
  const reason = input.reason.trim();
  if (reason === '') throw invalid('reason', 'a reason is needed');
  const res = await applyChange(ctx, 'claim.reverse_payment', { entity: 'claims', id: input.claimId }, async (w) => {
    const { claim, hub, year } = await claimFor(w, ctx.user, input.claimId, input.version);
    if (!claimCorrections(claim.status).reverse) throw invalid('claimId', `the claim is ${claim.status}, not paid: there is no payment to reverse`);
    await w.update(
      'claims',
      { id: claim.id },
      {
        status: 'approved',
        paid_on: null,
        over_release_reason: null,
        release_override_reason: null,
        payment_reversal_reason: reason,
        payment_reversed_at: ctx.now().toISOString(),
        payment_reversed_by: ctx.user,
        updated_at: ctx.now().toISOString(),
      },
    );
    const after = (await readClaim(w.trx, claim.id))!;
    return {
      value: after,
      summary: `${describe(hub, year.label, claim)}: payment of ${longDate(claim.paidOn!)} reversed (${reason})`,
      details: { hub, year: year.label, reason, reversedPaymentOn: claim.paidOn },
    };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/** A hub's claims for a year, oldest first. */
export async function listClaims(ctx: CoreContext, hubId: number, label: string): Promise<ClaimView[]> {
  const year = await requireYearField(ctx.db, label);
  await requireHub(ctx.db, hubId);
  const rows = await claimsQuery(ctx.db).where('claims.hub_id', '=', hubId).where('claims.year_id', '=', year.id).orderBy('claims.claimed_on').orderBy('claims.id').execute();
  return rows.map(claimView);
}
