/**
 * What importing GIAS's school data would do, given what the store holds. Pure over its inputs.
 *
 * Rules:
 * - only schools hubdesk holds are refreshed (matched by URN); rows of other schools are ignored;
 * - GIAS is the source for name, phase, type, local authority, trust, headteacher, postcode, status
 *   and close date, and for its own pupil count and census date; a blank name, phase, headteacher or
 *   postcode keeps what is stored (GIAS leaves them out for some establishments), a blank trust
 *   clears it (the school has left its trust); a changed headteacher sets "headteacher since" to the
 *   import date (as the roll does);
 * - the roll's pupils (which fund the hubs) are never changed unless the person asks for a year
 *   (pupilsForYear): then each member's pupils that year become GIAS's count, with the funding effect;
 * - a member school GIAS shows as closed is listed with its successor (the links file's "Successor"
 *   link); a successor hubdesk does not hold is added from the extract, so the closed record can be
 *   merged into it; links of member schools are kept;
 * - a member school's row that cannot be read (a date or count that is not one, or the URN twice)
 *   stops the import; problems in other schools' rows do not;
 * - a CSV (extract or links file) whose text encoding its bytes do not tell stops the import until a
 *   person chooses one: the preview offers the likely encodings, each with a sample row of that file.
 */
import { hubFundingTotals } from '@shared/domain/funding';
import type { FieldChange, RollFundingEffect } from '@shared/contract/roll-import';
import type { GiasClosedSchool, GiasImportPreview, GiasIssueView, GiasPupilChange, GiasSchoolChanges } from '@shared/contract/gias-import';
import { parsePhase } from '../roll/cells';
import { versionOf } from '../../changes/version';
import type { GiasExtract, GiasLink, GiasLinks, GiasRow } from './read';
import { undecidedEncoding } from '../files/encoding-question';
import { linkKey, type GiasFacts, type GiasRows, type SchoolRow, type StoredGiasRows } from './facts';

type SchoolFields = Pick<SchoolRow, 'name' | 'phase' | 'school_type' | 'local_authority' | 'trust' | 'headteacher' | 'postcode' | 'establishment_status' | 'closed_on' | 'gias_pupils' | 'gias_census_date'>;

/**
 * What the commit writes and the preview shows. Planned in the import worker over the fields it
 * reads (GiasRows); the app then puts back the stored rows (StoredGiasRows) the commit records as
 * each change's before, and the versions of the closed schools listed.
 */
export interface GiasPlan<R extends GiasRows = StoredGiasRows> {
  preview: Omit<GiasImportPreview, 'stagingId' | 'linksStagingId' | 'sha256' | 'diffHash' | 'linksFileName'>;
  schoolUpdates: { before: R['school']; set: Partial<SchoolRow> }[];
  successorInserts: { urn: string; values: SchoolFields }[];
  linkInserts: GiasLink[];
  membershipUpdates: { before: R['membership']; pupils: number }[];
}

const LABELS: Record<keyof SchoolFields, string> = {
  name: 'name',
  phase: 'phase',
  school_type: 'type',
  local_authority: 'local authority',
  trust: 'trust',
  headteacher: 'headteacher',
  postcode: 'postcode',
  establishment_status: 'status',
  closed_on: 'closed on',
  gias_pupils: 'pupils (GIAS)',
  gias_census_date: 'census date',
};
/** Fields whose blank in GIAS keeps the stored value. */
const KEEP_WHEN_BLANK = new Set<keyof SchoolFields>(['name', 'phase', 'headteacher', 'postcode', 'school_type', 'local_authority']);
const MAX_LISTED = 2_000;

function phaseOf(row: GiasRow): string | null {
  if (!row.phase) return null;
  const p = parsePhase(row.phase);
  if (p.ok && p.value) return p.value;
  return /special/i.test(row.type ?? '') ? 'Special' : null;
}

