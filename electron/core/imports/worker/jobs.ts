/**
 * What the import worker does: read one untrusted file into plain data, and plan an import of it
 * against the store facts the app sends (plain data). Each job is a pure function of the bytes, its
 * options and those facts; nothing here touches the store.
 */
import type { ErrorKind } from '@shared/contract';
import { readSpreadsheet, type ReadWorkbook } from '../files/read';
import type { TextEncoding } from '../files/encoding';
import { parseOfstedFile, type ParsedOfstedFile } from '../ofsted/parse';
import { buildPlan, type OfstedPlan, type StoreFacts } from '../ofsted/plan';
import { readTracker, type ParsedTracker } from '../qa/read';
import { buildQaPlan, type QaPlan } from '../qa/plan';
import { noSuchYear, type QaStoreFacts } from '../qa/store-facts';
import { readPlanWorkbook, type PlanWorkbook } from '../../funding/plan-workbook';
import type { planLines } from '../../funding/detail';
import { analyseRoll, ROLL_ADVICE, type AnalysedRoll, type RollFacts, type RollOptions } from '../roll/analyse';
import type { RollRows } from '../roll/state';
import { readGiasExtract, readGiasLinks, type GiasExtract, type GiasLinks } from '../gias/read';
import { factsFromSent, type GiasRows, type SentGiasFacts } from '../gias/facts';
import { buildGiasPlan, type GiasPlan } from '../gias/plan';
import { HubdeskError } from '../../errors';
import { diffHashOf } from '../guard';

interface FileJob {
  fileName: string;
  bytes: Uint8Array;
  /** How a refusal names the files when the job reads more than one (otherwise fileName). */
  names?: string;
}

/** A job that plans: the staged file it names is read once and kept for the next plan of that staged file. */
interface StagedJob extends FileJob {
  sha256: string;
  stagingId: string;
}

export type JobRequest =
  | (StagedJob & { kind: 'roll-plan'; request: RollOptions; facts: RollFacts; today: string })
  | (StagedJob & { kind: 'ofsted-plan'; encoding?: TextEncoding; facts: StoreFacts; allSchools: boolean })
  | (StagedJob & { kind: 'qa-plan'; year: string; facts: QaStoreFacts | null })
  | (StagedJob & { kind: 'plan'; categories: { id: number; name: string }[]; current: Awaited<ReturnType<typeof planLines>> })
  | (StagedJob & {
      kind: 'gias-plan';
      links: StagedJob | null;
      encoding?: TextEncoding;
      linksEncoding?: TextEncoding;
      pupilsForYear?: string;
      facts: SentGiasFacts;
      today: string;
    });

interface JobValues {
  'roll-plan': AnalysedRoll<RollRows>;
  'ofsted-plan': OfstedPlan;
  'qa-plan': QaPlan;
  plan: { book: PlanWorkbook; diffHash: string };
  'gias-plan': GiasPlan<GiasRows>;
}
export type JobValue<K extends JobRequest['kind']> = JobValues[K];

/**
 * The staged file last read in this worker for planning (one: a worker holds one file's reading at a
 * time), by its staging id and reading options: planning it again (the store changed, a remap, all schools asked for) does not read it again. Only
 * the plan crosses back, not the file's rows (a national Ofsted file's two million cells, a national
 * roll's 300,000). A read that was refused is kept too: the same bytes give the same refusal.
 */
let kept: { key: string; read: Promise<unknown> } | null = null;

/** Files read since the last job's reply: each reply reports it, so the app can count the worker's reads. */
let readsMade = 0;

/** How many files this worker read since it last answered (and starts the count again). */
export function takeReadCount(): number {
  const n = readsMade;
  readsMade = 0;
  return n;
}

function counted<T>(read: () => Promise<T>): Promise<T> {
  readsMade += 1;
  return read();
}

function keptRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  if (kept?.key !== key) {
    kept = { key, read: counted(read) };
    kept.read.catch(() => undefined);
  }
  return kept.read as Promise<T>;
}

