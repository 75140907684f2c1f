import type { Generated } from 'kysely';

// Row types for kysely. Money is integer pence; dates are ISO YYYY-MM-DD strings;
// timestamps are ISO 8601 strings; booleans are 0/1 integers.

export interface ImportBatchesTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  source_as_at: string | null;
  year_id: number | null;
  row_count: Generated<number>;
  summary_json: Generated<string>;
  created_by: string;
  created_at: string;
  undone_at: string | null;
}

export interface MembershipYearsTable {
  id: Generated<number>;
  label: string;
  start_date: string;
  end_date: string;
  draft_plan_deadline: string;
  final_plan_deadline: string;
}

export interface CentralStaffTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  role: string;
}

export interface HubsTable {
  id: Generated<number>;
  name: string;
  region: string | null;
  senior_partner_name: string | null;
  senior_partner_email: string | null;
  memberships_manager_id: number | null;
  merged_into_hub_id: number | null;
  /** Added in 0008_merges: the membership year from which the merge into merged_into_hub_id applies. */
  merged_from_year_id: Generated<number | null>;
  created_at: string;
  updated_at: string;
}

export interface HubManagersTable {
  id: Generated<number>;
  hub_id: number;
  name: string;
  email: string | null;
  phone: string | null;
  focus: string | null;
}

export interface SchoolsTable {
  id: Generated<number>;
  urn: string;
  name: string;
  phase: string | null;
  school_type: string | null;
  local_authority: string | null;
  trust: string | null;
  postcode: string | null;
  headteacher: string | null;
  headteacher_since: string | null;
  email: string | null;
  phone: string | null;
  merged_into_school_id: number | null;
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
  /** Added in 0010_gias: GIAS's establishment status ("Open", "Closed", …) and close date. */
  establishment_status: Generated<string | null>;
  closed_on: Generated<string | null>;
  /** Added in 0010_gias: the pupils GIAS reports and its census date (the roll's pupils fund the hub; these do not). */
  gias_pupils: Generated<number | null>;
  gias_census_date: Generated<string | null>;
}

export interface SchoolLinksTable {
  id: Generated<number>;
  urn: string;
  link_urn: string;
  link_name: string | null;
  /** As GIAS names it: "Successor", "Predecessor", "Successor - merged", … */
  link_type: string;
  established_on: string | null;
  import_batch_id: number | null;
}

export interface ContactsTable {
  id: Generated<number>;
  school_id: number;
  role: string;
  name: string;
  email: string | null;
  phone: string | null;
  import_batch_id: number | null;
}

export interface MembershipsTable {
  id: Generated<number>;
  school_id: number;
  hub_id: number;
  year_id: number;
  pupils: number;
  status: string;
  fee_invoiced_on: string | null;
  fee_paid_on: string | null;
  import_batch_id: number | null;
  updated_at: string;
}

export interface OfstedInspectionsTable {
  id: Generated<number>;
  urn: string;
  inspection_number: string | null;
  start_date: string;
  publication_date: string | null;
  inspection_type: string | null;
  framework: string;
  category_of_concern: string | null;
  outcome_text: string | null;
  import_batch_id: number | null;
  source_as_at: string | null;
  /** Added in 0004_ofsted: the URN at the time, when the inspection was of a predecessor school. */
  urn_at_inspection: string | null;
}

export interface OfstedJudgementsTable {
  id: Generated<number>;
  inspection_id: number;
  area: string;
  grade: string;
  grade_date: string | null;
}

export interface QaReviewsTable {
  id: Generated<number>;
  school_id: number;
  year_id: number;
  start_date: string;
  end_date: string;
  lead_reviewer: string | null;
  estimate_leadership: string | null;
  estimate_quality: string | null;
  estimate_disadvantaged: string | null;
  aoe_title: string | null;
  aoe_accredited: Generated<number>;
  report_received_on: string | null;
  import_batch_id: number | null;
  updated_at: string;
}

