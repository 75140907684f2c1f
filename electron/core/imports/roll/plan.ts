import { hubFundingTotals } from '@shared/domain/funding';
import type { MembershipStatus } from '@shared/domain/vocabulary';
import { membershipHistory, statusLabelDisagreement } from '@shared/domain/membership-history';
import { previousYearLabel } from '@shared/domain/years';
import type {
  FieldChange,
  ImportProblem,
  RollFieldChanges,
  RollFundingEffect,
  RollJoiner,
  RollLeaver,
  RollMove,
  RollPupilChange,
} from '@shared/contract/roll-import';
import { hubKey } from './cells';
import type { RollRecord } from './validate';
import type { ContactRow, MembershipRow, RollRows, RollState, SchoolRow, StoredRows } from './state';

export type HubRef = { id: number } | { newKey: string };

type SchoolFields = Pick<SchoolRow, 'name' | 'phase' | 'local_authority' | 'trust' | 'postcode' | 'headteacher' | 'email' | 'phone'>;

/**
 * Every row the commit will write, computed before anything is written. Planned in the import worker
 * over the fields it reads (RollRows); the app then puts back the stored rows (StoredRows) the
 * commit records as each change's before.
 */
export interface RollPlan<R extends RollRows = StoredRows> {
  year: string;
  createYear: boolean;
  newHubs: { key: string; name: string }[];
  newSchools: { urn: string; values: SchoolFields }[];
  schoolUpdates: { before: R['school']; set: Partial<SchoolRow> }[];
  /** schoolId: the stored school's id, null for a school the import adds. */
  contactInserts: { urn: string; schoolId: number | null; name: string; email: string | null; phone: string | null }[];
  contactUpdates: { before: R['contact']; set: Partial<ContactRow> }[];
  membershipInserts: { urn: string; schoolId: number | null; hub: HubRef; pupils: number; status: MembershipStatus; fee_paid_on: string | null }[];
  membershipUpdates: { before: R['membership']; hub?: HubRef; set: Partial<MembershipRow> }[];
  membershipDeletes: R['membership'][];
}

export interface PlannedRoll<R extends RollRows = StoredRows> {
  plan: RollPlan<R>;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Rows refused here (unknown hub, new school without a name). */
  badRows: Set<number>;
  joiners: RollJoiner[];
  leavers: RollLeaver[];
  moves: RollMove[];
  pupilChanges: RollPupilChange[];
  contactChanges: RollFieldChanges[];
  detailChanges: RollFieldChanges[];
  funding: RollFundingEffect[];
  unchangedRows: number;
  noChanges: boolean;
}

export interface PlanOptions {
  year: string;
  sheet: string;
  createHubs: boolean;
  today: string;
  /** Header of each mapped field's column, for messages. */
  columnOf(field: 'hub' | 'name' | 'status'): string;
}

/** A warning when a file leaves out more than this share of the year's roll (is it the whole roll?). */
const LEAVERS_WARNING_SHARE = 1 / 3;

const SCHOOL_FIELDS: { field: keyof SchoolFields; record: keyof RollRecord; label: string; contact: boolean }[] = [
  { field: 'name', record: 'name', label: 'name', contact: false },
  { field: 'phase', record: 'phase', label: 'phase', contact: false },
  { field: 'local_authority', record: 'localAuthority', label: 'local authority', contact: false },
  { field: 'trust', record: 'trust', label: 'trust', contact: false },
  { field: 'postcode', record: 'postcode', label: 'postcode', contact: false },
  { field: 'headteacher', record: 'headteacher', label: 'headteacher', contact: true },
  { field: 'email', record: 'email', label: 'email', contact: true },
  { field: 'phone', record: 'phone', label: 'phone', contact: true },
];

function hubSuggestion(key: string, state: RollState<RollRows>): string | null {
  const live = state.hubs.filter((h) => !state.mergedHubs.has(h.id));
  const match = live.find((h) => hubKey(h.name) === `${key} hub` || `${hubKey(h.name)} hub` === key || hubKey(h.name).startsWith(key));
  return match ? match.name : null;
}

