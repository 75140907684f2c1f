import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { MAX_PASSWORD_LENGTH, verifyAgainstNobody, verifyPassword } from './passwords';
import { startSession, type SignedInPerson } from './sessions';
import { rolesOf } from './person-roles';
import { ADDRESS_LOCKOUT, EMAIL_LOCKOUT, lockoutFor, type LockoutRule, type SessionPolicy } from './policy';

export type SignInResult =
  | { kind: 'signed-in'; token: string; person: SignedInPerson }
  /** Wrong email or password, or a disabled person: the same answer, so it tells nobody who has an account. */
  | { kind: 'refused' }
  /** Too many wrong passwords in a row for this email, or from this client address: refused unchecked until `until`. */
  | { kind: 'locked'; until: Date; by: 'email' | 'address' };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface SignInFrom {
  /** The client's address (a network of IPv6 addresses as one: see client-address.ts), or null when not known. */
  address: string | null;
  addressRule?: LockoutRule;
}

/** Where wrong passwords are counted: per email, and per client address across every email. */
const COUNTERS = {
  email: { table: 'sign_in_failures', key: 'email', rule: EMAIL_LOCKOUT },
  address: { table: 'sign_in_address_failures', key: 'address', rule: ADDRESS_LOCKOUT },
} as const;
type Counter = keyof typeof COUNTERS;

/**
 * Checks an email and password and starts a session. Wrong passwords are counted per email,
 * whether or not anyone has that email, and per client address across every email; after five in
 * a row the email is locked, after twenty the address, each for longer after every further failure
 * (policy.ts). A locked email or address is refused without checking the password, so guessing
 * during a lock costs nothing and learns nothing. An unknown email costs as much time as a known one.
 */
export async function signIn(db: Kysely<Database>, input: { email: string; password: string }, now: Date, policy: SessionPolicy, from: SignInFrom = { address: null }): Promise<SignInResult> {
  const email = normaliseEmail(input.email).slice(0, 254);
  const addressRule = from.addressRule ?? ADDRESS_LOCKOUT;
  if (from.address !== null) {
    const until = await lockedUntil(db, 'address', from.address, now);
    if (until) return { kind: 'locked', until, by: 'address' };
  }
  const emailUntil = await lockedUntil(db, 'email', email, now);
  if (emailUntil) return { kind: 'locked', until: emailUntil, by: 'email' };
  const person = await db.selectFrom('people').select(['id', 'name', 'email', 'password_hash', 'disabled_at']).where('email', '=', email).executeTakeFirst();
  const password = input.password.slice(0, MAX_PASSWORD_LENGTH + 1);
  const right = person ? await verifyPassword(password, person.password_hash) : await verifyAgainstNobody(password);
  if (person && right && person.disabled_at === null) {
    // The email's count starts again; the address's does not (see ADDRESS_LOCKOUT).
    await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
    const token = await startSession(db, person.id, now, policy);
    return { kind: 'signed-in', token, person: { id: person.id, name: person.name, email: person.email, roles: await rolesOf(db, person.id) } };
  }
  const byEmail = await countFailure(db, 'email', email, EMAIL_LOCKOUT, now);
  const byAddress = from.address === null ? null : await countFailure(db, 'address', from.address, addressRule, now);
  if (byAddress && (!byEmail || byAddress.getTime() > byEmail.getTime())) return { kind: 'locked', until: byAddress, by: 'address' };
  if (byEmail) return { kind: 'locked', until: byEmail, by: 'email' };
  return { kind: 'refused' };
}

async function lockedUntil(db: Kysely<Database>, counter: Counter, key: string, now: Date): Promise<Date | null> {
  const { table, key: column } = COUNTERS[counter];
  const row = (await sql<{ locked_until: string | null }>`select locked_until from ${sql.table(table)} where ${sql.ref(column)} = ${key}`.execute(db)).rows[0];
  return row?.locked_until && new Date(row.locked_until).getTime() > now.getTime() ? new Date(row.locked_until) : null;
}

/** Counts one wrong password against an email or an address; answers until when it is now locked, if it is. */
async function countFailure(db: Kysely<Database>, counter: Counter, key: string, rule: LockoutRule, now: Date): Promise<Date | null> {
  const { table, key: column } = COUNTERS[counter];
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - rule.forgottenAfterMs).toISOString();
  // One statement, so two wrong passwords at once both count.
  const row = (
    await sql<{ failures: number }>`insert into ${sql.table(table)} (${sql.ref(column)}, failures, last_failed_at, locked_until) values (${key}, 1, ${at}, null)
      on conflict (${sql.ref(column)}) do update set
        failures = case when ${sql.ref(`${table}.last_failed_at`)} < ${forgetBefore} then 1 else ${sql.ref(`${table}.failures`)} + 1 end,
        last_failed_at = ${at}
      returning failures`.execute(db)
  ).rows[0]!;
  const lockMs = lockoutFor(rule, Number(row.failures));
  if (lockMs === 0) return null;
  const until = new Date(now.getTime() + lockMs);
  await sql`update ${sql.table(table)} set locked_until = ${until.toISOString()} where ${sql.ref(column)} = ${key}`.execute(db);
  return until;
}
