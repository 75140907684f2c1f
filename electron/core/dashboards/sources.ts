import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { SourceNote } from '@shared/contract/dashboards';
import { inChunks } from '../db/in-chunks';

export const RECORDED_IN_HUBDESK = 'Recorded in hubdesk';

export interface BatchInfo {
  id: number;
  fileName: string;
  kind: string;
  /** The source's own as-at date (Ofsted's "data as at"), if it has one. */
  sourceAsAt: string | null;
  /** The day it was imported. */
  importedOn: string;
  undone: boolean;
}

/** The import batches with these ids (one query per 5,000). */
export async function loadBatches(db: Kysely<Database>, ids: Iterable<number | null>): Promise<Map<number, BatchInfo>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  const out = new Map<number, BatchInfo>();
  if (wanted.length === 0) return out;
  const rows = await inChunks(wanted, (chunk) =>
    db.selectFrom('import_batches').where('id', 'in', chunk).select(['id', 'file_name', 'kind', 'source_as_at', 'created_at', 'undone_at']).execute(),
  );
  for (const r of rows) {
    out.set(r.id, { id: r.id, fileName: r.file_name, kind: r.kind, sourceAsAt: r.source_as_at, importedOn: r.created_at.slice(0, 10), undone: r.undone_at !== null });
  }
  return out;
}

/**
 * One note per distinct source of the rows: the import file and its date, or "Recorded in hubdesk"
 * (as at today) for rows typed in rather than imported. Latest source first. `date` chooses which
 * date of the file: the source's own as-at date (Ofsted) or the day it was imported (rolls, trackers).
 */
export function sourceNotes(
  what: string,
  batchIds: Iterable<number | null>,
  batches: Map<number, BatchInfo>,
  today: string,
  date: 'source' | 'imported' = 'imported',
): SourceNote[] {
  const notes = new Map<string, SourceNote>();
  for (const id of batchIds) {
    const b = id === null ? undefined : batches.get(id);
    const note: SourceNote = b
      ? { what, source: b.fileName, asAt: date === 'source' ? (b.sourceAsAt ?? b.importedOn) : b.importedOn }
      : { what, source: RECORDED_IN_HUBDESK, asAt: today };
    notes.set(`${note.source}\u0000${note.asAt ?? ''}`, note);
  }
  return [...notes.values()].sort((a, b) => (b.asAt ?? '').localeCompare(a.asAt ?? ''));
}
