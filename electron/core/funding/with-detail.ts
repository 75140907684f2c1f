import type { CoreContext } from '../context';
import type { HubFundingDetail } from '@shared/contract/funding';
import type { RecordsChange } from '@shared/contract/records';
import { hubFundingDetail } from './detail';

/** A finance change on a hub's year, answered with the hub's funding as it stands after it (and the change's audit entry, for Undo). */
export async function withDetail(
  ctx: CoreContext,
  where: { hubId: number; year: string },
  change: Promise<{ auditId: number; summary: string }>,
): Promise<RecordsChange<HubFundingDetail>> {
  const { auditId, summary } = await change;
  return { record: await hubFundingDetail(ctx, where.hubId, where.year), auditId, summary };
}
