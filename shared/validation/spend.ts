import { z } from 'zod';
import { id } from '../contract/schemas';

/** A network spend category's name, as the Settings form and the core check it. */
const categoryName = z.string().trim().min(1, 'must not be empty').max(80, 'must be 80 characters or fewer');

export const addSpendCategorySchema = z.strictObject({ name: categoryName });
export const renameSpendCategorySchema = z.strictObject({ id, name: categoryName });
