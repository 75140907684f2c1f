/**
 * What the import worker does: read one untrusted file into plain data (rows, typed records). Each
 * job is a pure function of the bytes and its options; nothing here touches the store.
 */
import { readSpreadsheet, type ReadWorkbook } from '../files/read';
import type { TextEncoding } from '../files/encoding';
import { parseOfstedFile, type ParsedOfstedFile } from '../ofsted/parse';
import { buildPlan, type OfstedPlan, type StoreFacts } from '../ofsted/plan';
import { readTracker, type ParsedTracker } from '../qa/read';
import { readPlanWorkbook, type PlanWorkbook } from '../../funding/plan-workbook';
import { readGiasExtract, readGiasLinks, type GiasExtract, type GiasLinks } from '../gias/read';

interface FileJob {
  fileName: string;
  bytes: Uint8Array;
}

export type JobRequest =
  | (FileJob & { kind: 'spreadsheet'; advice: string; csv: boolean; encoding?: TextEncoding })
  | (FileJob & { kind: 'ofsted'; sha256: string; encoding?: TextEncoding })
  | (FileJob & { kind: 'ofsted-plan'; sha256: string; encoding?: TextEncoding; facts: StoreFacts; allSchools: boolean })
  | (FileJob & { kind: 'qa'; sha256: string })
  | (FileJob & { kind: 'plan'; categories: { id: number; name: string }[] })
  | (FileJob & { kind: 'gias'; encoding?: TextEncoding })
  | (FileJob & { kind: 'gias-links'; encoding?: TextEncoding });

interface JobValues {
  spreadsheet: ReadWorkbook;
  ofsted: ParsedOfstedFile;
  'ofsted-plan': OfstedPlan;
  qa: ParsedTracker;
  plan: PlanWorkbook;
  gias: GiasExtract;
  'gias-links': GiasLinks;
}
export type JobValue<K extends JobRequest['kind']> = JobValues[K];

/**
 * The Ofsted file last read in this worker: planning it again (the store changed, or all schools
 * asked for) does not read it again. Only the plan crosses back (the new inspections and the
 * preview), not the national file's two million cells.
 */
let lastOfsted: { key: string; parsed: Promise<ParsedOfstedFile> } | null = null;

function ofstedParsed(job: Extract<JobRequest, { kind: 'ofsted-plan' }>): Promise<ParsedOfstedFile> {
  const key = `${job.sha256}|${job.fileName}|${job.encoding ?? ''}`;
  if (lastOfsted?.key !== key) lastOfsted = { key, parsed: parseOfstedFile(job.fileName, job.bytes, job.sha256, job.encoding) };
  return lastOfsted.parsed;
}

export type JobResult = { ok: true; value: unknown } | { ok: false; refused: boolean; message: string };

function buffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export async function runJob(job: JobRequest): Promise<unknown> {
  switch (job.kind) {
    case 'spreadsheet':
      return readSpreadsheet(buffer(job.bytes), job.fileName, { advice: job.advice, csv: job.csv, encoding: job.encoding });
    case 'ofsted':
      return parseOfstedFile(job.fileName, job.bytes, job.sha256, job.encoding);
    case 'ofsted-plan':
      return buildPlan(await ofstedParsed(job), job.facts, job.allSchools);
    case 'qa':
      return readTracker(job.fileName, job.bytes, job.sha256);
    case 'plan':
      return readPlanWorkbook(buffer(job.bytes), job.fileName, job.categories);
    case 'gias':
      return readGiasExtract(buffer(job.bytes), job.fileName, job.encoding);
    case 'gias-links':
      return readGiasLinks(buffer(job.bytes), job.fileName, job.encoding);
  }
}
