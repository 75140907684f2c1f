import type { QueryClient, Query } from '@tanstack/react-query';
import { isMethodName, type MethodName } from '@shared/contract';
import { ANY_DATA } from '@shared/live-changes';

/**
 * What the screens know about the data: each kind of record is a tag. A query names the tags it
 * reads; a change names the tags it writes. After a change, every query that reads one of its tags
 * is fetched again (the ones on screen at once, the others when next shown). This file is the one
 * place that says so: add a contract method and TypeScript asks for its line here.
 */
export const TAGS = [
  'years',
  'identity',
  'hubs',
  'schools',
  'memberships',
  'ofsted',
  'reviews',
  'reviewers',
  'meetings',
  'funding',
  'categories',
  'support',
  'calls',
  'imports',
  'backups',
  'audit',
  'people',
] as const;
export type Tag = (typeof TAGS)[number];

/** A read names what it reads; a write names what it changes, or 'everything' (restore, undo, merge). */
export type MethodTags = { reads: readonly Tag[] } | { writes: readonly Tag[] | 'everything' };

/** Every record kind a dashboard, a funding figure or a call pack is computed from. */
const ALL_RECORDS: readonly Tag[] = ['years', 'hubs', 'schools', 'memberships', 'ofsted', 'reviews', 'reviewers', 'meetings', 'funding', 'categories', 'support', 'calls', 'identity'];
/** Funding figures come from the roll (schools and pupils per hub), the plan, claims, locks and meetings (a release condition). */
const FUNDING: readonly Tag[] = ['years', 'hubs', 'schools', 'memberships', 'meetings', 'funding', 'categories'];

const reads = (...tags: Tag[]): MethodTags => ({ reads: tags });
/** Every change is audited, so every write also changes the audit log. */
const writes = (...tags: Tag[]): MethodTags => ({ writes: [...tags, 'audit'] });
const EVERYTHING: MethodTags = { writes: 'everything' };

export const methodTags: Record<MethodName, MethodTags> = {
  // system and settings
  getStatus: reads('years', 'schools', 'hubs'),
  loadDemo: EVERYTHING,
  getIdentity: reads('identity'),
  setIdentity: writes('identity'),
  listBackups: reads('backups'),
  createBackup: writes('backups'),
  restoreBackup: EVERYTHING,
  listAudit: reads('audit'),
  exportAudit: reads('audit'),
  lastRecordsChange: reads('audit'),
  undoLastChange: EVERYTHING,

  // people who sign in to a team server (administrators)
  currentPerson: reads('people'),
  listPeople: reads('people'),
  addPerson: writes('people'),
  resetPassword: writes('people'),
  setPersonRoles: writes('people'),
  disablePerson: writes('people'),
  signOutPerson: writes('people'),

  // dashboards and lists
  networkDashboard: reads(...ALL_RECORDS),
  hubDashboard: reads(...ALL_RECORDS),
  schoolDashboard: reads(...ALL_RECORDS),
  searchQaText: reads('reviews', 'schools', 'hubs', 'memberships'),
  suggestSupport: reads('reviews', 'schools', 'hubs', 'memberships'),
  listHubs: reads('hubs', 'memberships', 'years'),
  listSchools: reads('schools', 'hubs', 'memberships'),

  // records kept by hand
  membershipForm: reads('memberships', 'schools', 'hubs'),
  previewMembershipChange: reads(...FUNDING),
  addMembership: writes('memberships', 'funding'),
  updateMembership: writes('memberships', 'funding'),
  reviewTeam: reads('reviewers', 'reviews', 'memberships'),
  bookReviewer: writes('reviewers'),
  setReviewerStatus: writes('reviewers'),
  replaceReviewer: writes('reviewers'),
  addTraining: writes('reviewers'),
  schoolRecord: reads('schools'),
  updateSchool: writes('schools'),
  meetingRecord: reads('meetings', 'memberships'),
  addMeeting: writes('meetings'),
  updateMeeting: writes('meetings'),
  recordAttendance: writes('meetings'),
  hubRecord: reads('hubs', 'identity'),
  createHub: writes('hubs'),
  updateHub: writes('hubs'),
  reviewRecord: reads('reviews'),
  scheduleReview: writes('reviews'),
  updateReview: writes('reviews'),
  schoolSupportRequests: reads('support', 'schools'),
  addSupportRequest: writes('support'),
  updateSupportRequest: writes('support'),
  schoolChoices: reads('schools', 'memberships', 'hubs'),

  // merges: records move between schools or hubs, so every view may change
  schoolMergeForm: reads('schools', 'memberships', 'hubs'),
  previewSchoolMerge: reads(...ALL_RECORDS),
  mergeSchools: EVERYTHING,
  hubMergeForm: reads('hubs', 'years'),
  previewHubMerge: reads(...ALL_RECORDS),
  mergeHubs: EVERYTHING,

  // funding and spend
  listFunding: reads(...FUNDING),
  getHubFunding: reads(...FUNDING),
  fundingReport: reads(...FUNDING),
  fundingChanges: reads(...FUNDING),
  lockFunding: writes('funding'),
  unlockFunding: writes('funding'),
  approveFundingDifference: writes('funding'),
  setCarryForward: writes('funding'),
  addPlanLine: writes('funding'),
  updatePlanLine: writes('funding'),
  deletePlanLine: writes('funding'),
  setPlanSubmission: writes('funding'),
  previewPlanImport: reads(...FUNDING),
  commitPlanImport: writes('funding', 'imports'),
  listClaims: reads('funding', 'categories'),
  createClaim: writes('funding'),
  updateClaim: writes('funding'),
  deleteClaim: writes('funding'),
  reverseClaimPayment: writes('funding'),
  spendNetwork: reads(...FUNDING),
  spendHub: reads(...FUNDING),
  categoryClaims: reads(...FUNDING),
  listSpendCategories: reads('categories', 'funding'),
  addSpendCategory: writes('categories'),
  renameSpendCategory: writes('categories'),
  retireSpendCategory: writes('categories'),

  // calls
  myCalls: reads(...ALL_RECORDS),
  callPack: reads(...ALL_RECORDS),
  callPackWorkbook: reads(...ALL_RECORDS),
  recordCall: writes('calls'),
  updateCallAction: writes('calls'),

  // imports: a commit or an undo changes the roll, Ofsted or QA records and what is computed from them
  previewRollImport: reads(...FUNDING, 'schools'),
  rollImportErrorReport: reads('imports'),
  commitRollImport: writes('imports', 'schools', 'hubs', 'memberships', 'funding', 'years'),
  saveRollMapping: writes('imports'),
  listImportBatches: reads('imports'),
  undoImportBatch: EVERYTHING,
  previewOfstedImport: reads('ofsted', 'schools'),
  commitOfstedImport: writes('imports', 'ofsted', 'schools'),
  previewGiasImport: reads('schools', 'memberships', 'funding'),
  commitGiasImport: writes('imports', 'schools', 'memberships', 'funding'),
  listGiasClosedSchools: reads('schools'),
  previewQaImport: reads('reviews', 'reviewers', 'schools'),
  commitQaImport: writes('imports', 'reviews', 'reviewers'),

  // exports read everything and write nothing
  exportHubWorkbook: reads(...ALL_RECORDS),
  startNetworkExport: reads(...ALL_RECORDS),
  networkExportStatus: reads(...ALL_RECORDS),
};

