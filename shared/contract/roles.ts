/**
 * The roles of the central team. A person may hold several; each contract method names the roles
 * that may call it (`query(who)` / `mutation(who)` in define.ts), and dispatch refuses the rest.
 *
 * - Memberships Manager: schools, hubs, memberships, QA reviews, reviewers, training, meetings,
 *   support requests, calls, merges and every import; sees funding but cannot change it.
 * - Finance: action plans and their lines, claims, carry-forward overrides, funding locks, spend
 *   categories.
 * - Administrator: people and their roles, membership years, backups and restore, schema upgrades.
 * - Viewer: reads every screen and export except the audit log (and contact details); changes nothing.
 */
export const ROLES = ['memberships_manager', 'finance', 'administrator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A role that may change data: every role but Viewer. */
export type ChangingRole = Exclude<Role, 'viewer'>;

export const ROLE_LABELS: Record<Role, string> = {
  memberships_manager: 'Memberships Manager',
  finance: 'Finance',
  administrator: 'Administrator',
  viewer: 'Viewer',
};

/** Who may import (and undo an import of) each kind: an action plan is Finance's, every other kind the Memberships Managers'. */
export function importRoles(kind: string): readonly ChangingRole[] {
  return kind === 'plan' ? access.finance : access.memberships;
}

/** Contact details (emails, telephones, a school's other contacts) are for every role but Viewer. */
export function mayReadContacts(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== 'viewer');
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who may call a method, by the kind of work it is. Every declaration in the contract is one of these. */
export const access = {
  /** Reading the network, funding, dashboards and exports: every role. */
  everyone: ROLES,
  /** The audit log: every role but Viewer. */
  staff: ['memberships_manager', 'finance', 'administrator'],
  /** Schools, hubs, memberships, reviews, reviewers, meetings, support, calls, merges and imports (their previews too). */
  memberships: ['memberships_manager'],
  /** Action plans, claims, carry forward, funding locks and spend categories (plan import previews too). */
  finance: ['finance'],
  /** Undoing an import: Finance undoes action plans, Memberships Managers every other kind (the handler checks the kind). */
  imports: ['memberships_manager', 'finance'],
  /** People, backups and restore, loading the demo into an empty store. */
  administration: ['administrator'],
} as const satisfies Record<string, readonly Role[]>;
