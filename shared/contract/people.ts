import { z } from 'zod';
import { mutation, query } from './define';
import { access, type Role } from './roles';
import { addPersonSchema, issueApiTokenSchema, listApiTokensSchema, personEmail, revokeApiTokenSchema, setPersonRolesSchema } from '../validation/people';

/** Who is calling: on a team server the signed-in person; on the desktop and CLI the local person, with every role. */
export interface SignedInView {
  name: string;
  email: string | null;
  roles: Role[];
}

export interface PersonView {
  id: number;
  name: string;
  email: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
  /** Sessions that have not reached their absolute end (some may have ended for being idle). */
  sessions: number;
}

/** A person with a password an administrator gives them; it is shown this once and never kept. */
export interface PersonWithPassword {
  person: PersonView;
  password: string;
}

/** An API token as listed: never its secret, which is shown once when it is issued. */
export interface ApiTokenView {
  id: number;
  email: string;
  name: string;
  label: string;
  createdAt: string;
  /** The administrator who issued it. */
  createdBy: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Works now; or has passed its end; or was revoked (by an administrator, or when its person was disabled). */
  state: 'active' | 'expired' | 'revoked';
}

/** A new token and its secret, shown this once: the store keeps only its hash. */
export interface IssuedApiToken {
  token: ApiTokenView;
  secret: string;
}

const byEmail = z.strictObject({ email: personEmail });

export const peopleMethods = {
  currentPerson: query<SignedInView>(access.everyone)('Who is signed in, and their roles', z.strictObject({})),
  listPeople: query<PersonView[]>(access.administration)('Everyone who may sign in to the team server, with their roles', z.strictObject({})),
  addPerson: mutation<PersonWithPassword>(access.administration)(
    'Add a person who may sign in to the team server, with their roles; answers their first password, shown once',
    addPersonSchema,
  ),
  resetPassword: mutation<PersonWithPassword>(access.administration)(
    'Give a person a new password (shown once) and end every session they have',
    byEmail,
  ),
  setPersonRoles: mutation<PersonView>(access.administration)('Change the roles a person holds', setPersonRolesSchema),
  disablePerson: mutation<PersonView>(access.administration)('Stop a person signing in, and end every session they have', byEmail),
  signOutPerson: mutation<PersonView>(access.administration)('End every session a person has; they may sign in again', byEmail),
  issueApiToken: mutation<IssuedApiToken>(access.administration)(
    'Issue an API token that acts as a person, with their roles, for scripts and the command line against a team server; answers its secret, shown once',
    issueApiTokenSchema,
  ),
  listApiTokens: query<ApiTokenView[]>(access.administration)('The API tokens issued, each with its person, label, last use and state (never the secret)', listApiTokensSchema),
  revokeApiToken: mutation<ApiTokenView>(access.administration)('Revoke an API token: it stops working at once', revokeApiTokenSchema),
};
