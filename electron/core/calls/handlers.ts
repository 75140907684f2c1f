import type { callMethods } from '@shared/contract/calls';
import type { HandlersFor } from '../handler-types';
import { getIdentity, setIdentity } from './identity';
import { myCalls } from './my-calls';
import { callPack } from './pack';
import { buildPackWorkbook } from './pack-workbook';
import { listCalls, requireHubRow } from './store';
import { recordCall, updateCallAction } from './record';

export const callHandlers: HandlersFor<typeof callMethods> = {
  getIdentity: (ctx) => getIdentity(ctx),
  setIdentity: (ctx, { staffId }) => setIdentity(ctx, staffId),
  myCalls: (ctx, request) => myCalls(ctx, request),
  callPack: (ctx, request) => callPack(ctx, request),
  callPackWorkbook: async (ctx, request) => buildPackWorkbook(await callPack(ctx, request)),
  async listCalls(ctx, { hubId }) {
    await requireHubRow(ctx.db, hubId);
    return listCalls(ctx.db, hubId, ctx.today());
  },
  recordCall: (ctx, request) => recordCall(ctx, request),
  updateCallAction: (ctx, request) => updateCallAction(ctx, request),
};
