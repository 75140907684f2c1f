import type { Kysely, Transaction } from 'kysely';
import { isRole, type Role } from '@shared/contract';
import type { Database } from '../db/schema';

/** The roles a person holds, as stored (a value that is not a role is left out, never trusted). */
export async function rolesOf(db: Kysely<Database> | Transaction<Database>, personId: number): Promise<Role[]> {
  const rows = await db.selectFrom('person_roles').select('role').where('person_id', '=', personId).orderBy('role').execute();
  return rows.map((r) => r.role).filter(isRole);
}
