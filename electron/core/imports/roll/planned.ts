/**
 * The roll planned against the store as it is now, on the app's side: the store facts gathered here
 * (the remembered mappings, and the year's state as columns of the fields the plan reads) are sent
 * with the staged file to the import worker, which reads the file (keeping it for the next plan: a
 * remap, another sheet, an encoding or date order chosen) and plans; only the analysis crosses back.
 * The stored rows each change starts from are then put back from the state loaded here, and the
 * plan hashed, so the commit records and compares the rows as stored.
 */
import crypto from 'node:crypto';
import type { CoreContext } from '../../context';
import { plannedOnce, forget, type StampedPlan } from '../memo';
import { stagedFrom, type StagedFile } from '../staging';
import { runInWorker } from '../worker/pool';
import { rememberedMappings } from './mappings';
import { loadRollState, stateFacts, type RollRows, type RollState } from './state';
import type { PlannedRoll } from './plan';
import type { AnalysedRoll, RollOptions, RollRequest } from './analyse';

/** Everything the plan depends on besides the store: the staged file, the year, the sheet, the mapping, the options and today. */
export function rollPlanKey(file: StagedFile, request: RollOptions, today: string): string {
  const mapping = request.mapping ? Object.entries(request.mapping).sort(([a], [b]) => a.localeCompare(b)) : null;
  return JSON.stringify(['roll', file.id, request.year, request.sheet ?? null, mapping, Boolean(request.createHubs), request.encoding ?? null, request.dateOrder ?? null, today]);
}

/** The worker's plan with each change's stored row put back (the commit records it in full). */
function withStoredRows(planned: PlannedRoll<RollRows>, state: RollState): PlannedRoll {
  const contacts = new Map([...state.headContacts.values()].map((c) => [c.id, c]));
  const memberships = new Map(state.memberships.map((m) => [m.id, m]));
  const p = planned.plan;
  return {
    ...planned,
    plan: {
      ...p,
      schoolUpdates: p.schoolUpdates.map((u) => ({ ...u, before: state.schoolsById.get(u.before.id)! })),
      contactUpdates: p.contactUpdates.map((u) => ({ ...u, before: contacts.get(u.before.id)! })),
      membershipUpdates: p.membershipUpdates.map((u) => ({ ...u, before: memberships.get(u.before.id)! })),
      membershipDeletes: p.membershipDeletes.map((m) => memberships.get(m.id)!),
    },
  };
}

/** The staged file analysed in the import worker against the store facts loaded now. */
export async function analyseInWorker(ctx: CoreContext, file: StagedFile, request: RollOptions, today: string): Promise<AnalysedRoll> {
  const remembered = await rememberedMappings(ctx.db);
  const state = await loadRollState(ctx.db, request.year);
  const { year, sheet, mapping, createHubs, confirmWarnings, encoding, dateOrder } = request;
  const analysed = await runInWorker({
    kind: 'roll-plan',
    fileName: file.fileName,
    bytes: file.bytes,
    sha256: file.sha256,
    stagingId: file.id,
    request: { year, sheet, mapping, createHubs, confirmWarnings, encoding, dateOrder },
    facts: { remembered, state: stateFacts(state) },
    today,
  });
  if (!analysed.planned) return { ...analysed, planned: null };
  const planned = withStoredRows(analysed.planned, state);
  analysed.preview.diffHash = crypto.createHash('sha256').update(JSON.stringify(planned.plan)).digest('hex');
  return { ...analysed, planned };
}

/**
 * The roll analysed against the store as it is now. The preview's analysis is reused (by the next
 * preview of the same file and options, and by the commit) while nothing has been written to the
 * store since. Only whether warnings were confirmed is taken from this request.
 */
export async function plannedRoll(ctx: CoreContext, file: StagedFile, request: RollOptions): Promise<StampedPlan<AnalysedRoll>> {
  const today = ctx.today();
  const planned = await plannedOnce(ctx.store, rollPlanKey(file, request, today), () => analyseInWorker(ctx, file, request, today));
  const a = planned.value;
  const canCommit = a.allErrors.length === 0 && a.planned !== null && (!a.preview.needsConfirmation || Boolean(request.confirmWarnings));
  return canCommit === a.preview.canCommit ? planned : { ...planned, value: { ...a, preview: { ...a.preview, canCommit } } };
}

export async function previewRoll(ctx: CoreContext, request: RollRequest): Promise<AnalysedRoll> {
  return (await plannedRoll(ctx, stagedFrom('roll', request), request)).value;
}

/** Drops the cached analysis of a committed file. */
export function forgetRoll(ctx: CoreContext, file: StagedFile, request: RollOptions): void {
  forget(ctx.store, rollPlanKey(file, request, ctx.today()));
}
