import type { MethodName } from '@shared/contract';
import type { Handler } from './handler-types';
import { systemHandlers } from './system/handlers';
import { hubHandlers } from './hubs/lists';
import { importHandlers } from './imports/roll/handlers';
import { maintenanceHandlers } from './maintenance/handlers';
import { spendHandlers } from './spend/handlers';
import { fundingHandlers } from './funding/handlers';
import { ofstedImportHandlers } from './imports/ofsted/handlers';
import { qaImportHandlers } from './imports/qa/handlers';
import { dashboardHandlers } from './dashboards/handlers';
import { recordsHandlers } from './records/handlers';
import { callHandlers } from './calls/handlers';
import { exportHandlers } from './exports/handlers';
import { mergeHandlers } from './merges/handlers';

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
};
