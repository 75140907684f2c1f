import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { SupportRequestRecord } from '@shared/contract/records';
import { OPEN_SUPPORT_STATUSES } from '@shared/domain/support';
import { supportRequestQuery, toSupportRecord } from '../records/support';

export type HubSupportRow = SupportRequestRecord & { updatedAt: string };

/**
 * The support requests of a hub's member schools in a membership year, oldest first: one query, joined
 * on that year's memberships (no list of school ids, whatever the size of the hub).
 */
export async function loadHubSupportRequests(db: Kysely<Database>, hubId: number, yearId: number, opts: { openOnly?: boolean } = {}): Promise<HubSupportRow[]> {
  let q = supportRequestQuery(db).innerJoin('memberships as m', (join) =>
    join.onRef('m.school_id', '=', 'support_requests.school_id').on('m.year_id', '=', yearId).on('m.hub_id', '=', hubId),
  );
  if (opts.openOnly) q = q.where('support_requests.status', 'in', OPEN_SUPPORT_STATUSES);
  const rows = await q.orderBy('support_requests.requested_on').orderBy('support_requests.id').execute();
  return rows.map((r) => ({ ...toSupportRecord(r), updatedAt: r.updated_at }));
}

/** The hub dashboard's list: the requests still open (open, brokered, in progress). */
export async function openSupportRequests(db: Kysely<Database>, hubId: number, yearId: number): Promise<SupportRequestRecord[]> {
  return (await loadHubSupportRequests(db, hubId, yearId, { openOnly: true })).map(({ updatedAt: _u, ...r }) => r);
}
