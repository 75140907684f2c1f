/**
 * Simulated people using a team server at once: each signs in, then until the time is up reads
 * (hub dashboards, funding, school pages, the explorer) and — by role — edits schools and reviews
 * with the version they read, or corrects and pays claims; one memberships manager previews and
 * commits an Ofsted import a third of the way in. Every call is timed by kind. Every edit either
 * lands or is refused as a conflict naming the record; anything else is an unexpected error.
 * Edits meet on small shared pools of records so that some collide.
 */
import { client, sessionTokenOf, type Reply } from '../team-server';

export type LoadRole = 'viewer' | 'memberships_manager' | 'finance' | 'administrator';

export interface LoadPerson {
  name: string;
  email: string;
  password: string;
  role: LoadRole;
}

export interface LoadPlan {
  year: string;
  /** The server's today (ISO date): the day a claim is paid. */
  today: string;
  hubIds: number[];
  schoolIds: number[];
  searches: string[];
  /** Small pools every editor picks from, so concurrent edits of one record happen. */
  editSchools: number[];
  editReviews: number[];
  /** Hubs whose claims (for `year`) finance corrects and pays. */
  claimHubs: number[];
  /** An Ofsted management-information file the first memberships manager previews and commits once. */
  importFile?: { fileName: string; contentBase64: string };
}

export interface LoadOptions {
  durationMs: number;
  /** Pause between one person's calls, drawn evenly from this range (ms). */
  thinkMs: readonly [number, number];
  seed?: number;
}

export interface ServerAddress {
  port: number;
  /** The server's certificate (PEM), trusted for 127.0.0.1. */
  ca: string;
  url: string;
}

interface Write {
  by: string;
  readVersion: string;
  outcome: 'accepted' | 'conflict';
  newVersion?: string;
  /** The field this write set and its value, checked against the store afterwards. */
  field: string;
  value: unknown;
}

export interface KindFigures {
  calls: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  latenciesMs: number[];
}

export interface LoadResult {
  calls: number;
  byKind: Record<string, KindFigures>;
  editsAccepted: number;
  conflicts: number;
  importCommitted: boolean;
  /** Commits of the import refused as conflicts (the data changed while it was written), each followed by another try. */
  importConflicts: string[];
  unexpected: string[];
  /** Writes by record ("school:12"), in the order their answers came back. */
  writes: Map<string, Write[]>;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/** A small seeded generator (mulberry32): the same seed gives the same choices. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMPORT_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Envelope = { ok: true; value: unknown } | { ok: false; error: { kind: string; message: string } };

interface Session {
  person: LoadPerson;
  call(kind: string, method: string, body: unknown): Promise<Envelope>;
}

/** What conflicts say: "Fin Ance changed NAME at 14:02 on 5 December 2026; reload to see their change." */
const CONFLICT = /^(?:.+?) changed (.+?)(?: at \d{1,2}:\d{2} on [^;]+)?; reload to see (?:their|that) change\.$/;

interface SchoolRecord extends Record<string, unknown> {
  id: number;
  name: string;
  version: string;
  trust: string | null;
}
interface ReviewRecord extends Record<string, unknown> {
  id: number;
  school: string;
  version: string;
  leadReviewer: string | null;
}
interface ClaimView {
  id: number;
  claimedOn: string;
  paidOn: string | null;
  status: string;
  invoiceRef: string | null;
  description: string | null;
  version: string;
}

class Run {
  readonly latencies = new Map<string, number[]>();
  readonly writes = new Map<string, Write[]>();
  readonly unexpected: string[] = [];
  editsAccepted = 0;
  conflicts = 0;
  importCommitted = false;
  readonly importConflicts: string[] = [];
  private sequence = 0;

  constructor(
    readonly server: ServerAddress,
    readonly plan: LoadPlan,
  ) {}

  request = (...args: Parameters<ReturnType<typeof client>>) => client({ port: this.server.port, ca: this.server.ca, publicUrl: this.server.url })(...args);

  time(kind: string, ms: number): void {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
  }

  token(person: LoadPerson): string {
    this.sequence += 1;
    return `Load ${person.name.split(' ')[0]} ${this.sequence}`;
  }

