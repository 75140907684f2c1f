import type { peopleMethods } from '@shared/contract/people';
import type { HandlersFor } from '../handler-types';
import { addPerson, disablePerson, listPeople, resetPassword, setPersonRoles, signOutPerson } from './people';
import { issueApiToken, listApiTokens, revokeApiToken } from './api-tokens';

/** People who sign in to a team server: the administrator's work, and who is calling. */
export const peopleHandlers: HandlersFor<typeof peopleMethods> = {
  currentPerson: async (ctx) => ({ name: ctx.caller.name, email: ctx.caller.email, roles: [...ctx.caller.roles] }),
  listPeople,
  addPerson,
  resetPassword,
  setPersonRoles,
  disablePerson,
  signOutPerson,
  issueApiToken,
  listApiTokens,
  revokeApiToken,
};