function ofstedParsed(job: Extract<JobRequest, { kind: 'ofsted-plan' }>): Promise<ParsedOfstedFile> {
  return keptRead(`ofsted|${job.stagingId}|${job.encoding ?? ''}`, () => parseOfstedFile(job.fileName, job.bytes, job.sha256, job.encoding));
}

function rollRead(job: Extract<JobRequest, { kind: 'roll-plan' }>): Promise<ReadWorkbook> {
  return keptRead(`roll|${job.stagingId}|${job.request.encoding ?? ''}`, () =>
    readSpreadsheet(buffer(job.bytes), job.fileName, { advice: ROLL_ADVICE, csv: true, encoding: job.request.encoding }),
  );
}

function giasRead(job: Extract<JobRequest, { kind: 'gias-plan' }>): Promise<[GiasExtract, GiasLinks | null]> {
  const links = job.links;
  const key = `gias|${job.stagingId}|${links?.stagingId ?? ''}|${job.encoding ?? ''}|${job.linksEncoding ?? ''}`;
  return keptRead(key, () =>
    Promise.all([
      readGiasExtract(buffer(job.bytes), job.fileName, job.encoding),
      links ? readGiasLinks(buffer(links.bytes), links.fileName, job.linksEncoding) : Promise.resolve(null),
    ]),
  );
}

/** A planning job's store facts, as sent with it or after it. */
type FactsOf = <J extends { facts: unknown }>(job: J) => Promise<J['facts']>;

async function planGias(job: Extract<JobRequest, { kind: 'gias-plan' }>, factsOf: FactsOf): Promise<GiasPlan<GiasRows>> {
  const [extract, links] = await giasRead(job);
  const facts = await factsOf(job);
  if (job.pupilsForYear && !facts.year) throw new HubdeskError('validation', `pupilsForYear: there is no membership year ${job.pupilsForYear}.`);
  return buildGiasPlan(extract, links, factsFromSent(facts), job.today);
}

async function planTracker(job: Extract<JobRequest, { kind: 'qa-plan' }>, factsOf: FactsOf): Promise<QaPlan> {
  const parsed = await keptRead<ParsedTracker>(`qa|${job.stagingId}`, () => readTracker(job.fileName, job.bytes, job.sha256));
  const facts = await factsOf(job);
  if (!facts) throw noSuchYear(job.year);
  return buildQaPlan(parsed, facts);
}

/** An action plan workbook read (once per spend categories) and hashed with the lines a commit would replace. */
async function planActionPlan(job: Extract<JobRequest, { kind: 'plan' }>): Promise<JobValues['plan']> {
  const categories = job.categories.map((c) => `${c.id}:${c.name}`).join(',');
  const book = await keptRead(`plan|${job.stagingId}|${categories}`, () => readPlanWorkbook(buffer(job.bytes), job.fileName, job.categories));
  return { book, diffHash: diffHashOf({ rows: book.rows, current: job.current }) };
}

export type JobOutcome = { ok: true; value: unknown } | { ok: false; refused: boolean; message: string; hubdesk?: { kind: ErrorKind; details: unknown } };
/** A job's reply; reads: how many files the job read (0 when it planned on the file the worker kept). */
export type JobResult = JobOutcome & { reads: number };

function buffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Runs one job. A planning job's store facts come with it, or (factsLater) after it, while its file
 * is read: each plan reads its file first, then takes the facts.
 */
export async function runJob(job: JobRequest, factsLater: Promise<unknown> | null = null): Promise<unknown> {
  const facts: FactsOf = async (j) => (factsLater ? ((await factsLater) as typeof j.facts) : j.facts);
  switch (job.kind) {
    case 'roll-plan': {
      const read = await rollRead(job);
      return analyseRoll(read, { fileName: job.fileName, sha256: job.sha256, stagingId: job.stagingId }, await facts(job), job.request, job.today);
    }
    case 'ofsted-plan': {
      const parsed = await ofstedParsed(job);
      return buildPlan(parsed, await facts(job), job.allSchools);
    }
    case 'qa-plan':
      return planTracker(job, facts);
    case 'plan':
      return planActionPlan(job);
    case 'gias-plan':
      return planGias(job, facts);
  }
}
