import { z } from 'zod';
import { mutation, query } from './define';

export interface StatusView {
  dataDir: string;
  databaseFile: string;
  /** The log of failures that are bugs, with their stack (to send with a bug report). */
  logFile: string;
  schemaVersion: string;
  empty: boolean;
  years: YearView[];
  currentYear: string | null;
}

export interface YearView {
  id: number;
  label: string;
  startDate: string;
  endDate: string;
  draftPlanDeadline: string;
  finalPlanDeadline: string;
}

export interface DemoLoadResult {
  hubs: number;
  schools: number;
  years: string[];
}

export const systemMethods = {
  getStatus: query<StatusView>()('Where the data lives, whether it is empty, and the membership years', z.strictObject({})),
  loadDemo: mutation<DemoLoadResult>()(
    'Load the demo network into an empty database',
    z.strictObject({ confirm: z.literal(true) }),
  ),
};
