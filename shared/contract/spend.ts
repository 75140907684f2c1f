import { z } from 'zod';
import { mutation, query } from './define';
import { id, yearLabel } from './schemas';
import { addSpendCategorySchema, renameSpendCategorySchema } from '../validation/spend';
import type { CategoryComparison, CumulativePoint, SpendRow } from '../domain/spend';
import type { ClaimView } from './funding';

export interface SpendHubBar {
  hubId: number;
  hub: string;
  membershipsManager: string | null;
  totalAvailablePence: number;
  plannedPence: number;
  claimedPence: number;
  releasedPence: number;
  remainingPence: number;
}

export interface SpendNetworkView {
  year: string;
  previousYear: string | null;
  /** Filtered to one Memberships Manager's hubs, when one was chosen. */
  managerId: number | null;
  categories: CategoryComparison[];
  /** Sorted by total available, largest first. */
  hubs: SpendHubBar[];
  managers: { id: number; name: string }[];
}

export interface SpendHubView {
  hubId: number;
  hub: string;
  year: string;
  yearStart: string;
  yearEnd: string;
  totalAvailablePence: number;
  hasPlan: boolean;
  claimCount: number;
  byPriority: SpendRow[];
  byCategory: SpendRow[];
  cumulative: CumulativePoint[];
}

export interface SpendCategoryView {
  id: number;
  name: string;
  position: number;
  retiredAt: string | null;
  planLines: number;
  claims: number;
}

export interface CategoryClaimsView {
  year: string;
  category: string;
  claims: (ClaimView & { hubId: number; hub: string })[];
}

export const spendMethods = {
  spendNetwork: query<SpendNetworkView>()(
    'Network spend by category (this year against last) and funding per hub, optionally for one Memberships Manager',
    z.strictObject({ year: yearLabel.optional(), managerId: id.optional() }),
  ),
  spendHub: query<SpendHubView>()('One hub’s spend by priority and category, and its funding used over the year', z.strictObject({ hubId: id, year: yearLabel.optional() })),
  categoryClaims: query<CategoryClaimsView>()('The claims of one spend category in a year, across the network', z.strictObject({ categoryId: id, year: yearLabel.optional() })),
  listSpendCategories: query<SpendCategoryView[]>()('The network spend categories, with how much history each holds', z.strictObject({})),
  addSpendCategory: mutation<SpendCategoryView>()('Add a spend category', addSpendCategorySchema),
  renameSpendCategory: mutation<SpendCategoryView>()('Rename a spend category (its history follows it)', renameSpendCategorySchema),
  retireSpendCategory: mutation<SpendCategoryView>()(
    'Retire a spend category: no new lines or claims use it; its history stays',
    z.strictObject({ id, retired: z.boolean() }),
  ),
};
