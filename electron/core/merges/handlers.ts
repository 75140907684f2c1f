import type { mergeMethods } from '@shared/contract/merges';
import type { HandlersFor } from '../handler-types';
import { mergeSchools, previewSchoolMerge, schoolMergeForm } from './schools';
import { hubMergeForm, mergeHubs, previewHubMerge } from './hubs';

/** Merging two records of one school, or two hubs from a year on. */
export const mergeHandlers: HandlersFor<typeof mergeMethods> = {
  schoolMergeForm: (ctx, { schoolId }) => schoolMergeForm(ctx, schoolId),
  previewSchoolMerge,
  mergeSchools,
  hubMergeForm: (ctx, { hubId }) => hubMergeForm(ctx, hubId),
  previewHubMerge,
  mergeHubs,
};
