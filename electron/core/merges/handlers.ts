import type { mergeMethods } from '@shared/contract/merges';
import type { HandlersFor } from '../handler-types';
import { mergeSchools, previewSchoolMerge, schoolMergeForm } from './schools';
import { hubMergeForm, mergeHubs, previewHubMerge } from './hubs';

export const mergeHandlers: HandlersFor<typeof mergeMethods> = {
  schoolMergeForm: (ctx, req) => schoolMergeForm(ctx, req.schoolId),
  previewSchoolMerge: (ctx, req) => previewSchoolMerge(ctx, req),
  mergeSchools: (ctx, req) => mergeSchools(ctx, req),
  hubMergeForm: (ctx, req) => hubMergeForm(ctx, req.hubId),
  previewHubMerge: (ctx, req) => previewHubMerge(ctx, req),
  mergeHubs: (ctx, req) => mergeHubs(ctx, req),
};
