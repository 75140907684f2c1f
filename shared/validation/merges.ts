import { z } from 'zod';
import { id, version } from './common';
import { yearLabel } from '../contract/schemas';

/**
 * Merging two records of the same school (a conversion gave it a new URN) and merging two hubs.
 * The same schemas check the dialogs as they are filled in and every request in the core.
 */

const notItself = (what: string) => (r: { from: number; into: number }) => r.from !== r.into || `${what} cannot be merged into itself: choose another`;

function distinct<T extends z.ZodRawShape>(shape: T, from: keyof T & string, into: keyof T & string, what: string) {
  return z.strictObject(shape).superRefine((r, ctx) => {
    const v = r as Record<string, unknown>;
    const message = notItself(what)({ from: v[from] as number, into: v[into] as number });
    if (message !== true) ctx.addIssue({ code: 'custom', path: [into], message });
  });
}

/** Which school record is merged into which (the preview: writes nothing). */
export const schoolMergeTargetSchema = distinct({ fromSchoolId: id, intoSchoolId: id }, 'fromSchoolId', 'intoSchoolId', 'a school');
export type SchoolMergeTarget = z.input<typeof schoolMergeTargetSchema>;

/** Merge `fromSchoolId` into `intoSchoolId`, with the versions of both records the dialog loaded. */
export const mergeSchoolsSchema = distinct(
  { fromSchoolId: id, intoSchoolId: id, fromVersion: version, intoVersion: version },
  'fromSchoolId',
  'intoSchoolId',
  'a school',
);
export type MergeSchoolsInput = z.input<typeof mergeSchoolsSchema>;

/** Which hub is merged into which, from which membership year (the preview: writes nothing). */
export const hubMergeTargetSchema = distinct({ fromHubId: id, intoHubId: id, year: yearLabel }, 'fromHubId', 'intoHubId', 'a hub');
export type HubMergeTarget = z.input<typeof hubMergeTargetSchema>;

/** Merge `fromHubId` into `intoHubId` from `year` on, with the versions of both hubs the dialog loaded. */
export const mergeHubsSchema = distinct(
  { fromHubId: id, intoHubId: id, year: yearLabel, fromVersion: version, intoVersion: version },
  'fromHubId',
  'intoHubId',
  'a hub',
);
export type MergeHubsInput = z.input<typeof mergeHubsSchema>;
