import type { MethodName } from '@shared/contract';
import type { Handler } from './handlers/types';
import { systemHandlers } from './handlers/system';
import { hubHandlers } from './handlers/hubs';
import { importHandlers } from './handlers/imports';
import { maintenanceHandlers } from './handlers/maintenance';
import { spendHandlers } from './handlers/spend';
import { fundingHandlers } from './handlers/funding';
import { ofstedImportHandlers } from './handlers/ofsted-import';
import { qaImportHandlers } from './handlers/qa-import';
import { dashboardHandlers } from './handlers/dashboards';
import { recordsHandlers } from './handlers/records';
import { callHandlers } from './handlers/calls';
import { exportHandlers } from './handlers/exports';
import { mergeHandlers } from './handlers/merges';
import { giasImportHandlers } from './handlers/gias-import';

/** One function per contract method; the type makes a missing or extra handler a compile error. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  ...systemHandlers,
  ...hubHandlers,
  ...importHandlers,
  ...maintenanceHandlers,
  ...spendHandlers,
  ...fundingHandlers,
  ...ofstedImportHandlers,
  ...qaImportHandlers,
  ...dashboardHandlers,
  ...recordsHandlers,
  ...callHandlers,
  ...exportHandlers,
  ...mergeHandlers,
  ...giasImportHandlers,
};