export function planRoll<R extends RollRows>(records: readonly RollRecord[], urnsInFile: ReadonlySet<string>, state: RollState<R>, options: PlanOptions): PlannedRoll<R> {
  const { sheet, today } = options;
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const badRows = new Set<number>();
  const hubsByKey = new Map(state.hubs.map((h) => [hubKey(h.name), h]));
  const hubNames = new Map(state.hubs.map((h) => [h.id, h.name]));
  const newHubs = new Map<string, string>();
  const membershipBySchool = new Map(state.memberships.map((m) => [m.school_id, m]));
  const lastYear = previousYearLabel(options.year);
  // A roll names each of a few hundred hubs on many rows: each spelling is normalised once.
  const hubKeys = new Map<string, string>();
  const hubKeyOf = (name: string) => {
    let key = hubKeys.get(name);
    if (key === undefined) hubKeys.set(name, (key = hubKey(name)));
    return key;
  };

  const plan: RollPlan<R> = {
    year: options.year,
    createYear: state.year === null,
    newHubs: [],
    newSchools: [],
    schoolUpdates: [],
    contactInserts: [],
    contactUpdates: [],
    membershipInserts: [],
    membershipUpdates: [],
    membershipDeletes: [],
  };
  const joiners: RollJoiner[] = [];
  const moves: RollMove[] = [];
  const pupilChanges: RollPupilChange[] = [];
  const contactChanges: RollFieldChanges[] = [];
  const detailChanges: RollFieldChanges[] = [];
  let unchangedRows = 0;
  const hubName = (ref: HubRef) => ('id' in ref ? hubNames.get(ref.id)! : newHubs.get(ref.newKey)!);
  const hubOfRef = (ref: HubRef) => ('id' in ref ? `#${ref.id}` : `new:${ref.newKey}`);
  /** After the import, by URN: hub and pupils (for the funding effect). */
  const after = new Map<string, { hub: string; pupils: number }>();
  const before = new Map<string, { hub: string; pupils: number }>();
  for (const m of state.memberships) before.set(state.schoolsById.get(m.school_id)!.urn, { hub: `#${m.hub_id}`, pupils: m.pupils });
  // A school whose row has a problem keeps its place in the figures until the row is fixed.
  for (const [urn, v] of before) if (urnsInFile.has(urn)) after.set(urn, v);

  for (const r of records) {
    const key = hubKeyOf(r.hub);
    const hub = hubsByKey.get(key);
    let ref: HubRef;
    if (hub && hub.merged_into_hub_id !== null && state.mergedHubs.has(hub.id)) {
      const into = hubNames.get(hub.merged_into_hub_id) ?? 'another hub';
      errors.push({ sheet, row: r.row, column: options.columnOf('hub'), message: `hub "${hub.name}" was merged into ${into}: use ${into}` });
      badRows.add(r.row);
      continue;
    } else if (hub) ref = { id: hub.id };
    else if (options.createHubs) {
      if (!newHubs.has(key)) newHubs.set(key, r.hub.replace(/\s+/g, ' ').trim());
      ref = { newKey: key };
    } else {
      const suggestion = hubSuggestion(key, state);
      errors.push({
        sheet,
        row: r.row,
        column: options.columnOf('hub'),
        message: `there is no hub "${r.hub}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; choose to create new hubs to add it`,
      });
      badRows.add(r.row);
      continue;
    }
    const school = state.schoolsByUrn.get(r.urn);
    if (!school && !r.name) {
      errors.push({ sheet, row: r.row, column: options.columnOf('name'), message: `URN ${r.urn} is not in hubdesk yet and the row has no school name` });
      badRows.add(r.row);
      continue;
    }
    after.set(r.urn, { hub: hubOfRef(ref), pupils: r.pupils });
    let changed = false;

    // The school and its headteacher contact.
    const contact: FieldChange[] = [];
    const details: FieldChange[] = [];
    if (!school) {
      plan.newSchools.push({
        urn: r.urn,
        values: {
          name: r.name!, phase: r.phase ?? null, local_authority: r.localAuthority ?? null, trust: r.trust ?? null, postcode: r.postcode ?? null,
          headteacher: r.headteacher ?? null, email: r.email ?? null, phone: r.phone ?? null,
        },
      });
      if (r.headteacher) plan.contactInserts.push({ urn: r.urn, schoolId: null, name: r.headteacher, email: r.email ?? null, phone: r.phone ?? null });
      changed = true;
    } else {
      const set: Partial<SchoolRow> = {};
      for (const f of SCHOOL_FIELDS) {
        const value = r[f.record] as string | null | undefined;
        if (value === undefined || value === null || value === school[f.field]) continue;
        (set as Record<string, unknown>)[f.field] = value;
        (f.contact ? contact : details).push({ field: f.label, before: school[f.field], after: value });
      }
      if (set.headteacher !== undefined && school.headteacher !== null) set.headteacher_since = today;
      if (Object.keys(set).length > 0) plan.schoolUpdates.push({ before: school, set });
      const existing = state.headContacts.get(school.id);
      if (existing) {
        const cset: Partial<ContactRow> = {};
        if (r.headteacher && r.headteacher !== existing.name) cset.name = r.headteacher;
        if (r.email && r.email !== existing.email) cset.email = r.email;
        if (r.phone && r.phone !== existing.phone) cset.phone = r.phone;
        if (Object.keys(cset).length > 0) {
          plan.contactUpdates.push({ before: existing, set: cset });
          for (const [k, v] of Object.entries(cset)) {
            const label = k === 'name' ? 'headteacher' : k;
            if (!contact.some((c) => c.field === label)) contact.push({ field: `headteacher contact ${k}`, before: existing[k as 'name' | 'email' | 'phone'], after: v as string });
          }
        }
      } else if (r.headteacher) {
        plan.contactInserts.push({ urn: r.urn, schoolId: school.id, name: r.headteacher, email: r.email ?? school.email, phone: r.phone ?? school.phone });
        contact.push({ field: 'headteacher contact', before: null, after: r.headteacher });
      }
    }

    // The membership for the year.
    const membership = school ? membershipBySchool.get(school.id) : undefined;
    const name = r.name ?? school!.name;
    if (r.status) {
      // New and returning come from the history; a label that disagrees is shown (it needs no confirming: the rules follow the history).
      const history = membershipHistory({
        earlierYearsHeld: state.earlierYearsHeld,
        memberLastYear: school !== undefined && state.previousYearMembers.has(school.id),
        memberBeforeLastYear: school !== undefined && state.membersBeforeLastYear.has(school.id),
      });
      const disagreement = statusLabelDisagreement(r.status, history, lastYear);
      if (disagreement) warnings.push({ sheet, row: r.row, column: options.columnOf('status'), message: `${name} (URN ${r.urn}) is ${disagreement}`, informational: true });
    }
    if (!membership) {
      const status = r.status ?? (school && state.previousYearMembers.has(school.id) ? 'renewing' : 'new');
      const fee = r.feePaid?.kind === 'date' ? r.feePaid.date : r.feePaid?.kind === 'yes' ? today : null;
      plan.membershipInserts.push({ urn: r.urn, schoolId: school?.id ?? null, hub: ref, pupils: r.pupils, status, fee_paid_on: fee });
      joiners.push({ row: r.row, urn: r.urn, name, hub: hubName(ref), pupils: r.pupils, newSchool: !school });
      changed = true;
    } else {
      const set: Partial<MembershipRow> = {};
      let hubChange: HubRef | undefined;
      if (!('id' in ref) || ref.id !== membership.hub_id) {
        hubChange = ref;
        moves.push({ row: r.row, urn: r.urn, name, fromHub: hubNames.get(membership.hub_id)!, toHub: hubName(ref) });
      }
      if (r.pupils !== membership.pupils) {
        set.pupils = r.pupils;
        pupilChanges.push({ row: r.row, urn: r.urn, name, hub: hubName(ref), before: membership.pupils, after: r.pupils });
      }
      if (r.status && r.status !== membership.status) {
        set.status = r.status;
        details.push({ field: 'status', before: membership.status, after: r.status });
      }
      const fee = r.feePaid;
      const feeAfter = fee == null ? membership.fee_paid_on : fee.kind === 'date' ? fee.date : fee.kind === 'yes' ? membership.fee_paid_on ?? today : null;
      if (feeAfter !== membership.fee_paid_on) {
        set.fee_paid_on = feeAfter;
        details.push({ field: 'fee paid', before: membership.fee_paid_on, after: feeAfter });
      }
      if (hubChange || Object.keys(set).length > 0) {
        plan.membershipUpdates.push({ before: membership, ...(hubChange ? { hub: hubChange } : {}), set });
        changed = true;
      }
    }
    if (contact.length > 0) contactChanges.push({ row: r.row, urn: r.urn, name, changes: contact });
    if (details.length > 0) detailChanges.push({ row: r.row, urn: r.urn, name, changes: details });
    if (contact.length > 0 || details.length > 0) changed = true;
    if (!changed) unchangedRows += 1;
  }

  const leavers: RollLeaver[] = [];
  for (const m of state.memberships) {
    const school = state.schoolsById.get(m.school_id)!;
    if (urnsInFile.has(school.urn)) continue;
    plan.membershipDeletes.push(m);
    leavers.push({ urn: school.urn, name: school.name, hub: hubNames.get(m.hub_id)!, pupils: m.pupils });
  }
  if (state.memberships.length >= 6 && leavers.length > state.memberships.length * LEAVERS_WARNING_SHARE) {
    warnings.push({
      sheet,
      row: null,
      column: null,
      message: `this file leaves out ${leavers.length} of the ${state.memberships.length} schools on the ${state.year!.label} roll: they would be removed from the year. Is it the whole roll?`,
    });
  }
  plan.newHubs = [...newHubs].map(([key, name]) => ({ key, name }));

  const funding = fundingEffect(before, after, (k) => (k.startsWith('#') ? hubNames.get(Number(k.slice(1)))! : newHubs.get(k.slice(4))!));
  const noChanges =
    plan.newHubs.length + plan.newSchools.length + plan.schoolUpdates.length + plan.contactInserts.length + plan.contactUpdates.length +
      plan.membershipInserts.length + plan.membershipUpdates.length + plan.membershipDeletes.length === 0 && !plan.createYear;
  return {
    plan,
    errors,
    warnings,
    badRows,
    joiners,
    leavers,
    moves,
    pupilChanges,
    contactChanges,
    detailChanges,
    funding,
    unchangedRows,
    noChanges,
  };
}

