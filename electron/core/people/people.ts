import type { Kysely, Transaction } from 'kysely';
import type { PersonView, PersonWithPassword, RequestOf } from '@shared/contract';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { recordAudit } from '../changes/audit-entry';
import { generatePassword, hashPassword } from './passwords';
import { endSessionsOf } from './sessions';
import { rolesOf } from './person-roles';
import { revokeTokensOf } from './api-tokens';

type Db = Kysely<Database> | Transaction<Database>;

async function view(db: Db, personId: number, now: Date): Promise<PersonView> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: await rolesOf(db, personId),
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
    sessions: Number(sessions.n),
  };
}

async function personId(db: Db, email: string): Promise<number> {
  const row = await db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();
  if (!row) throw new HubdeskError('not_found', `Nobody signs in as ${email}.`);
  return row.id;
}

export async function listPeople(ctx: CoreContext): Promise<PersonView[]> {
  const rows = await ctx.db.selectFrom('people').select('id').orderBy('name').orderBy('id').execute();
  return Promise.all(rows.map((r) => view(ctx.db, r.id, ctx.now())));
}

/** Administrators who may still sign in, other than `exceptId`. */
async function otherActiveAdministrators(db: Db, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('people')
    .innerJoin('person_roles', 'person_roles.person_id', 'people.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_roles.role', '=', 'administrator')
    .where('people.disabled_at', 'is', null)
    .where('people.id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The team must keep someone who can add people and reset passwords. */
async function keepAnAdministrator(db: Db, id: number, email: string): Promise<void> {
  if ((await otherActiveAdministrators(db, id)) === 0) {
    throw new HubdeskError('conflict', `${email} is the only administrator who can sign in: make someone else an administrator first.`);
  }
}

export async function addPerson(ctx: CoreContext, request: RequestOf<'addPerson'>): Promise<PersonWithPassword> {
  const { name, email, roles } = request;
  const taken = await ctx.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new HubdeskError('conflict', `Somebody already signs in as ${email}.`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('people')
      .values({ name, email, password_hash: passwordHash, password_changed_at: now, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('person_roles').values(roles.map((role) => ({ person_id: row.id, role }))).execute();
    await recordAudit(trx, ctx, { action: 'create', entity: 'person', entityId: row.id, after: { name, email, roles } });
    return row.id;
  });
  return { person: await view(ctx.db, id, ctx.now()), password };
}

export async function resetPassword(ctx: CoreContext, { email }: RequestOf<'resetPassword'>): Promise<PersonWithPassword> {
  const id = await personId(ctx.db, email);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('people').set({ password_hash: passwordHash, password_changed_at: ctx.now().toISOString() }).where('id', '=', id).execute();
    await endSessionsOf(trx, id);
    await trx.deleteFrom('sign_in_failures').where('email', '=', email).execute();
    await recordAudit(trx, ctx, { action: 'reset-password', entity: 'person', entityId: id, after: { email } });
  });
  return { person: await view(ctx.db, id, ctx.now()), password };
}

export async function setPersonRoles(ctx: CoreContext, { email, roles }: RequestOf<'setPersonRoles'>): Promise<PersonView> {
  const id = await personId(ctx.db, email);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await rolesOf(trx, id);
    if (before.includes('administrator') && !roles.includes('administrator')) await keepAnAdministrator(trx, id, email);
    await trx.deleteFrom('person_roles').where('person_id', '=', id).execute();
    await trx.insertInto('person_roles').values(roles.map((role) => ({ person_id: id, role }))).execute();
    await recordAudit(trx, ctx, { action: 'update', entity: 'person', entityId: id, before: { roles: before }, after: { roles: [...roles].sort() } });
  });
  return view(ctx.db, id, ctx.now());
}

/** A disabled person cannot sign in: their sessions end and their API tokens are revoked. */
export async function disablePerson(ctx: CoreContext, { email }: RequestOf<'disablePerson'>): Promise<PersonView> {
  const id = await personId(ctx.db, email);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('people').select('disabled_at').where('id', '=', id).executeTakeFirstOrThrow();
    if (row.disabled_at !== null) throw new HubdeskError('conflict', `${email} was already disabled on ${row.disabled_at.slice(0, 10)}.`);
    if ((await rolesOf(trx, id)).includes('administrator')) await keepAnAdministrator(trx, id, email);
    await trx.updateTable('people').set({ disabled_at: ctx.now().toISOString() }).where('id', '=', id).execute();
    await endSessionsOf(trx, id);
    await revokeTokensOf(trx, id, ctx.now());
    await recordAudit(trx, ctx, { action: 'disable', entity: 'person', entityId: id, after: { email } });
  });
  return view(ctx.db, id, ctx.now());
}

/** Ends every session a person has (a lost laptop, a shared computer): they can still sign in again. */
export async function signOutPerson(ctx: CoreContext, { email }: RequestOf<'signOutPerson'>): Promise<PersonView> {
  const id = await personId(ctx.db, email);
  await ctx.db.transaction().execute(async (trx) => {
    await endSessionsOf(trx, id);
    await recordAudit(trx, ctx, { action: 'sign-out-everywhere', entity: 'person', entityId: id, after: { email } });
  });
  return view(ctx.db, id, ctx.now());
}

/** Whether anyone can sign in as an administrator (a team server will not start without one). */
export async function hasActiveAdministrator(db: Db): Promise<boolean> {
  return (await otherActiveAdministrators(db, 0)) > 0;
}
