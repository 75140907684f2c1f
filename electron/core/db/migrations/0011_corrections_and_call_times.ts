import { sql, type Kysely } from 'kysely';

/**
 * Finance corrections and call times.
 *
 * - claims.release_override_reason: a claim paid while the release conditions did not all hold is
 *   paid only with finance's reason, kept beside the claim (as over_release_reason is for paying
 *   beyond the total available).
 * - claims.payment_reversed_at / _by / payment_reversal_reason: the last reversal of a payment (paid
 *   back to approved), with finance's reason, shown with the claim; every reversal is in the audit log.
 * - calls.held_at: the instant a call was held, so a change later the same day is "since the call".
 *   A call recorded before this had only its day: it is taken as held when it was recorded if that was
 *   the same day, else at the end of its day (what "the call's day counts as discussed" meant then).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('release_override_reason', 'text').execute();
  await db.schema.alterTable('claims').addColumn('payment_reversal_reason', 'text').execute();
  await db.schema.alterTable('claims').addColumn('payment_reversed_at', 'text').execute();
  await db.schema.alterTable('claims').addColumn('payment_reversed_by', 'text').execute();
  await db.schema.alterTable('calls').addColumn('held_at', 'text').execute();
  await sql`update calls set held_at = case when substr(created_at, 1, 10) = held_on then created_at else held_on || 'T23:59:59.999Z' end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').dropColumn('held_at').execute();
  for (const c of ['payment_reversed_by', 'payment_reversed_at', 'payment_reversal_reason', 'release_override_reason']) {
    await db.schema.alterTable('claims').dropColumn(c).execute();
  }
}
