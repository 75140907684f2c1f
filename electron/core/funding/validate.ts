import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { YearView } from '@shared/contract';
import { findYear } from '../db/years';
import { HubdeskError } from '../errors';
import { parseTypedAmount } from '@shared/domain/money-parse';
import { formatPence } from '@shared/domain/money';
import { claimAmountOf } from '@shared/validation/claims';

type Db = Kysely<Database> | Transaction<Database>;

/** A validation error that names the field it is about, as forms and the CLI show it. */
export function invalid(field: string, message: string): HubdeskError {
  return new HubdeskError('validation', `${field}: ${message}`, { issues: [{ path: field, message }] });
}

export async function requireHub(db: Db, hubId: number, field = 'hubId'): Promise<{ id: number; name: string }> {
  const hub = await db.selectFrom('hubs').select(['id', 'name']).where('id', '=', hubId).executeTakeFirst();
  if (!hub) throw invalid(field, `there is no hub with id ${hubId}`);
  return hub;
}

export async function requireYearField(db: Db, label: string, field = 'year'): Promise<YearView> {
  const year = await findYear(db as Kysely<Database>, label);
  if (!year) throw invalid(field, `there is no membership year ${label}`);
  return year;
}

export async function requireCategory(db: Db, categoryId: number, field = 'categoryId'): Promise<{ id: number; name: string }> {
  const row = await db.selectFrom('spend_categories').select(['id', 'name', 'retired_at']).where('id', '=', categoryId).executeTakeFirst();
  if (!row) throw invalid(field, `there is no spend category with id ${categoryId}`);
  if (row.retired_at !== null) throw invalid(field, `the spend category “${row.name}” has been retired`);
  return { id: row.id, name: row.name };
}

/**
 * A planned amount as typed: exact forms are saved as they parse; anything else must come with the
 * figure the person confirms (`confirmedPence`). Never guesses.
 */
export function plannedAmount(text: string, confirmedPence: number | undefined, field = 'amount'): number {
  const parsed = parseTypedAmount(text);
  if (parsed.kind === 'exact') {
    if (confirmedPence !== undefined && confirmedPence !== parsed.pence) {
      throw invalid('confirmedPence', `“${text.trim()}” is exactly ${parsed.normalised}; the confirmed figure ${formatPence(confirmedPence)} does not match it`);
    }
    return parsed.pence;
  }
  if (confirmedPence === undefined) {
    const hint = parsed.suggestedPence !== null ? ` (it may mean ${formatPence(parsed.suggestedPence)})` : '';
    throw invalid(field, `“${text.trim()}” needs confirming: ${parsed.reason}${hint}. Confirm the exact amount in pounds and pence.`);
  }
  if (confirmedPence < 0) throw invalid('confirmedPence', 'a planned amount cannot be negative');
  return confirmedPence;
}

/** A claim amount: must be a positive, exact amount of money (no confirmation route for claims). */
export function claimAmount(text: string, field = 'amount'): number {
  const amount = claimAmountOf(text);
  if (amount.issue !== null) throw invalid(field, amount.issue);
  return amount.pence;
}
