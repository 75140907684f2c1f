/**
 * Preview and commit of GIAS school data: both files read and planned in the import worker (which
 * keeps them for the next plan) against the store facts sent from here, only the plan crossing back;
 * the plan reused by the commit while the store is unchanged, the commit refused when the preview no
 * longer holds; a backup, then every school updated or added, every link and every roll pupil
 * change written through the batch's ChangeSet (a statement per kind of row) in one transaction, as
 * an import batch of kind 'gias' that undoing the batch restores.
 */
import type { Transaction } from 'kysely';
import type { GiasCommitResult, GiasImportPreview } from '@shared/contract/gias-import';
import type { CoreContext } from '../../context';
import type { Database } from '../../db/schema';
import { HubdeskError } from '../../errors';
import { recordBatch } from '../../changes/import-batches';
import { ChangeSet } from '../../changes/change-set';
import { backUpAhead, commitOnce } from '../commit-flow';
import { forget, plannedOnce, type StampedPlan } from '../memo';
import { stagedFile, stagedFrom, unstage, type StagedFile } from '../staging';
import { diffHashOf, refuseUnlessPreviewed, type PreviewedFile } from '../guard';
import { runPlanInWorker } from '../worker/pool';
import type { TextEncoding } from '../files/encoding';
import { versionOf } from '../../changes/version';
import { loadGiasFacts, sentFacts, type GiasFacts, type GiasRows } from './facts';
import type { GiasPlan } from './plan';
import { countOf } from '@shared/plural';

export const GIAS_BATCH_KIND = 'gias';

export interface GiasOptions {
  pupilsForYear?: string;
  encoding?: TextEncoding;
  linksEncoding?: TextEncoding;
}

interface Planned {
  plan: GiasPlan;
  diffHash: string;
}

function planKey(file: StagedFile, links: StagedFile | null, options: GiasOptions, today: string): string {
  return JSON.stringify(['gias', file.id, links?.id ?? null, options.pupilsForYear ?? null, options.encoding ?? null, options.linksEncoding ?? null, today]);
}

/** The worker's plan with each change's stored row, and each closed school's version, from the rows as stored. */
function withStoredRows(plan: GiasPlan<GiasRows>, facts: GiasFacts): GiasPlan {
  const schoolsById = new Map([...facts.schools.values()].map((s) => [s.id, s]));
  const memberships = new Map((facts.year?.memberships ?? []).map((m) => [m.id, m]));
  const stored = (id: number) => schoolsById.get(id)!;
  return {
    ...plan,
    preview: {
      ...plan.preview,
      closed: plan.preview.closed.map((c) => ({
        ...c,
        version: versionOf(stored(c.schoolId)),
        successor: c.successor && { ...c.successor, version: c.successor.schoolId !== null ? versionOf(stored(c.successor.schoolId)) : null },
      })),
    },
    schoolUpdates: plan.schoolUpdates.map((u) => ({ ...u, before: stored(u.before.id) })),
    membershipUpdates: plan.membershipUpdates.map((u) => ({ ...u, before: memberships.get(u.before.id)! })),
  };
}

async function planned(ctx: CoreContext, file: StagedFile, links: StagedFile | null, options: GiasOptions): Promise<StampedPlan<Planned>> {
  const today = ctx.today();
  return plannedOnce(ctx.store, planKey(file, links, options, today), async () => {
    // The facts are loaded here while the worker reads the files.
    let facts: GiasFacts | null = null;
    const inWorker = await runPlanInWorker(
      {
        kind: 'gias-plan',
        fileName: file.fileName,
        bytes: file.bytes,
        sha256: file.sha256,
        stagingId: file.id,
        links: links && { fileName: links.fileName, bytes: links.bytes, sha256: links.sha256, stagingId: links.id },
        names: links ? `${file.fileName} or ${links.fileName}` : undefined,
        encoding: options.encoding,
        linksEncoding: options.linksEncoding,
        pupilsForYear: options.pupilsForYear,
        today,
      },
      async () => sentFacts((facts = await loadGiasFacts(ctx.db, options.pupilsForYear))),
    );
    const plan = withStoredRows(inWorker, facts!);
    return {
      plan,
      diffHash: diffHashOf({ s: plan.schoolUpdates, n: plan.successorInserts, l: plan.linkInserts, m: plan.membershipUpdates }),
    };
  });
}

interface PreviewRequest extends GiasOptions {
  fileName?: string;
  contentBase64?: string;
  stagingId?: string;
  linksFileName?: string;
  linksContentBase64?: string;
  linksStagingId?: string;
}

export async function previewGias(ctx: CoreContext, request: PreviewRequest): Promise<GiasImportPreview> {
  const file = stagedFrom('gias', request);
  const links =
    request.linksStagingId || request.linksContentBase64
      ? stagedFrom('gias-links', { fileName: request.linksFileName, contentBase64: request.linksContentBase64, stagingId: request.linksStagingId })
      : null;
  const { plan, diffHash } = (await planned(ctx, file, links, request)).value;
  backUpAhead(ctx, plan.preview.canCommit && !plan.preview.noChanges);
  return { ...plan.preview, stagingId: file.id, linksStagingId: links?.id ?? null, linksFileName: links?.fileName ?? null, sha256: file.sha256, diffHash };
}

