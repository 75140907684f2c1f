import type { callMethods } from '@shared/contract/calls';
import type { HandlersFor } from '../handler-types';
import { getIdentity, setIdentity } from './identity';
import { myCalls } from './my-calls';
import { callPack } from './pack';
import { buildPackWorkbook } from './pack-workbook';
import { recordCall, updateCallAction } from './record';

/** Termly calls: who I am, my calls, a hub's call pack, and recording a call and its actions. */
export const callHandlers: HandlersFor<typeof callMethods> = {
  getIdentity: (ctx) => getIdentity(ctx),
  setIdentity: (ctx, { staffId }) => setIdentity(ctx, staffId),
  myCalls,
  callPack,
  callPackWorkbook: async (ctx, request) => buildPackWorkbook(await callPack(ctx, request)),
  recordCall,
  updateCallAction,
};
