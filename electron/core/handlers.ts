import type { MethodName } from '@shared/contract';
import type { Handler } from './handler-types';
import { systemHandlers } from './system/handlers';
import { hubHandlers } from './hubs/handlers';
import { rollImportHandlers } from './imports/roll/handlers';
import { ofstedImportHandlers } from './imports/ofsted/handlers';
import { qaImportHandlers } from './imports/qa/handlers';
import { giasImportHandlers } from './imports/gias/handlers';
import { importBatchHandlers } from './changes/handlers';
import { maintenanceHandlers } from './maintenance/handlers';
import { spendHandlers } from './spend/handlers';
import { fundingHandlers } from './funding/handlers';
import { dashboardHandlers } from './dashboards/handlers';
import { recordsHandlers } from './records/handlers';
import { callHandlers } from './calls/handlers';
import { exportHandlers } from './exports/handlers';
import { mergeHandlers } from './merges/handlers';

/**
 * Every contract method's handler, gathered from the feature folders that own them. The type makes a
 * missing or extra handler a compile error. Only `dispatch` calls these, with a request it has parsed.
 */
export const handlers: { [M in MethodName]: Handler<M> } = {
  ...systemHandlers,
  ...hubHandlers,
  ...rollImportHandlers,
  ...ofstedImportHandlers,
  ...qaImportHandlers,
  ...giasImportHandlers,
  ...importBatchHandlers,
  ...maintenanceHandlers,
  ...spendHandlers,
  ...fundingHandlers,
  ...dashboardHandlers,
  ...recordsHandlers,
  ...callHandlers,
  ...exportHandlers,
  ...mergeHandlers,
};
