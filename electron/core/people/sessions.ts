import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Person } from '../context';
import { rolesOf } from './person-roles';
import { sessionEnded, type SessionPolicy } from './policy';

type Db = Kysely<Database> | Transaction<Database>;

/** A session's secret: 256 random bits, in the cookie only. */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the store keeps of a token: its SHA-256, so a copy of the database holds no live session. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/**
 * The session's anti-forgery token, derived from the session's own secret: a page of ours reads it
 * from /auth/session and sends it in a header; another site can neither read the cookie nor the
 * token, so it cannot forge a change. A new session (every sign-in) has a new one.
 */
export function csrfTokenFor(token: string): string {
  return crypto.createHash('sha256').update(`hubdesk csrf\0${token}`).digest('base64url');
}

/** A session's token as the cookie carries it: base64url of 32 bytes. Anything else is not looked up. */
export function looksLikeSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export async function startSession(db: Db, personId: number, now: Date, policy: SessionPolicy): Promise<string> {
  const token = newSessionToken();
  const at = now.toISOString();
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), person_id: personId, created_at: at, last_seen_at: at, expires_at: new Date(now.getTime() + policy.absoluteMs).toISOString() })
    .execute();
  return token;
}

export type SignedInPerson = Person & { id: number; email: string };

/**
 * The person a session token belongs to, or null: an unknown token, a session that has ended (idle
 * or past its absolute end: it is deleted), or a disabled person. Roles are read on every request,
 * so a change of roles applies at once.
 */
export async function sessionPerson(db: Kysely<Database>, token: string, now: Date, policy: SessionPolicy): Promise<SignedInPerson | null> {
  if (!looksLikeSessionToken(token)) return null;
  const hash = tokenHash(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .select(['sessions.created_at', 'sessions.last_seen_at', 'sessions.expires_at', 'people.id', 'people.name', 'people.email', 'people.disabled_at'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const times = { createdAt: new Date(row.created_at), lastSeenAt: new Date(row.last_seen_at), expiresAt: new Date(row.expires_at) };
  if (row.disabled_at !== null || sessionEnded(policy, times, now)) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (now.getTime() - times.lastSeenAt.getTime() >= policy.touchEveryMs) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute();
  }
  return { id: row.id, name: row.name, email: row.email, roles: await rolesOf(db, row.id) };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

/** Sign-out everywhere: every session of the person ends. */
export async function endSessionsOf(db: Db, personId: number): Promise<void> {
  await db.deleteFrom('sessions').where('person_id', '=', personId).execute();
}
