/**
 * The commit every importer shares: plan once (or reuse the preview's plan while the store is
 * unchanged), refuse or stop before any backup when the plan says so, back up (or use the backup
 * taken ahead while the preview was read, when it holds exactly the store this plan was made on),
 * then write in one transaction that first takes the write lock and checks that the store is still
 * exactly the one planned against. If anything was written in between (another request of this process, or another
 * connection), the backup is discarded and the whole thing starts again from a fresh plan, so a
 * stale plan is never written.
 */
import fs from 'node:fs';
import type { Transaction } from 'kysely';
import type { CoreContext } from '../context';
import type { Database } from '../db/schema';
import type { BackupInfo } from '../db/backups';
import { HubdeskError } from '../errors';
import type { StampedPlan } from './memo';

export interface CommitSteps<P, R> {
  /** Slug of the backup taken before writing, e.g. "before-import-roll". */
  backupReason: string;
  /** The plan of the store as it is now, with its data stamp (plannedOnce). */
  plan(): Promise<StampedPlan<P>>;
  /** Throws a refusal, or returns the result of a commit with nothing to write; undefined to write. */
  check(plan: P): R | undefined;
  /** backup: the one taken just before, or null where the database server keeps the backups. */
  write(trx: Transaction<Database>, plan: P, backup: BackupInfo | null): Promise<R>;
}

class StoreChanged extends Error {}

const ATTEMPTS = 3;

export async function commitOnce<P, R>(ctx: CoreContext, steps: CommitSteps<P, R>): Promise<R> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { value: plan, stamp } = await steps.plan();
    const early = steps.check(plan);
    if (early !== undefined) return early;
    // The backup taken ahead while the preview was read, when it holds exactly this plan's store.
    const backup = ctx.store.backups ? await ctx.store.backups.takeBeforeCommit(stamp, steps.backupReason, ctx.now()) : null;
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        // Under the write lock, no other connection can commit between this check and the writes.
        await ctx.store.holdWriteLock(trx);
        if (stamp === '' || (await ctx.store.dataStamp(trx)) !== stamp) throw new StoreChanged();
        return steps.write(trx, plan, backup);
      });
    } catch (error) {
      if (!(error instanceof StoreChanged)) throw error;
      // The backup holds a state the import no longer starts from; the next attempt takes its own.
      if (backup) fs.rmSync(backup.file, { force: true });
    }
  }
  throw new HubdeskError('conflict', 'The data kept changing while this import was being written, so nothing was imported. Import the file again.');
}

/**
 * Called by a preview as it answers: when it can be committed with changes, the backup its commit
 * will need is started in the background, so it is written and checked while the person reads it.
 */
export function backUpAhead(ctx: CoreContext, committableWithChanges: boolean): void {
  if (committableWithChanges) ctx.store.backups?.startAhead();
}
