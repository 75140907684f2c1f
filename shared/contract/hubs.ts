import { z } from 'zod';
import { query } from './define';
import { yearLabel } from './schemas';

export interface HubSummary {
  id: number;
  name: string;
  region: string | null;
  seniorPartner: string | null;
  membershipsManager: string | null;
  hubManagers: string[];
  schools: number;
  pupils: number;
}

export interface SchoolListRow {
  schoolId: number;
  urn: string;
  name: string;
  phase: string | null;
  localAuthority: string | null;
  hubId: number;
  hubName: string;
  pupils: number;
  status: string;
}

export const hubMethods = {
  listHubs: query<HubSummary[]>()('Every hub with its school and pupil counts for a year', z.strictObject({ year: yearLabel.optional() })),
  listSchools: query<SchoolListRow[]>()('Every member school in a year, with its hub', z.strictObject({ year: yearLabel.optional() })),
};
