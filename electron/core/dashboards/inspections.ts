import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DashboardInspection } from '@shared/contract/dashboards';
import type { OfstedInspection } from '@shared/domain/ofsted';
import { overallEffectiveness } from '@shared/domain/ofsted';
import { datedJudgements, frameworkLabel } from '@shared/domain/ofsted-profile';
import { readInspection } from '@shared/domain/ofsted-reading';
import type { OfstedFramework } from '@shared/domain/vocabulary';
import { foldPredecessors, predecessorUrns } from '../records/predecessors';
import { chunked } from '../db/in-chunks';
import { dialectSql } from '../db/dialect-sql';

/** A stored inspection in the domain's shape, with what a screen needs to say where it came from. */
export interface StoredInspection extends OfstedInspection {
  id: number;
  urn: string;
  batchId: number | null;
  source: string | null;
  sourceAsAt: string | null;
  /** When hubdesk recorded it (its import's instant), when known. */
  recordedAt: string | null;
}

/** URNs per query: with the predecessors' URNs added the statement stays far below SQLite's 32,766 parameters. */
const INSPECTIONS_CHUNK = 5_000;

/**
 * Every inspection (with its judgements) of the given URNs, by URN: three queries per 5,000 schools
 * (the records merged into them, the inspections, the judgements).
 */
export async function loadInspections(db: Kysely<Database>, urns: readonly string[]): Promise<Map<string, StoredInspection[]>> {
  if (urns.length <= INSPECTIONS_CHUNK) return loadInspectionsOf(db, urns);
  // A school's inspections are all in its own chunk, so the chunks' maps never overlap.
  const byUrn = new Map<string, StoredInspection[]>();
  for (const chunk of chunked(urns, INSPECTIONS_CHUNK)) for (const [urn, list] of await loadInspectionsOf(db, chunk)) byUrn.set(urn, list);
  return byUrn;
}

async function loadInspectionsOf(db: Kysely<Database>, urns: readonly string[]): Promise<Map<string, StoredInspection[]>> {
  const byUrn = new Map<string, StoredInspection[]>();
  if (urns.length === 0) return byUrn;
  // A kept school's history includes the inspections of records merged into it (one query).
  const aliases = await predecessorUrns(db, urns);
  const all = [...urns, ...aliases.keys()];
  const rows = await db
    .selectFrom('ofsted_inspections as i')
    .leftJoin('import_batches as b', 'b.id', 'i.import_batch_id')
    .where('i.urn', 'in', all)
    .select([
      'i.id', 'i.urn', 'i.start_date', 'i.publication_date', 'i.inspection_type', 'i.framework', 'i.category_of_concern',
      'i.outcome_text', 'i.source_as_at', 'i.import_batch_id', 'b.file_name', 'b.source_as_at as batch_as_at', 'b.created_at as batch_created_at',
    ])
    .orderBy('i.start_date')
    .orderBy('i.id')
    .execute();
  // Each inspection's judgements as one JSON array, in the order they were stored (a few per inspection).
  const judgements = await db
    .selectFrom('ofsted_judgements as j')
    .innerJoin('ofsted_inspections as i', 'i.id', 'j.inspection_id')
    .where('i.urn', 'in', all)
    .groupBy('j.inspection_id')
    .select(['j.inspection_id', dialectSql(db).jsonGroupArray({ area: 'j.area', grade: 'j.grade', gradeDate: 'j.grade_date' }, 'j.id').as('list')])
    .execute();
  const byInspection = new Map<number, StoredInspection['judgements'][number][]>();
  for (const j of judgements) byInspection.set(j.inspection_id, JSON.parse(j.list) as StoredInspection['judgements'][number][]);
  for (const r of rows) {
    const list = byUrn.get(r.urn) ?? [];
    list.push({
      id: r.id,
      urn: r.urn,
      startDate: r.start_date,
      publicationDate: r.publication_date,
      framework: r.framework as OfstedFramework,
      inspectionType: r.inspection_type,
      categoryOfConcern: r.category_of_concern,
      outcomeText: r.outcome_text,
      judgements: byInspection.get(r.id) ?? [],
      batchId: r.import_batch_id,
      source: r.file_name,
      sourceAsAt: r.source_as_at ?? r.batch_as_at,
      recordedAt: r.batch_created_at,
    });
    byUrn.set(r.urn, list);
  }
  return foldPredecessors(byUrn, aliases, urns);
}

export function inspectionView(i: StoredInspection): DashboardInspection {
  return {
    id: i.id,
    urn: i.urn,
    startDate: i.startDate,
    publicationDate: i.publicationDate,
    framework: i.framework,
    frameworkLabel: frameworkLabel(i.framework),
    inspectionType: i.inspectionType,
    categoryOfConcern: i.categoryOfConcern,
    outcomeText: i.outcomeText,
    overall: overallEffectiveness(i),
    judgements: datedJudgements(i),
    reading: readInspection(i),
    source: i.source,
    sourceAsAt: i.sourceAsAt,
  };
}
