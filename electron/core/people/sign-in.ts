import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { MAX_PASSWORD_LENGTH, verifyAgainstNobody, verifyPassword } from './passwords';
import { startSession, type SignedInPerson } from './sessions';
import { rolesOf } from './person-roles';
import { FAILURES_FORGOTTEN_AFTER_MS, lockoutAfter, type SessionPolicy } from './policy';

export type SignInResult =
  | { kind: 'signed-in'; token: string; person: SignedInPerson }
  /** Wrong email or password, or a disabled person: the same answer, so it tells nobody who has an account. */
  | { kind: 'refused' }
  /** Too many wrong passwords in a row for this email: refused unchecked until `until`. */
  | { kind: 'locked'; until: Date };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password and starts a session. Wrong passwords are counted per email,
 * whether or not anyone has that email; after five in a row the email is locked, for longer after
 * each further failure (policy.ts). A locked email is refused without checking the password, so
 * guessing during a lock costs nothing and learns nothing. An unknown email costs as much time as a
 * known one.
 */
export async function signIn(db: Kysely<Database>, input: { email: string; password: string }, now: Date, policy: SessionPolicy): Promise<SignInResult> {
  const email = normaliseEmail(input.email).slice(0, 254);
  const failures = await db.selectFrom('sign_in_failures').selectAll().where('email', '=', email).executeTakeFirst();
  if (failures?.locked_until && new Date(failures.locked_until).getTime() > now.getTime()) {
    return { kind: 'locked', until: new Date(failures.locked_until) };
  }
  const person = await db.selectFrom('people').select(['id', 'name', 'email', 'password_hash', 'disabled_at']).where('email', '=', email).executeTakeFirst();
  const password = input.password.slice(0, MAX_PASSWORD_LENGTH + 1);
  const right = person ? await verifyPassword(password, person.password_hash) : await verifyAgainstNobody(password);
  if (person && right && person.disabled_at === null) {
    await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
    const token = await startSession(db, person.id, now, policy);
    return { kind: 'signed-in', token, person: { id: person.id, name: person.name, email: person.email, roles: await rolesOf(db, person.id) } };
  }
  return countFailure(db, email, now);
}

async function countFailure(db: Kysely<Database>, email: string, now: Date): Promise<SignInResult> {
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FAILURES_FORGOTTEN_AFTER_MS).toISOString();
  // One statement, so two wrong passwords at once both count.
  const row = await db
    .insertInto('sign_in_failures')
    .values({ email, failures: 1, last_failed_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet((eb) => ({
        failures: eb.case().when('sign_in_failures.last_failed_at', '<', forgetBefore).then(1).else(eb('sign_in_failures.failures', '+', 1)).end(),
        last_failed_at: at,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const lockMs = lockoutAfter(row.failures);
  if (lockMs === 0) return { kind: 'refused' };
  const until = new Date(now.getTime() + lockMs);
  await db.updateTable('sign_in_failures').set({ locked_until: until.toISOString() }).where('email', '=', email).execute();
  return { kind: 'locked', until };
}