function refuse(plan: GiasPlan): never {
  const p = plan.preview;
  const first = p.errors[0];
  const where = first ? [first.row !== null ? `row ${first.row}` : null, first.column, first.urn ? `URN ${first.urn}` : null].filter(Boolean).join(', ') : '';
  // An undecided encoding is about a whole file (its message names which); other problems are in member schools' rows.
  const what = p.encodingChoice || p.linksEncodingChoice ? '' : " in member schools' rows";
  throw new HubdeskError('validation', `${p.fileName}: ${countOf(p.errorCount, 'problem')}${what}; nothing was imported.${first ? ` First: ${where ? `${where}: ` : ''}${first.message}` : ''}`, {
    issues: p.errors.slice(0, 50).map((e) => ({ path: [e.row !== null ? `row ${e.row}` : null, e.column].filter(Boolean).join(', ') || 'file', message: e.message })),
  });
}

async function write(trx: Transaction<Database>, ctx: CoreContext, file: StagedFile, links: StagedFile | null, plan: GiasPlan, backupFile: string | null): Promise<GiasCommitResult> {
  const now = ctx.now().toISOString();
  const p = plan.preview;
  const summary = {
    format: p.format,
    encoding: p.encoding,
    links: links?.fileName ?? null,
    linksEncoding: p.linksEncoding,
    schoolsUpdated: plan.schoolUpdates.length,
    successorsAdded: plan.successorInserts.length,
    linksAdded: plan.linkInserts.length,
    pupilsYear: p.pupilsYear,
    pupilChanges: plan.membershipUpdates.length,
    closed: p.closed.length,
  };
  const batchId = await recordBatch(trx, ctx, { kind: GIAS_BATCH_KIND, fileName: file.fileName, sha256: file.sha256, yearId: null, rowCount: p.rowsRead, summary });
  const set = new ChangeSet(trx, { batchId, ctx });
  await set.replaceMany(
    'schools',
    plan.schoolUpdates.map((u) => ({ before: u.before, after: { ...u.before, ...u.set, updated_at: now } })),
  );
  await set.insertMany(
    'schools',
    plan.successorInserts.map((s) => ({ urn: s.urn, ...s.values, headteacher_since: null, email: null, phone: null, merged_into_school_id: null, import_batch_id: batchId, created_at: now, updated_at: now })),
  );
  await set.insertMany(
    'school_links',
    plan.linkInserts.map((l) => ({ urn: l.urn, link_urn: l.linkUrn, link_name: l.linkName, link_type: l.linkType, established_on: l.establishedOn, import_batch_id: batchId })),
  );
  await set.replaceMany(
    'memberships',
    plan.membershipUpdates.map((m) => ({ before: m.before, after: { ...m.before, pupils: m.pupils, import_batch_id: batchId, updated_at: now } })),
  );
  await set.flush();
  return {
    batchId,
    ...summary,
    backupFile,
    message: `Imported school data from ${file.fileName}: ${countOf(plan.schoolUpdates.length, 'member school')} updated${plan.successorInserts.length ? `, ${countOf(plan.successorInserts.length, 'successor school')} added` : ''}${plan.linkInserts.length ? `, ${countOf(plan.linkInserts.length, 'link')} kept` : ''}${plan.membershipUpdates.length ? `, ${countOf(plan.membershipUpdates.length, 'roll pupil count')} changed in ${p.pupilsYear}` : ''}.`,
  };
}

export async function commitGias(ctx: CoreContext, request: PreviewedFile & GiasOptions & { stagingId: string; linksStagingId?: string }): Promise<GiasCommitResult> {
  const file = stagedFile('gias', request.stagingId);
  const links = request.linksStagingId ? stagedFile('gias-links', request.linksStagingId) : null;
  const result = await commitOnce<Planned, GiasCommitResult>(ctx, {
    backupReason: 'before-import-gias',
    plan: () => planned(ctx, file, links, request),
    check: ({ plan, diffHash }) => {
      if (plan.preview.errorCount > 0) refuse(plan);
      refuseUnlessPreviewed(file, diffHash, request);
      if (!plan.preview.noChanges) return undefined;
      return { batchId: null, schoolsUpdated: 0, successorsAdded: 0, linksAdded: 0, pupilChanges: 0, backupFile: null, message: `${file.fileName}: hubdesk already holds this school data; nothing was written.` };
    },
    write: (trx, { plan }, backup) => write(trx, ctx, file, links, plan, backup?.file ?? null),
  });
  if (result.batchId !== null) {
    forget(ctx.store, planKey(file, links, request, ctx.today()));
    unstage(file.id);
    if (links) unstage(links.id);
  }
  return result;
}
