import { ROLE_LABELS, ROLES, type Role } from '@shared/contract';

/** What each role may do, in the words the team uses (shown beside its box). */
const ROLE_MEANS: Record<Role, string> = {
  memberships_manager: 'schools, hubs, memberships, reviews, meetings, support, calls and every import; sees funding',
  finance: 'action plans, claims, carry forward, funding locks and spend categories',
  administrator: 'people and their roles, backups and restore',
  viewer: 'reads every screen and export, without contact details or the audit log; changes nothing',
};

/** The team's four roles as tick boxes (a person may hold several), with the schema's message. */
export function RolesField({ value, onChange, message }: { value: readonly Role[]; onChange(roles: Role[]): void; message?: string | null }) {
  return (
    <fieldset className={`record-field roles-field${message ? ' invalid' : ''}`} aria-describedby={message ? 'roles-message' : undefined}>
      <legend>Roles</legend>
      {ROLES.map((role) => (
        <label key={role} className="role-choice">
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role))}
          />
          <span>
            <strong>{ROLE_LABELS[role]}</strong> <span className="small muted">— {ROLE_MEANS[role]}</span>
          </span>
        </label>
      ))}
      {message ? (
        <span id="roles-message" className="field-message">
          {message}
        </span>
      ) : null}
    </fieldset>
  );
}
