import type { spendMethods } from '@shared/contract/spend';
import type { HandlersFor } from '../handler-types';
import { categoryClaims, spendHub, spendNetwork } from './queries';
import { addCategory, listCategories, renameCategory, retireCategory } from './categories';

export const spendHandlers: HandlersFor<typeof spendMethods> = {
  spendNetwork: (ctx, { year, managerId }) => spendNetwork(ctx, year, managerId),
  spendHub: (ctx, { hubId, year }) => spendHub(ctx, hubId, year),
  categoryClaims: (ctx, { categoryId, year }) => categoryClaims(ctx, categoryId, year),
  listSpendCategories: (ctx) => listCategories(ctx),
  addSpendCategory: (ctx, { name }) => addCategory(ctx, name),
  renameSpendCategory: (ctx, { id, name }) => renameCategory(ctx, id, name),
  retireSpendCategory: (ctx, { id, retired }) => retireCategory(ctx, id, retired),
};
