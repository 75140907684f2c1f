import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ApiTokenView, IssuedApiToken, RequestOf } from '@shared/contract';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { recordAudit } from '../changes/audit-entry';
import { rolesOf } from './person-roles';
import { tokenHash, type SignedInPerson } from './sessions';
import type { SessionPolicy } from './policy';

type Db = Kysely<Database> | Transaction<Database>;

/** Every token starts so: a secret pasted into the wrong place is recognisable (and searchable by secret scanners). */
export const API_TOKEN_PREFIX = 'hubdesk_';
const DAY_MS = 24 * 60 * 60_000;

/** A token's secret: the prefix and 256 random bits. */
function newSecret(): string {
  return `${API_TOKEN_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
}

/** A secret as issued; anything else is not looked up. */
export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(API_TOKEN_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(API_TOKEN_PREFIX.length));
}

function stateOf(row: { revoked_at: string | null; expires_at: string | null }, now: Date): ApiTokenView['state'] {
  if (row.revoked_at !== null) return 'revoked';
  if (row.expires_at !== null && new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

function tokensQuery(db: Db) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('people', 'people.id', 'api_tokens.person_id')
    .select(['api_tokens.id', 'people.email', 'people.name', 'api_tokens.label', 'api_tokens.created_at', 'api_tokens.created_by', 'api_tokens.last_used_at', 'api_tokens.expires_at', 'api_tokens.revoked_at']);
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokensQuery>['executeTakeFirstOrThrow']>>;

function view(row: TokenRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    label: row.label,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    state: stateOf(row, now),
  };
}

async function tokenView(db: Db, id: number, now: Date): Promise<ApiTokenView> {
  return view(await tokensQuery(db).where('api_tokens.id', '=', id).executeTakeFirstOrThrow(), now);
}

/** An administrator issues a token that acts as a person; its secret is answered this once and kept only as a hash. */
export async function issueApiToken(ctx: CoreContext, { email, label, expiresInDays }: RequestOf<'issueApiToken'>): Promise<IssuedApiToken> {
  const person = await ctx.db.selectFrom('people').select(['id', 'disabled_at']).where('email', '=', email).executeTakeFirst();
  if (!person) throw new HubdeskError('not_found', `Nobody signs in as ${email}: add them first (hubdesk people add).`);
  if (person.disabled_at !== null) throw new HubdeskError('conflict', `${email} is disabled: a token for them would not work.`);
  const secret = newSecret();
  const now = ctx.now();
  const expiresAt = expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * DAY_MS).toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({ person_id: person.id, token_hash: tokenHash(secret), label: label.trim(), created_at: now.toISOString(), created_by: ctx.user, last_used_at: null, expires_at: expiresAt, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'api_token', entityId: row.id, after: { email, label: label.trim(), expiresAt } });
    return row.id;
  });
  return { token: await tokenView(ctx.db, id, now), secret };
}

export async function listApiTokens(ctx: CoreContext, { email }: RequestOf<'listApiTokens'>): Promise<ApiTokenView[]> {
  let query = tokensQuery(ctx.db);
  if (email !== undefined) query = query.where('people.email', '=', email);
  const rows = await query.orderBy('people.email').orderBy('api_tokens.id').execute();
  return rows.map((row) => view(row, ctx.now()));
}

export async function revokeApiToken(ctx: CoreContext, { id }: RequestOf<'revokeApiToken'>): Promise<ApiTokenView> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_tokens').select(['revoked_at', 'label']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new HubdeskError('not_found', `There is no API token ${id} (hubdesk people tokens lists them).`);
    if (row.revoked_at !== null) throw new HubdeskError('conflict', `API token ${id} (${row.label}) was already revoked on ${row.revoked_at.slice(0, 10)}.`);
    await trx.updateTable('api_tokens').set({ revoked_at: ctx.now().toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'revoke', entity: 'api_token', entityId: id, after: { label: row.label } });
  });
  return tokenView(ctx.db, id, ctx.now());
}

/** Every token of a person stops working (they were disabled). */
export async function revokeTokensOf(db: Db, personId: number, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('person_id', '=', personId).where('revoked_at', 'is', null).execute();
}

/**
 * The person a token acts as, with their roles as they are now, or null: an unknown secret, a
 * revoked token, one past its end, or a disabled person. Its last use is written at most once per
 * `touchEveryMs`, as for sessions.
 */
export async function apiTokenPerson(db: Kysely<Database>, secret: string, now: Date, policy: SessionPolicy): Promise<SignedInPerson | null> {
  if (!looksLikeApiToken(secret)) return null;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('people', 'people.id', 'api_tokens.person_id')
    .select(['api_tokens.id as tokenId', 'api_tokens.last_used_at', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'people.id', 'people.name', 'people.email', 'people.disabled_at'])
    .where('api_tokens.token_hash', '=', tokenHash(secret))
    .executeTakeFirst();
  if (!row || row.disabled_at !== null || stateOf(row, now) !== 'active') return null;
  if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() >= policy.touchEveryMs) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.tokenId).execute();
  }
  return { id: row.id, name: row.name, email: row.email, roles: await rolesOf(db, row.id) };
}
