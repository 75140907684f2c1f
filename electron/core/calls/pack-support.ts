import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PackSupportRequest } from '@shared/contract/calls';
import { inWindow, type PackWindow } from '@shared/domain/calls';
import { brokeredToLabel, inCallPack } from '@shared/domain/support';
import { loadHubSupportRequests } from '../dashboards/support';
import { supportRowsAsAt } from './support-as-at';

/**
 * The hub's support requests for a call pack: those still open and those changed
 * since the window opened, oldest first, each with its status and who it was brokered to as they stood
 * on the pack's as-at day.
 */
export async function packSupportRequests(db: Kysely<Database>, hubId: number, yearId: number, window: PackWindow, urnOf: (schoolId: number) => string): Promise<PackSupportRequest[]> {
  const rows = await supportRowsAsAt(db, await loadHubSupportRequests(db, hubId, yearId), window.until);
  return rows
    .map((r) => ({ r, updatedOn: r.updatedAt.slice(0, 10) }))
    .filter(({ r }) => inCallPack({ requestedOn: r.requestedOn, status: r.status, changedSince: inWindow(r.updatedAt, window) }, window))
    .map(({ r, updatedOn }) => ({
      schoolId: r.schoolId,
      school: r.school,
      urn: urnOf(r.schoolId),
      id: r.id,
      date: r.requestedOn,
      area: r.area,
      ebi: r.ebiText,
      status: r.status,
      brokeredTo: brokeredToLabel(r),
      brokeredToSchoolId: r.brokeredToSchoolId,
      notes: r.notes,
      updatedOn,
      isNew: inWindow(r.requestedOn, window),
    }));
}