/** Each hub whose schools or pupils change, with its funding before and after (the domain's hub funding totals). */
function fundingEffect(
  before: Map<string, { hub: string; pupils: number }>,
  after: Map<string, { hub: string; pupils: number }>,
  nameOf: (hubKey: string) => string,
): RollFundingEffect[] {
  // A hub changes when a school joins or leaves it or its pupils change: only those hubs are computed.
  const changed = new Set<string>();
  for (const [urn, a] of after) {
    const b = before.get(urn);
    if (!b) changed.add(a.hub);
    else if (b.hub !== a.hub || b.pupils !== a.pupils) {
      changed.add(a.hub);
      changed.add(b.hub);
    }
  }
  for (const [urn, b] of before) if (!after.has(urn)) changed.add(b.hub);
  // Each school once (the maps are keyed by URN); the totals do not depend on the schools' order.
  const pupilsByHub = (m: Map<string, { hub: string; pupils: number }>) => {
    const out = new Map<string, number[]>();
    for (const v of m.values()) {
      if (!changed.has(v.hub)) continue;
      const list = out.get(v.hub);
      if (list) list.push(v.pupils);
      else out.set(v.hub, [v.pupils]);
    }
    return out;
  };
  const b = pupilsByHub(before);
  const a = pupilsByHub(after);
  const effects: RollFundingEffect[] = [];
  for (const hub of changed) {
    const fb = hubFundingTotals(b.get(hub) ?? []);
    const fa = hubFundingTotals(a.get(hub) ?? []);
    effects.push({
      hub: nameOf(hub),
      schoolsBefore: fb.schoolCount,
      schoolsAfter: fa.schoolCount,
      beforePence: fb.fundingPence,
      afterPence: fa.fundingPence,
      explanation: fa.headline,
    });
  }
  return effects.sort((x, y) => x.hub.localeCompare(y.hub));
}
