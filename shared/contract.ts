import type { z } from 'zod';
import type { MethodDef } from './contract/define';
import { systemMethods } from './contract/system';
import { hubMethods } from './contract/hubs';
import { rollImportMethods } from './contract/roll-import';
import { importBatchMethods } from './contract/import-batches';
import { maintenanceMethods } from './contract/maintenance';
import { spendMethods } from './contract/spend';
import { fundingMethods } from './contract/funding';
import { ofstedImportMethods } from './contract/ofsted-import';
import { qaImportMethods } from './contract/qa-import';
import { dashboardMethods } from './contract/dashboards';
import { recordsMethods } from './contract/records';
import { callMethods } from './contract/calls';
import { exportMethods } from './contract/exports';
import { mergeMethods } from './contract/merges';
import { giasImportMethods } from './contract/gias-import';

export * from './contract/define';
export type * from './contract/system';
export type * from './contract/hubs';
export type * from './contract/roll-import';
export type * from './contract/import-batches';
export type * from './contract/maintenance';
export type * from './contract/spend';
export type * from './contract/funding';
export type * from './contract/ofsted-import';
export type * from './contract/qa-import';
export type * from './contract/dashboards';
export type * from './contract/records';
export type * from './contract/calls';
export type * from './contract/exports';
export type * from './contract/merges';
export type * from './contract/gias-import';

/**
 * Every method the core offers, by name. Each feature declares its methods in shared/contract/<feature>.ts
 * and is spread in here; handlers must implement exactly these.
 */
export const contract = {
  ...systemMethods,
  ...hubMethods,
  ...rollImportMethods,
  ...importBatchMethods,
  ...maintenanceMethods,
  ...spendMethods,
  ...fundingMethods,
  ...ofstedImportMethods,
  ...qaImportMethods,
  ...dashboardMethods,
  ...recordsMethods,
  ...callMethods,
  ...exportMethods,
  ...mergeMethods,
  ...giasImportMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer R> ? R : never;

export type Api = { [M in MethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> } & {
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
};

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
