import { HUB_SHEETS, type HubSheet } from './sheets/types';
import { EXCEL_MAX_SHEET_NAME as SHEET_MAX } from './excel-limits';

/** Characters Excel refuses in a sheet name. */
const SHEET_FORBIDDEN = /[\\/?*[\]:]/g;

const SHORT: Record<HubSheet, string> = {
  Overview: 'Overview',
  Schools: 'Schools',
  Ofsted: 'Ofsted',
  'QA outcomes': 'QA',
  'WWWs and EBIs': 'WWW-EBI',
  'Reviewer commitments': 'Reviewers',
  'Funding and claims': 'Funding',
};

/** The sheet names of a hub workbook: exactly the names. */
export function hubSheetNames(): Record<HubSheet, string> {
  return Object.fromEntries(HUB_SHEETS.map((s) => [s, s])) as Record<HubSheet, string>;
}

/**
 * Sheet names in a network workbook: "Aspire Hub · Schools", the hub part shortened to fit Excel's 31
 * characters, each name unique in the workbook (`taken`, compared case-insensitively as Excel does).
 */
export function prefixedSheetNames(hub: string, taken: Set<string>): Record<HubSheet, string> {
  const clean = hub.replace(SHEET_FORBIDDEN, ' ').replace(/[\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Hub';
  const out = {} as Record<HubSheet, string>;
  for (const sheet of HUB_SHEETS) {
    const suffix = ` · ${SHORT[sheet]}`;
    let base = clean.slice(0, SHEET_MAX - suffix.length).trim();
    let name = `${base}${suffix}`;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
      const tag = ` ${n}`;
      base = clean.slice(0, SHEET_MAX - suffix.length - tag.length).trim();
      name = `${base}${tag}${suffix}`;
    }
    taken.add(name.toLowerCase());
    out[sheet] = name;
  }
  return out;
}

/** A file name that every operating system accepts: no path separators, reserved or control characters. */
export function safeFileName(text: string, extension: string): string {
  const base = text
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return `${base || 'export'}.${extension}`;
}

export function yearForFile(year: string): string {
  return year.replace('/', '-');
}
