import { z } from 'zod';
import { ROLES } from '../contract/roles';
import { id } from '../contract/schemas';

/** A person's sign-in email: trimmed and lower case, so one person is never two accounts. */
export const personEmail = z
  .string({ error: 'enter an email address' })
  .trim()
  .toLowerCase()
  .max(254, 'an email address is at most 254 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'is not an email address, like name@challengepartners.org');

/** One or more of the team's roles, each once. */
export const personRoles = z
  .array(z.enum(ROLES, { error: `a role is one of ${ROLES.join(', ')}` }))
  .min(1, 'give the person at least one role')
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'names a role twice');

export const addPersonSchema = z.strictObject({
  name: z.string({ error: 'enter the person’s name' }).trim().min(1, 'enter the person’s name').max(200, 'a name is at most 200 characters'),
  email: personEmail,
  roles: personRoles,
});

export const setPersonRolesSchema = z.strictObject({ email: personEmail, roles: personRoles });

/** An API token for a script: whose it is, what it is for (shown in the list), and how many days it works (none: until revoked). */
export const issueApiTokenSchema = z.strictObject({
  email: personEmail,
  label: z.string({ error: 'say what the token is for' }).trim().min(1, 'say what the token is for, e.g. "nightly Ofsted import"').max(200, 'a label is at most 200 characters'),
  expiresInDays: z.number({ error: 'give the days as a whole number' }).int('give the days as a whole number').min(1, 'a token works for at least 1 day').max(3650, 'a token works for at most 3650 days (ten years)').optional(),
});

/** The tokens of one person, or everyone's. */
export const listApiTokensSchema = z.strictObject({ email: personEmail.optional() });

export const revokeApiTokenSchema = z.strictObject({ id });
