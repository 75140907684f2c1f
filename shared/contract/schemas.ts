import { z } from 'zod';

/** Building blocks reused by request schemas across features. */
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const yearLabel = z
  .string()
  .trim()
  .regex(/^\d{4}\/\d{2}$/, 'must look like 2025/26')
  .refine((s) => Number(s.slice(5, 7)) === (Number(s.slice(0, 4)) + 1) % 100, 'must name two consecutive years, like 2025/26');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-09-01')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');
export const shortText = z.string().trim().max(500);
export const longText = z.string().max(20_000);
export const urn = z.string().trim().regex(/^\d{6}$/, 'a URN is 6 digits');
export const pence = z.number().int().min(-1_000_000_000).max(1_000_000_000);
