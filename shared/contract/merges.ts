import { z } from 'zod';
import { mutation, query } from './define';
import { access } from './roles';
import { id } from './schemas';
import type { FundingEffect, SchoolRecord } from './records';
import { hubMergeTargetSchema, mergeHubsSchema, mergeSchoolsSchema, schoolMergeTargetSchema } from '../validation/merges';

/** One kind of row a merge moves, and how many. */
export interface MergeMove {
  what: string;
  count: number;
}

/** A hub's funding before → after for one year in which memberships move. */
export interface MergeFundingYear {
  year: string;
  effect: FundingEffect;
}

export interface SchoolMergeSide {
  id: number;
  name: string;
  urn: string;
  version: string;
  /** The school this record was merged into, if it was. */
  mergedInto: { id: number; name: string; urn: string } | null;
}

export interface SchoolMergeForm {
  school: SchoolMergeSide;
  /** Every other school that is not merged away, with its hub this year (null when not a member). */
  choices: { id: number; name: string; urn: string; hub: string | null }[];
  year: string | null;
}

export interface SchoolMergePreview {
  from: SchoolMergeSide;
  into: SchoolMergeSide;
  moves: MergeMove[];
  /** Ofsted inspections stay under their URN; the kept school's history shows both URNs'. */
  inspections: { fromUrn: number; intoUrn: number };
  funding: MergeFundingYear[];
  /** Why the merge cannot be made (empty when it can). */
  refusals: string[];
}

export interface HubMergeSide {
  id: number;
  name: string;
  version: string;
  mergedInto: { id: number; name: string; fromYear: string | null } | null;
}

export interface HubMergeForm {
  hub: HubMergeSide;
  /** Hubs it can be merged into (not itself, not merged away). */
  hubs: { id: number; name: string }[];
  /** Every membership year, newest first, and the current one (the default merge year). */
  years: string[];
  currentYear: string | null;
}

export interface HubMergePreview {
  from: HubMergeSide;
  into: HubMergeSide;
  year: string;
  /** The years the merge applies to (the merge year and later ones that exist). */
  years: string[];
  moves: MergeMove[];
  funding: MergeFundingYear[];
  refusals: string[];
}

export interface MergeResult {
  auditId: number;
  summary: string;
  moves: MergeMove[];
}

export type SchoolMergeResult = MergeResult & { record: SchoolRecord };
export type HubMergeResult = MergeResult & { hubId: number };

export const mergeMethods = {
  schoolMergeForm: query<SchoolMergeForm>(access.memberships)('A school record and the records it can be merged into', z.strictObject({ schoolId: id })),
  previewSchoolMerge: query<SchoolMergePreview>(access.memberships)('What merging one school record into another would move, and why it would be refused; writes nothing', schoolMergeTargetSchema),
  mergeSchools: mutation<SchoolMergeResult>(access.memberships)('Merge two records of the same school (a conversion gave it a new URN), keeping all history', mergeSchoolsSchema),
  hubMergeForm: query<HubMergeForm>(access.memberships)('A hub, the hubs it can be merged into and the membership years', z.strictObject({ hubId: id })),
  previewHubMerge: query<HubMergePreview>(access.memberships)('What merging one hub into another from a year would move, with both hubs\' funding before → after; writes nothing', hubMergeTargetSchema),
  mergeHubs: mutation<HubMergeResult>(access.memberships)('Merge two hubs from a membership year on (earlier years stay with the old hub)', mergeHubsSchema),
};