export interface QaReviewPointsTable {
  id: Generated<number>;
  review_id: number;
  kind: string;
  heading: string | null;
  text: string;
  position: number;
}

export interface ReviewerTrainingsTable {
  id: Generated<number>;
  school_id: number;
  person_name: string;
  role: string | null;
  trained_on: string;
  import_batch_id: number | null;
}

export interface ReviewerAssignmentsTable {
  id: Generated<number>;
  review_id: number;
  home_school_id: number;
  reviewer_name: string;
  reviewer_role: string | null;
  status: string;
  replaces_assignment_id: number | null;
  import_batch_id: number | null;
  updated_at: string;
}

export interface HubMeetingsTable {
  id: Generated<number>;
  hub_id: number;
  year_id: number;
  meeting_date: string;
  term: string;
  format: string | null;
  submitted_on: string | null;
  notes: string | null;
}

export interface MeetingAttendanceTable {
  meeting_id: number;
  school_id: number;
  attended: number;
  representative: string | null;
}

export interface SpendCategoriesTable {
  id: Generated<number>;
  name: string;
  position: number;
  retired_at: string | null;
}

export interface ActionPlansTable {
  id: Generated<number>;
  hub_id: number;
  year_id: number;
  draft_submitted_on: string | null;
  final_submitted_on: string | null;
}

export interface ActionPlanLinesTable {
  id: Generated<number>;
  plan_id: number;
  priority: string;
  activity: string;
  planned_pence: number;
  amount_as_typed: string | null;
  category_id: number;
  eligible_schools: string | null;
  expected_impact: string | null;
  open_to_other_hubs: Generated<number>;
  position: number;
}

export interface ClaimsTable {
  id: Generated<number>;
  hub_id: number;
  year_id: number;
  claimed_on: string;
  amount_pence: number;
  invoice_ref: string | null;
  priority: string | null;
  category_id: number;
  description: string | null;
  status: string;
  paid_on: string | null;
  updated_at: string;
  /** Added in 0003_funding. */
  over_release_reason: string | null;
  /** Added in 0011: finance's reason for paying while the release conditions did not all hold. */
  release_override_reason: Generated<string | null>;
  /** Added in 0011: the last reversal of a payment (paid → approved): why, when, by whom. */
  payment_reversal_reason: Generated<string | null>;
  payment_reversed_at: Generated<string | null>;
  payment_reversed_by: Generated<string | null>;
}

export interface CarryForwardOverridesTable {
  hub_id: number;
  year_id: number;
  amount_pence: number;
  reason: string;
  set_by: string;
  set_at: string;
}

export interface FundingLocksTable {
  id: Generated<number>;
  hub_id: number;
  year_id: number;
  schools: number;
  pupils: number;
  formula_pence: number;
  minimum_pence: number;
  funding_pence: number;
  carry_forward_pence: number;
  total_available_pence: number;
  per_school_json: string;
  locked_by: string;
  locked_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  os_user: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  import_batch_id: number | null;
  /** The signed-in person who made the change (team server); null on the desktop and before this was kept. */
  person_id: number | null;
}

export interface ColumnMappingsTable {
  kind: string;
  signature: string;
  headers_json: string;
  mapping_json: string;
  updated_by: string;
  updated_at: string;
}

