import type { Workbook } from 'exceljs';
import type { HubExportData } from '../hub-data';

/** A validated chart image (png.ts) ready to embed. */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

/** The seven sheets of a hub, in order. */
export const HUB_SHEETS = ['Overview', 'Schools', 'Ofsted', 'QA outcomes', 'WWWs and EBIs', 'Reviewer commitments', 'Funding and claims'] as const;
export type HubSheet = (typeof HUB_SHEETS)[number];

export interface HubSheetContext {
  wb: Workbook;
  data: HubExportData;
  includeContacts: boolean;
  chart: ChartImage | null;
  /** The worksheet name of each sheet (prefixed by the hub in a network workbook). */
  names: Record<HubSheet, string>;
  /** Printed at the top of every page: "Aspire Hub · 2026/27". */
  printTitle: string;
}