export function fieldsOf(row: GiasRow): SchoolFields {
  return {
    name: row.name ?? '',
    phase: phaseOf(row) ?? (/special/i.test(row.type ?? '') ? 'Special' : null),
    school_type: row.type,
    local_authority: row.localAuthority,
    trust: row.trust,
    headteacher: row.headteacher,
    postcode: row.postcode,
    establishment_status: row.status,
    closed_on: row.closeDate,
    gias_pupils: row.pupils,
    gias_census_date: row.censusDate,
  };
}

const isClosed = (status: string | null) => status !== null && /^closed/i.test(status);

export function buildGiasPlan<R extends GiasRows>(extract: GiasExtract, links: GiasLinks | null, facts: GiasFacts<R>, today: string): GiasPlan<R> {
  const errors: GiasIssueView[] = [];
  for (const file of [extract, links]) {
    if (file?.encodingUncertain) errors.push({ row: null, column: null, urn: null, message: `${file.fileName}: ${undecidedEncoding(file.encodingUncertain)}` });
  }
  const byUrn = new Map<string, GiasRow>();
  const duplicate = new Set<string>();
  for (const row of extract.rows) {
    if (byUrn.has(row.urn)) duplicate.add(row.urn);
    else byUrn.set(row.urn, row);
  }
  const memberRows = new Set<number>();
  for (const [urn, row] of byUrn) if (facts.schools.has(urn)) memberRows.add(row.row);
  for (const urn of duplicate) {
    if (facts.schools.has(urn)) errors.push({ row: byUrn.get(urn)!.row, column: 'URN', urn, message: `URN ${urn} is on more than one row: which one is right cannot be known` });
  }
  for (const issue of extract.issues) if (memberRows.has(issue.row)) errors.push({ row: issue.row, column: issue.column, urn: null, message: issue.message });

  const changes: GiasSchoolChanges[] = [];
  const schoolUpdates: GiasPlan<R>['schoolUpdates'] = [];
  let unchanged = 0;
  let membersInFile = 0;
  const membersNotInFile: { urn: string; name: string }[] = [];
  const after = new Map<string, SchoolFields>();
  for (const [urn, school] of facts.schools) {
    const row = byUrn.get(urn);
    if (!row) {
      membersNotInFile.push({ urn, name: school.name });
      continue;
    }
    membersInFile += 1;
    const incoming = fieldsOf(row);
    const set: Partial<SchoolRow> = {};
    const fieldChanges: FieldChange[] = [];
    for (const field of Object.keys(LABELS) as (keyof SchoolFields)[]) {
      const value = incoming[field];
      if ((value === null || value === '') && KEEP_WHEN_BLANK.has(field)) continue;
      if (value === school[field]) continue;
      (set as Record<string, unknown>)[field] = value;
      fieldChanges.push({ field: LABELS[field], before: school[field], after: value });
    }
    if (set.headteacher !== undefined) set.headteacher_since = today;
    after.set(urn, { ...school, ...set } as SchoolFields);
    if (fieldChanges.length === 0) unchanged += 1;
    else {
      schoolUpdates.push({ before: school, set });
      changes.push({ urn, name: school.name, changes: fieldChanges });
    }
  }

  // Closed members and their successors.
  const successorsByUrn = new Map<string, GiasLink>();
  for (const l of links?.links ?? []) {
    if (!/successor/i.test(l.linkType)) continue;
    const known = successorsByUrn.get(l.urn);
    if (!known || (l.establishedOn ?? '') > (known.establishedOn ?? '')) successorsByUrn.set(l.urn, l);
  }
  const closed: GiasClosedSchool[] = [];
  const successorInserts: GiasPlan['successorInserts'] = [];
  const added = new Set<string>();
  for (const [urn, school] of facts.schools) {
    const status = after.get(urn)?.establishment_status ?? school.establishment_status;
    if (!isClosed(status)) continue;
    const link = successorsByUrn.get(urn);
    let successor: GiasClosedSchool['successor'] = null;
    if (link) {
      const stored = facts.schools.get(link.linkUrn);
      const row = byUrn.get(link.linkUrn);
      successor = { urn: link.linkUrn, name: stored?.name ?? row?.name ?? link.linkName, schoolId: stored?.id ?? null, version: stored ? versionOf(stored) : null };
      if (!stored && row?.name && !added.has(row.urn)) {
        added.add(row.urn);
        successorInserts.push({ urn: row.urn, values: fieldsOf(row) });
      }
    }
    closed.push({
      urn,
      name: school.name,
      schoolId: school.id,
      version: versionOf(school),
      status: status!,
      closedOn: after.get(urn)?.closed_on ?? school.closed_on,
      reason: byUrn.get(urn)?.closeReason ?? null,
      successor,
    });
  }
  const linkInserts = (links?.links ?? []).filter((l) => facts.schools.has(l.urn) && !facts.storedLinks.has(linkKey(l)));

  // The roll's pupils, only for the year the person named.
  const membershipUpdates: GiasPlan<R>['membershipUpdates'] = [];
  const pupilChanges: GiasPupilChange[] = [];
  let funding: RollFundingEffect[] = [];
  if (facts.year) {
    const schoolsById = new Map([...facts.schools.values()].map((s) => [s.id, s]));
    for (const m of facts.year.memberships) {
      const school = schoolsById.get(m.school_id);
      const row = school ? byUrn.get(school.urn) : undefined;
      if (!school || !row || row.pupils === null || row.pupils === m.pupils) continue;
      membershipUpdates.push({ before: m, pupils: row.pupils });
      pupilChanges.push({ urn: school.urn, name: school.name, hub: facts.year.hubNames.get(m.hub_id) ?? '', before: m.pupils, after: row.pupils, censusDate: row.censusDate });
    }
    funding = fundingEffect(facts.year.memberships, new Map(membershipUpdates.map((u) => [u.before.id, u.pupils])), facts.year.hubNames);
  }

  const noChanges = schoolUpdates.length + successorInserts.length + linkInserts.length + membershipUpdates.length === 0;
  const issueCount = errors.length;
  return {
    preview: {
      fileName: extract.fileName,
      format: extract.format,
      encoding: extract.encoding,
      encodingChoice: extract.encodingUncertain,
      linksEncoding: links?.encoding ?? null,
      linksEncodingChoice: links?.encodingUncertain ?? null,
      rowsRead: extract.rowsRead,
      rowsIgnored: extract.rowsRead - membersInFile,
      membersInFile,
      changes: changes.slice(0, MAX_LISTED),
      unchangedSchools: unchanged,
      membersNotInFile: membersNotInFile.slice(0, MAX_LISTED),
      closed,
      successorsAdded: successorInserts.map((s) => ({ urn: s.urn, name: s.values.name })),
      linksAdded: linkInserts.length,
      pupilsYear: facts.year?.label ?? null,
      pupilChanges: pupilChanges.slice(0, MAX_LISTED),
      funding,
      errors: errors.slice(0, 200),
      errorCount: issueCount,
      noChanges,
      canCommit: issueCount === 0,
    },
    schoolUpdates,
    successorInserts,
    linkInserts,
    membershipUpdates,
  };
}

function fundingEffect(memberships: readonly GiasRows['membership'][], newPupils: Map<number, number>, hubNames: Map<number, string>): RollFundingEffect[] {
  const changedHubs = new Set(memberships.filter((m) => newPupils.has(m.id)).map((m) => m.hub_id));
  const byHub = new Map<number, GiasRows['membership'][]>();
  for (const m of memberships) {
    if (!changedHubs.has(m.hub_id)) continue;
    const list = byHub.get(m.hub_id);
    if (list) list.push(m);
    else byHub.set(m.hub_id, [m]);
  }
  const out: RollFundingEffect[] = [];
  for (const [hubId, inHub] of byHub) {
    const before = hubFundingTotals(inHub.map((m) => m.pupils));
    const after = hubFundingTotals(inHub.map((m) => newPupils.get(m.id) ?? m.pupils));
    out.push({ hub: hubNames.get(hubId) ?? '', schoolsBefore: inHub.length, schoolsAfter: inHub.length, beforePence: before.fundingPence, afterPence: after.fundingPence, explanation: after.headline });
  }
  return out.sort((a, b) => a.hub.localeCompare(b.hub));
}
