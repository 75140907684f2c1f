import type { hubMethods } from '@shared/contract/hubs';
import type { HandlersFor } from '../handler-types';
import { listHubs, listSchools } from './lists';

/** The lists of hubs and member schools in a year. */
export const hubHandlers: HandlersFor<typeof hubMethods> = {
  listHubs,
  listSchools,
};