export interface ImportChangesTable {
  id: Generated<number>;
  batch_id: number;
  seq: number;
  table_name: string;
  row_id: number;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

/**
 * FTS5 index over WWWs, EBIs (rowid = qa_review_points.id) and Areas of Excellence
 * (rowid = −qa_reviews.id), kept in sync by triggers (migration 0005). `rank` is FTS5's hidden
 * bm25 column, readable in a query that uses MATCH.
 */
export interface QaTextFtsTable {
  rowid: number;
  text: string;
  kind: string;
  heading: string | null;
  review_id: number;
  rank: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CallsTable {
  id: Generated<number>;
  hub_id: number;
  /** A term id like 2026-autumn. */
  term: string;
  held_on: string;
  /** Added in 0011: the instant the call was held (ISO timestamp); its day is held_on. */
  held_at: Generated<string | null>;
  /** 'hub_manager' | 'senior_partner' */
  kind: string;
  /** JSON array of names. */
  attendees_json: Generated<string>;
  notes: Generated<string>;
  created_by: string;
  created_at: string;
}

export interface CallActionsTable {
  id: Generated<number>;
  call_id: number;
  text: string;
  owner: string | null;
  due_on: string | null;
  /** 'open' | 'done' | 'dropped' */
  status: Generated<string>;
  done_on: string | null;
  position: Generated<number>;
  updated_at: string;
}

/** Added in 0007_records: a school's request for support, and who it was brokered to. */
export interface SupportRequestsTable {
  id: Generated<number>;
  school_id: number;
  requested_on: string;
  area: string;
  ebi_point_id: number | null;
  brokered_to_school_id: number | null;
  brokered_to: string | null;
  /** 'open' | 'brokered' | 'in progress' | 'done' | 'declined' */
  status: Generated<string>;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

/** Added in 0013_people: a person who signs in to a team server. */
export interface PeopleTable {
  id: Generated<number>;
  name: string;
  /** Lower case, trimmed: the sign-in name. */
  email: string;
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (people/passwords.ts). */
  password_hash: string;
  password_changed_at: string;
  disabled_at: string | null;
  created_at: string;
}

export interface PersonRolesTable {
  person_id: number;
  /** 'memberships_manager' | 'finance' | 'administrator' | 'viewer' */
  role: string;
}

/** A signed-in browser: the SHA-256 of its cookie's token, never the token. */
export interface SessionsTable {
  token_hash: string;
  person_id: number;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, however active the session is. */
  expires_at: string;
}

/** Consecutive wrong passwords for an email (known or not), and until when it is locked. */
export interface SignInFailuresTable {
  email: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

/** A script's or the command line's key to a team server, acting as one person: the SHA-256 of its secret, never the secret. */
export interface ApiTokensTable {
  id: Generated<number>;
  person_id: number;
  token_hash: string;
  label: string;
  created_at: string;
  /** The administrator who issued it. */
  created_by: string;
  last_used_at: string | null;
  /** It stops working at this time; null for no end. */
  expires_at: string | null;
  /** Revoked by an administrator, or when its person was disabled. */
  revoked_at: string | null;
}

/** Wrong passwords from one client address, across every email, and until when it is refused. */
export interface SignInAddressFailuresTable {
  address: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

export interface Database {
  import_batches: ImportBatchesTable;
  membership_years: MembershipYearsTable;
  central_staff: CentralStaffTable;
  hubs: HubsTable;
  hub_managers: HubManagersTable;
  schools: SchoolsTable;
  school_links: SchoolLinksTable;
  contacts: ContactsTable;
  memberships: MembershipsTable;
  ofsted_inspections: OfstedInspectionsTable;
  ofsted_judgements: OfstedJudgementsTable;
  qa_reviews: QaReviewsTable;
  qa_review_points: QaReviewPointsTable;
  reviewer_trainings: ReviewerTrainingsTable;
  reviewer_assignments: ReviewerAssignmentsTable;
  hub_meetings: HubMeetingsTable;
  meeting_attendance: MeetingAttendanceTable;
  spend_categories: SpendCategoriesTable;
  action_plans: ActionPlansTable;
  action_plan_lines: ActionPlanLinesTable;
  claims: ClaimsTable;
  carry_forward_overrides: CarryForwardOverridesTable;
  funding_locks: FundingLocksTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  qa_text_fts: QaTextFtsTable;
  column_mappings: ColumnMappingsTable;
  import_changes: ImportChangesTable;
  calls: CallsTable;
  call_actions: CallActionsTable;
  support_requests: SupportRequestsTable;
  people: PeopleTable;
  person_roles: PersonRolesTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  api_tokens: ApiTokensTable;
  sign_in_address_failures: SignInAddressFailuresTable;
}
