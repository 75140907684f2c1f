import { useSyncExternalStore } from 'react';
import { contract, mayReadContacts, ROLE_LABELS, type MethodName, type Role } from '@shared/contract';
import { subscribeTeam, teamState, type TeamState } from '../api/team';
import { useQueryOf } from '../data/queries';

/** Where the screens run, and on a team server who is signed in (api/team.ts). */
export function useTeam(): TeamState {
  return useSyncExternalStore(subscribeTeam, teamState);
}

/** What the person using the screens may do, from the roles the core gives them (currentPerson). */
export interface Permissions {
  /** Their roles; null until the core has answered. */
  roles: readonly Role[] | null;
  /** May they call the method? The core checks again at its door; this is so the screens can say so first. */
  can(method: MethodName): boolean;
  /** Why not, in a sentence for a button's title ("Needs the Finance role."); undefined when they may. */
  why(method: MethodName): string | undefined;
  /** May they see contact details (emails and telephones)? */
  contacts: boolean;
}

/** Names the roles a method is for: "the Finance role", "the Memberships Manager or Finance role". */
export function rolesNeeded(method: MethodName): string {
  const roles = contract[method].roles;
  return `the ${roles.map((role) => ROLE_LABELS[role]).join(' or ')} role`;
}

export function permissionsOf(roles: readonly Role[] | null): Permissions {
  const can = (method: MethodName) => roles !== null && contract[method].roles.some((role) => roles.includes(role));
  return {
    roles,
    can,
    why: (method) => (can(method) ? undefined : roles === null ? 'Checking what you may do…' : `Needs ${rolesNeeded(method)}.`),
    contacts: roles !== null && mayReadContacts(roles),
  };
}

/**
 * The signed-in person's permissions. On the desktop and in browser mode the local person holds
 * every role, so nothing is disabled there; on a team server their roles are read again after any
 * change to people, so a change of roles shows at once.
 */
export function usePermissions(): Permissions {
  const person = useQueryOf('currentPerson', {});
  return permissionsOf(person.data?.roles ?? null);
}
