import { z } from 'zod';
import { mutation, query } from './define';
import { access } from './roles';
import { id } from './schemas';

export interface ImportBatchView {
  id: number;
  kind: string;
  fileName: string;
  sha256: string;
  year: string | null;
  rows: number;
  summary: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  undoneAt: string | null;
  /** True for the latest batch of its kind still in force, when its kind can be undone. */
  canUndo: boolean;
}

export interface UndoResult {
  batchId: number;
  restoredRows: number;
  /** The backup taken first; null where the database server keeps the backups. */
  backupFile: string | null;
}

export const importBatchMethods = {
  listImportBatches: query<ImportBatchView[]>(access.everyone)(
    'Import history, newest first',
    z.strictObject({ kind: z.string().max(40).optional(), limit: z.number().int().min(1).max(500).optional() }),
  ),
  undoImportBatch: mutation<UndoResult>(access.imports)(
    'Undo the latest import of a kind (backup first), restoring every row it changed',
    z.strictObject({ batchId: id, confirm: z.literal(true) }),
  ),
};
