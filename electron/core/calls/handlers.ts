import type { callMethods } from '@shared/contract/calls';
import type { HandlersFor } from './types';
import { getIdentity, setIdentity } from '../calls/identity';
import { myCalls } from '../calls/my-calls';
import { callPack } from '../calls/pack';
import { buildPackWorkbook } from '../calls/pack-workbook';
import { listCalls, requireHubRow } from '../calls/store';
import { recordCall, updateCallAction } from '../calls/record';

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
