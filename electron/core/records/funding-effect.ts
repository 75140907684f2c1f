import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { hubFunding } from '@shared/domain/funding';
import type { FundingEffect, FundingFigures } from '@shared/contract/records';

export interface HubMember {
  membershipId: number;
  schoolId: number;
  name: string;
  pupils: number;
}

export async function hubMembers(db: Kysely<Database> | Transaction<Database>, hubId: number, yearId: number): Promise<HubMember[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .where('memberships.hub_id', '=', hubId)
    .where('memberships.year_id', '=', yearId)
    .select(['memberships.id as membershipId', 'schools.id as schoolId', 'schools.name', 'memberships.pupils'])
    .orderBy('schools.name')
    .execute();
}

export function figures(members: readonly HubMember[]): FundingFigures {
  const f = hubFunding(members.map((m) => ({ schoolId: m.schoolId, name: m.name, pupils: m.pupils })));
  return { schools: f.schoolCount, formulaPence: f.formulaPence, minimumPence: f.minimumPence, fundingPence: f.fundingPence, applied: f.applied, explanation: f.explanation };
}

/**
 * The effect of a membership change on each hub it touches: the hub's funding (hubFunding, the
 * same rule the funding pages use) before and after.
 */
export async function fundingEffect(
  db: Kysely<Database> | Transaction<Database>,
  yearId: number,
  change: { schoolId: number; name: string; fromHubId: number | null; toHubId: number | null; pupilsAfter: number },
): Promise<FundingEffect> {
  const hubIds = [...new Set([change.fromHubId, change.toHubId].filter((h): h is number => h !== null))];
  const names = new Map(
    (hubIds.length ? await db.selectFrom('hubs').where('id', 'in', hubIds).select(['id', 'name']).execute() : []).map((h) => [h.id, h.name]),
  );
  const hubs = [];
  for (const hubId of hubIds) {
    const before = await hubMembers(db, hubId, yearId);
    let after = before.filter((m) => m.schoolId !== change.schoolId);
    if (hubId === change.toHubId) after = [...after, { membershipId: 0, schoolId: change.schoolId, name: change.name, pupils: change.pupilsAfter }];
    const b = figures(before);
    const a = figures(after);
    hubs.push({ hubId, hub: names.get(hubId) ?? `hub ${hubId}`, before: b, after: a, changePence: a.fundingPence - b.fundingPence });
  }
  return { hubs };
}