/** The tags a change writes ('everything' for a change that can touch any record). */
export function tagsWritten(method: MethodName): readonly Tag[] | 'everything' {
  const t = methodTags[method];
  return 'writes' in t ? t.writes : [];
}

/** The tags a query reads (none for a change or an unknown name). */
export function tagsRead(method: unknown): readonly Tag[] {
  if (!isMethodName(method)) return [];
  const t = methodTags[method];
  return 'reads' in t ? t.reads : [];
}

/** Does this query (its key is [method, request]) read any of these tags? */
function readsAny(query: Query, tags: readonly Tag[]): boolean {
  const read = tagsRead(query.queryKey[0]);
  return tags.some((t) => read.includes(t));
}

/** Marks stale, and fetches again if on screen, every query that reads one of the tags. */
export function invalidateTags(client: QueryClient, tags: readonly Tag[] | 'everything'): Promise<void> {
  if (tags === 'everything') return client.invalidateQueries();
  if (tags.length === 0) return Promise.resolve();
  return client.invalidateQueries({ predicate: (q) => readsAny(q, tags) });
}

/** After a call succeeded: what it wrote is read again (a read invalidates nothing). */
export function invalidateAfter(client: QueryClient, method: MethodName): Promise<void> {
  return invalidateTags(client, tagsWritten(method));
}

export function isTag(name: unknown): name is Tag {
  return (TAGS as readonly unknown[]).includes(name);
}

/**
 * "This changed", said from outside the screens (another window, a colleague's change pushed by a
 * server). Each name is a tag (every query reading it), a change's method name (what that change
 * writes), a query's method name (that query, whatever its request), or ANY_DATA (a change made
 * outside the server, which may have touched anything). Unknown names are ignored: the message comes
 * from outside.
 */
export function invalidateFromOutside(client: QueryClient, names: readonly string[]): Promise<void> {
  if (names.includes(ANY_DATA)) return client.invalidateQueries();
  const tags = new Set<Tag>();
  const queries = new Set<MethodName>();
  for (const name of names) {
    if (isTag(name)) tags.add(name);
    else if (isMethodName(name)) {
      const written = tagsWritten(name);
      if (written === 'everything') return client.invalidateQueries();
      if ('writes' in methodTags[name]) written.forEach((t) => tags.add(t));
      else queries.add(name);
    }
  }
  if (tags.size === 0 && queries.size === 0) return Promise.resolve();
  return client.invalidateQueries({ predicate: (q) => queries.has(q.queryKey[0] as MethodName) || readsAny(q, [...tags]) });
}

/**
 * What of `read` a change named from outside may have changed (names as invalidateFromOutside reads
 * them): the tags in common, every one of them for a change that can touch anything (ANY_DATA, a
 * restore). Unknown names and queries change nothing.
 */
export function tagsOverlapping(methods: readonly string[], read: readonly Tag[]): Tag[] {
  if (methods.includes(ANY_DATA)) return [...read];
  const out = new Set<Tag>();
  for (const m of methods) {
    if (isTag(m)) {
      if (read.includes(m)) out.add(m);
      continue;
    }
    if (!isMethodName(m)) continue;
    const written = tagsWritten(m);
    for (const t of read) if (written === 'everything' || written.includes(t)) out.add(t);
  }
  return [...out];
}