  async signIn(person: LoadPerson): Promise<Session> {
    for (let attempt = 0; ; attempt++) {
      const start = performance.now();
      const reply = await this.request('/auth/sign-in', { method: 'POST', body: { email: person.email, password: person.password } });
      // At most four password checks run at once: the fifth is asked to try again in a moment.
      if (reply.status === 503 && attempt < 30) {
        await sleep(500);
        continue;
      }
      this.time('signIn', performance.now() - start);
      if (reply.status !== 200) throw new Error(`${person.name} could not sign in: ${reply.status} ${reply.body}`);
      const token = sessionTokenOf(reply)!;
      const headers = { Cookie: `__Host-hubdesk_session=${token}`, 'X-Hubdesk-CSRF': (reply.json?.value as { csrfToken: string }).csrfToken };
      return {
        person,
        call: async (kind, method, body) => {
          const begin = performance.now();
          let answer: Reply;
          try {
            answer = await this.request(`/api/call/${method}`, { method: 'POST', body, headers });
          } catch (error) {
            this.unexpected.push(`${person.name} ${method}: ${(error as Error).message}`);
            return { ok: false, error: { kind: 'transport', message: (error as Error).message } };
          }
          this.time(kind, performance.now() - begin);
          if (answer.status !== 200 || !answer.json) {
            this.unexpected.push(`${person.name} ${method}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
            return { ok: false, error: { kind: 'http', message: answer.body } };
          }
          return answer.json as Envelope;
        },
      };
    }
  }

  /** A read: any refusal is unexpected. */
  async read<T>(s: Session, kind: string, method: string, body: unknown): Promise<T | null> {
    const r = await s.call(kind, method, body);
    if (r.ok) return r.value as T;
    if (r.error.kind !== 'transport' && r.error.kind !== 'http') this.unexpected.push(`${s.person.name} ${method} ${JSON.stringify(body)}: ${r.error.kind}: ${r.error.message}`);
    return null;
  }

  /** An edit made with the version read: it lands, or is refused as a conflict that names the record. */
  async edit(s: Session, kind: string, method: string, body: Record<string, unknown>, record: { key: string; name: string; readVersion: string; field: string; value: unknown }): Promise<void> {
    const r = await s.call(kind, method, body);
    const writes = this.writes.get(record.key) ?? [];
    this.writes.set(record.key, writes);
    if (r.ok) {
      this.editsAccepted += 1;
      const stored = (r.value as { record: { version: string } }).record;
      writes.push({ by: s.person.name, readVersion: record.readVersion, outcome: 'accepted', newVersion: stored.version, field: record.field, value: record.value });
      return;
    }
    const named = CONFLICT.exec(r.error.message);
    if (r.error.kind === 'conflict' && named && named[1]!.includes(record.name)) {
      this.conflicts += 1;
      writes.push({ by: s.person.name, readVersion: record.readVersion, outcome: 'conflict', field: record.field, value: record.value });
      return;
    }
    if (r.error.kind !== 'transport' && r.error.kind !== 'http') this.unexpected.push(`${s.person.name} ${method} on ${record.key} (${record.name}): ${r.error.kind}: ${r.error.message}`);
  }

  result(): LoadResult {
    const byKind: Record<string, KindFigures> = {};
    let calls = 0;
    for (const [kind, list] of [...this.latencies].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const rounded = list.map((v) => Math.round(v * 10) / 10);
      byKind[kind] = { calls: list.length, p50Ms: percentile(rounded, 50), p95Ms: percentile(rounded, 95), maxMs: Math.max(...rounded), latenciesMs: rounded };
      calls += list.length;
    }
    return { calls, byKind, editsAccepted: this.editsAccepted, conflicts: this.conflicts, importCommitted: this.importCommitted, importConflicts: this.importConflicts, unexpected: this.unexpected, writes: this.writes };
  }
}

/** One person's next action, by role: mostly reads; edits for managers, claims for finance. */
async function act(run: Run, s: Session, pick: <T>(list: readonly T[]) => T, roll: number, think: () => Promise<void>): Promise<void> {
  const { plan } = run;
  const role = s.person.role;
  const editShare = role === 'memberships_manager' || role === 'finance' ? 0.35 : 0;
  if (roll >= editShare) {
    const read = (roll - editShare) / (1 - editShare);
    if (read < 0.3) await run.read(s, 'hubDashboard', 'hubDashboard', { hubId: pick(plan.hubIds), year: plan.year });
    else if (read < 0.45) await run.read(s, 'getHubFunding', 'getHubFunding', { hubId: pick(role === 'finance' ? plan.claimHubs : plan.hubIds), year: plan.year });
    else if (read < 0.5) await run.read(s, 'listFunding', 'listFunding', { year: plan.year });
    else if (read < 0.8) await run.read(s, 'schoolDashboard', 'schoolDashboard', { schoolId: pick(plan.schoolIds) });
    else await run.read(s, 'searchQaText', 'searchQaText', { text: pick(plan.searches) });
    return;
  }
  const which = roll / editShare;
  if (role === 'memberships_manager' && which < 0.6) {
    const school = await run.read<SchoolRecord>(s, 'schoolRecord', 'schoolRecord', { schoolId: pick(plan.editSchools) });
    if (!school) return;
    await think();
    const trust = run.token(s.person);
    const { id, version, ...fields } = school;
    await run.edit(s, 'updateSchool', 'updateSchool', { ...fields, schoolId: id, version, trust }, { key: `school:${id}`, name: school.name, readVersion: version, field: 'trust', value: trust });
  } else if (role === 'memberships_manager') {
    const review = await run.read<ReviewRecord>(s, 'reviewRecord', 'reviewRecord', { reviewId: pick(plan.editReviews) });
    if (!review) return;
    await think();
    const leadReviewer = run.token(s.person);
    const { id, version, startDate, endDate, estimates, www, ebi, aoeTitle, aoeAccredited, reportReceivedOn } = review;
    await run.edit(
      s,
      'updateReview',
      'updateReview',
      { reviewId: id, version, startDate, endDate, leadReviewer, estimates, www, ebi, aoeTitle, aoeAccredited, reportReceivedOn },
      { key: `review:${id}`, name: review.school, readVersion: version, field: 'leadReviewer', value: leadReviewer },
    );
  } else {
    const listed = await run.read<ClaimView[]>(s, 'listClaims', 'listClaims', { hubId: pick(plan.claimHubs), year: plan.year });
    // Claims dated after today (a plan's future claims) cannot be corrected or paid today.
    const claims = (listed ?? []).filter((c) => c.claimedOn <= plan.today && (c.paidOn === null || c.paidOn <= plan.today));
    if (claims.length === 0) return;
    await think();
    const approved = claims.filter((c) => c.status === 'approved');
    const claimName = (c: ClaimView) => c.invoiceRef ?? 'claim of';
    if (which < 0.4 && approved.length > 0) {
      const claim = pick(approved);
      await run.edit(
        s,
        'updateClaim (pay)',
        'updateClaim',
        { claimId: claim.id, version: claim.version, status: 'paid', paidOn: plan.today, releaseOverride: true, releaseOverrideReason: 'Agreed with the hub (load test)', override: true, overrideReason: 'Agreed with the hub (load test)' },
        { key: `claim:${claim.id}`, name: claimName(claim), readVersion: claim.version, field: 'status', value: 'paid' },
      );
    } else {
      const claim = pick(claims);
      const description = run.token(s.person);
      await run.edit(s, 'updateClaim (correct)', 'updateClaim', { claimId: claim.id, version: claim.version, description }, { key: `claim:${claim.id}`, name: claimName(claim), readVersion: claim.version, field: 'description', value: description });
    }
  }
}

/**
 * Preview then commit, as a person does; a commit refused because the data kept changing while it
 * was written is a conflict the message answers ("Import the file again"): they do, up to three times.
 */
async function importOnce(run: Run, s: Session, file: NonNullable<LoadPlan['importFile']>): Promise<void> {
  for (let attempt = 0; attempt < IMPORT_ATTEMPTS; attempt++) {
    const preview = await run.read<{ stagingId: string; sha256: string; diffHash: string }>(s, 'previewOfstedImport', 'previewOfstedImport', file);
    if (!preview) return;
    const commit = await s.call('commitOfstedImport', 'commitOfstedImport', { stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash });
    if (commit.ok) {
      run.importCommitted = true;
      return;
    }
    if (commit.error.kind !== 'conflict') {
      run.unexpected.push(`${s.person.name} commitOfstedImport: ${commit.error.kind}: ${commit.error.message}`);
      return;
    }
    run.importConflicts.push(commit.error.message);
  }
}

/** Runs the people against the server for the duration; resolves when the last one stops. */
export async function runTeamLoad(server: ServerAddress, people: readonly LoadPerson[], plan: LoadPlan, options: LoadOptions): Promise<LoadResult> {
  const run = new Run(server, plan);
  const sessions = await Promise.all(people.map((p) => run.signIn(p)));
  const start = performance.now();
  const importer = plan.importFile ? sessions.find((s) => s.person.role === 'memberships_manager') : undefined;
  await Promise.all(
    sessions.map(async (s, i) => {
      const next = random((options.seed ?? 1) * 1000 + i);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      const [low, high] = options.thinkMs;
      const think = () => sleep(low + next() * (high - low));
      // Start spread over the first pause, as people arrive.
      await think();
      let imported = false;
      while (performance.now() - start < options.durationMs) {
        if (s === importer && !imported && performance.now() - start >= options.durationMs / 3) {
          imported = true;
          await importOnce(run, s, plan.importFile!);
        } else {
          await act(run, s, pick, next(), () => sleep(next() * (high - low) * 0.3));
        }
        await think();
      }
    }),
  );
  return run.result();
}

/**
 * No lost update: for each record edited, the accepted writes form one chain from the version
 * first read (no two accepted writes started from the same version — the second would have
 * overwritten the first unseen), the stored version is the chain's last, and the stored field
 * holds that write's value. Returns what is wrong (nothing when all holds).
 */
export async function lostUpdates(result: LoadResult, initialVersions: ReadonlyMap<string, string>, stored: (key: string) => Promise<{ version: string; fields: Record<string, unknown> }>): Promise<string[]> {
  const problems: string[] = [];
  for (const [key, writes] of result.writes) {
    const accepted = writes.filter((w) => w.outcome === 'accepted');
    const now = await stored(key);
    const initial = initialVersions.get(key);
    if (initial === undefined) {
      problems.push(`${key}: edited but its first version was not read before the run`);
      continue;
    }
    const byRead = new Map<string, Write>();
    for (const w of accepted) {
      const twin = byRead.get(w.readVersion);
      if (twin) problems.push(`${key}: ${twin.by} and ${w.by} both saved over version ${w.readVersion} (a lost update)`);
      byRead.set(w.readVersion, w);
    }
    let version = initial;
    let last: Write | undefined;
    const seen = new Set<Write>();
    for (let w = byRead.get(version); w && !seen.has(w); w = byRead.get(version)) {
      seen.add(w);
      last = w;
      version = w.newVersion!;
    }
    if (seen.size !== accepted.length) problems.push(`${key}: ${accepted.length - seen.size} accepted writes do not follow from the version before them`);
    if (now.version !== version) problems.push(`${key}: stored version ${now.version}, the last accepted write made ${version}`);
    if (last) {
      const lastOf = (field: string) => [...seen].filter((w) => w.field === field).pop();
      for (const field of new Set([...seen].map((w) => w.field))) {
        const expected = lastOf(field)!.value;
        if (now.fields[field] !== expected) problems.push(`${key}: ${field} is ${JSON.stringify(now.fields[field])}, the last accepted write set ${JSON.stringify(expected)}`);
      }
    }
  }
  return problems;
}

export type RecordState = { version: string; fields: Record<string, unknown> };

/** Reads the records the people edit, as the given person (an administrator sees every field): by key ("school:12"). */
export async function recordReader(server: ServerAddress, person: LoadPerson, plan: LoadPlan): Promise<{ read(key: string): Promise<RecordState>; keys(): Promise<string[]> }> {
  const run = new Run(server, plan);
  const s = await run.signIn(person);
  const must = async <T>(method: string, body: unknown): Promise<T> => {
    const r = await s.call(method, method, body);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  const claims = async () => (await Promise.all(plan.claimHubs.map((hubId) => must<ClaimView[]>('listClaims', { hubId, year: plan.year })))).flat();
  return {
    keys: async () => [...plan.editSchools.map((id) => `school:${id}`), ...plan.editReviews.map((id) => `review:${id}`), ...(await claims()).map((c) => `claim:${c.id}`)],
    read: async (key) => {
      const [kind, id] = key.split(':') as [string, string];
      if (kind === 'school') {
        const r = await must<SchoolRecord>('schoolRecord', { schoolId: Number(id) });
        return { version: r.version, fields: r };
      }
      if (kind === 'review') {
        const r = await must<ReviewRecord>('reviewRecord', { reviewId: Number(id) });
        return { version: r.version, fields: r };
      }
      const claim = (await claims()).find((c) => c.id === Number(id));
      if (!claim) throw new Error(`${key} is not among the claims of the claim hubs`);
      return { version: claim.version, fields: claim as unknown as Record<string, unknown> };
    },
  };
}
