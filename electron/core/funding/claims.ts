import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import type { ClaimView } from '@shared/contract/funding';
import type { ClaimStatus } from '@shared/domain/vocabulary';
import type { YearView } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { recordAudit } from '../changes/audit-entry';
import { FundingEngine, computeHub } from './engine';
import { claimView } from './load';
import { claimAmount, invalid, requireCategory, requireHub, requireYearField } from './validate';

export interface OverRelease {
  override?: true;
  overrideReason?: string;
}

async function readClaim(trx: Transaction<Database>, claimId: number): Promise<ClaimView | null> {
  const row = await trx
    .selectFrom('claims')
    .innerJoin('spend_categories', 'spend_categories.id', 'claims.category_id')
    .where('claims.id', '=', claimId)
    .select([
      'claims.id',
      'claims.claimed_on',
      'claims.amount_pence',
      'claims.invoice_ref',
      'claims.priority',
      'claims.category_id',
      'spend_categories.name as category',
      'claims.description',
      'claims.status',
      'claims.paid_on',
      'claims.over_release_reason',
    ])
    .executeTakeFirst();
  return row ? claimView(row) : null;
}

function checkPaidOn(status: ClaimStatus, paidOn: string | null, claimedOn: string): void {
  if (status === 'paid' && paidOn === null) throw invalid('paidOn', 'a paid claim needs the date it was paid');
  if (status !== 'paid' && paidOn !== null) throw invalid('paidOn', `only a paid claim has a paid date (this claim is ${status})`);
  if (paidOn !== null && paidOn < claimedOn) throw invalid('paidOn', `the claim cannot be paid (${paidOn}) before it was made (${claimedOn})`);
}

/**
 * A claim that takes the hub's released amount past its total available is refused unless finance
 * overrides it with a reason. Returns the reason to store (null when no override was needed).
 */
async function checkRelease(
  trx: Transaction<Database>,
  hubId: number,
  year: YearView,
  claimId: number | null,
  newReleasedByThisClaim: number,
  oldReleasedByThisClaim: number,
  o: OverRelease,
): Promise<string | null> {
  if (newReleasedByThisClaim <= oldReleasedByThisClaim) return null;
  const engine = new FundingEngine(trx);
  const y = await engine.year(year);
  const prev = y.previousYear ? await engine.year(y.previousYear) : null;
  const h = y.hubs.get(hubId) ?? computeHub(hubId, y.data, prev);
  const others = (y.data.claims.get(hubId) ?? []).filter((c) => c.status === 'paid' && c.id !== claimId).reduce((n, c) => n + c.amountPence, 0);
  const total = h.effective.figures.totalAvailablePence;
  const released = others + newReleasedByThisClaim;
  if (released <= total) return null;
  const reason = o.overrideReason?.trim() ?? '';
  if (o.override !== true) {
    throw invalid(
      'amount',
      `paying this claim would take ${h.hub}’s released amount to ${formatPence(released)}, ${formatPence(released - total)} more than its total available ${formatPence(total)} for ${year.label}. To pay it anyway, override with a reason.`,
    );
  }
  if (reason === '') throw invalid('overrideReason', 'a reason is needed to pay a claim beyond the total available');
  return reason;
}

export interface CreateClaimInput extends OverRelease {
  hubId: number;
  year: string;
  claimedOn: string;
  amount: string;
  invoiceRef?: string;
  priority?: string;
  categoryId: number;
  description?: string;
  status: ClaimStatus;
  paidOn?: string;
}

const blankToNull = (s: string | null | undefined): string | null => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export async function createClaim(ctx: CoreContext, input: CreateClaimInput): Promise<ClaimView> {
  return ctx.db.transaction().execute(async (trx) => {
    const year = await requireYearField(trx, input.year);
    const hub = await requireHub(trx, input.hubId);
    const amountPence = claimAmount(input.amount);
    await requireCategory(trx, input.categoryId);
    const paidOn = input.paidOn ?? null;
    checkPaidOn(input.status, paidOn, input.claimedOn);
    const reason = await checkRelease(trx, hub.id, year, null, input.status === 'paid' ? amountPence : 0, 0, input);
    const { id } = await trx
      .insertInto('claims')
      .values({
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
        over_release_reason: reason,
        updated_at: ctx.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = (await readClaim(trx, id))!;
    await recordAudit(trx, ctx, { action: 'create', entity: 'claim', entityId: id, after: { hub: hub.name, year: year.label, ...view } });
    return view;
  });
}

export interface UpdateClaimInput extends OverRelease {
  claimId: number;
  status?: ClaimStatus;
  paidOn?: string | null;
  amount?: string;
  invoiceRef?: string | null;
  priority?: string | null;
  categoryId?: number;
  description?: string | null;
}

export async function updateClaim(ctx: CoreContext, input: UpdateClaimInput): Promise<ClaimView> {
  return ctx.db.transaction().execute(async (trx) => {
    const where = await trx
      .selectFrom('claims')
      .innerJoin('hubs', 'hubs.id', 'claims.hub_id')
      .innerJoin('membership_years', 'membership_years.id', 'claims.year_id')
      .select(['claims.hub_id', 'hubs.name as hub', 'membership_years.label as year'])
      .where('claims.id', '=', input.claimId)
      .executeTakeFirst();
    if (!where) throw invalid('claimId', `there is no claim with id ${input.claimId}`);
    const year = await requireYearField(trx, where.year);
    const before = (await readClaim(trx, input.claimId))!;

    const amountPence = input.amount === undefined ? before.amountPence : claimAmount(input.amount);
    if (input.categoryId !== undefined) await requireCategory(trx, input.categoryId);
    const status = input.status ?? before.status;
    // Leaving "paid" clears the paid date unless one is given (which checkPaidOn then refuses).
    const paidOn = input.paidOn !== undefined ? input.paidOn : status === 'paid' ? before.paidOn : null;
    checkPaidOn(status, paidOn, before.claimedOn);
    const reason = await checkRelease(
      trx,
      where.hub_id,
      year,
      input.claimId,
      status === 'paid' ? amountPence : 0,
      before.status === 'paid' ? before.amountPence : 0,
      input,
    );
    await trx
      .updateTable('claims')
      .set({
        amount_pence: amountPence,
        status,
        paid_on: paidOn,
        category_id: input.categoryId ?? before.categoryId,
        ...(input.invoiceRef !== undefined ? { invoice_ref: blankToNull(input.invoiceRef) } : {}),
        ...(input.priority !== undefined ? { priority: blankToNull(input.priority) } : {}),
        ...(input.description !== undefined ? { description: blankToNull(input.description) } : {}),
        ...(reason !== null ? { over_release_reason: reason } : status !== 'paid' ? { over_release_reason: null } : {}),
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', input.claimId)
      .execute();
    const after = (await readClaim(trx, input.claimId))!;
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'claim',
      entityId: input.claimId,
      before: { hub: where.hub, year: where.year, ...before },
      after: { hub: where.hub, year: where.year, ...after },
    });
    return after;
  });
}
