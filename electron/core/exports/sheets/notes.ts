import type { Worksheet } from 'exceljs';
import type { SourceNote } from '@shared/contract/dashboards';
import { longDate } from '@shared/domain/reconciliation';
import { noteLine } from '../table';

/** "Ofsted inspections: management information file.csv, as at 1 November 2026" */
export function sourceText(note: SourceNote): string {
  return `${note.what}: ${note.source}${note.asAt ? `, as at ${longDate(note.asAt.slice(0, 10))}` : ''}`;
}

/** Writes the source notes from `row`; returns the next free row. */
export function writeSources(ws: Worksheet, row: number, notes: readonly SourceNote[]): number {
  let r = row;
  for (const n of notes) noteLine(ws, r++, sourceText(n));
  return r;
}
