/** Member schools GIAS shows as closed, each with its successor, from the store (after a GIAS import). */
import type { Kysely } from 'kysely';
import type { GiasClosedSchool } from '@shared/contract/gias-import';
import type { Database } from '../../db/schema';
import { versionOf } from '../../changes/version';
import { dialectSql } from '../../db/dialect-sql';

export async function closedSchools(db: Kysely<Database>): Promise<GiasClosedSchool[]> {
  const { likeIgnoringCase } = dialectSql(db);
  // GIAS writes "Closed", "Closed (proposed)…", "Successor", "Successor - merged": matched whatever the case.
  const closed = await db.selectFrom('schools').selectAll().where('merged_into_school_id', 'is', null).where(likeIgnoringCase('establishment_status', 'closed%')).orderBy('urn').execute();
  if (closed.length === 0) return [];
  const links = await db.selectFrom('school_links').selectAll().where(likeIgnoringCase('link_type', '%successor%')).execute();
  const out: GiasClosedSchool[] = [];
  for (const s of closed) {
    const link = links.filter((l) => l.urn === s.urn).sort((a, b) => (b.established_on ?? '').localeCompare(a.established_on ?? ''))[0];
    const successor = link ? await db.selectFrom('schools').selectAll().where('urn', '=', link.link_urn).executeTakeFirst() : undefined;
    out.push({
      urn: s.urn,
      name: s.name,
      schoolId: s.id,
      version: versionOf(s),
      status: s.establishment_status ?? 'Closed',
      closedOn: s.closed_on,
      reason: null,
      successor: link ? { urn: link.link_urn, name: successor?.name ?? link.link_name, schoolId: successor?.id ?? null, version: successor ? versionOf(successor) : null } : null,
    });
  }
  return out;
}
