import { z } from 'zod';
import { id, optionalText, requiredText, version } from './common';
import { emailField, phoneField } from './schools';

export const hubManagerSchema = z.strictObject({
  /** The stored manager's id, or absent for a new one. */
  id: id.optional(),
  name: requiredText(120, 'the Hub Manager’s name'),
  email: emailField,
  phone: phoneField,
  focus: optionalText(60, 'the focus'),
});

const hubFields = {
  name: requiredText(120, 'the hub name'),
  region: optionalText(80, 'the region'),
  seniorPartner: optionalText(120, 'the Senior Partner'),
  seniorPartnerEmail: emailField,
  membershipsManagerId: id.nullable(),
  hubManagers: z.array(hubManagerSchema).max(6, 'at most 6 Hub Managers'),
};

function distinctManagers(r: { hubManagers: { name: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  r.hubManagers.forEach((m, i) => {
    const key = m.name.trim().toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['hubManagers', i, 'name'], message: `${m.name.trim()} is listed twice` });
    seen.add(key);
  });
}

/** A new hub: its name (unique), people and region. */
export const createHubSchema = z.strictObject(hubFields).superRefine(distinctManagers);
export type CreateHubInput = z.input<typeof createHubSchema>;

/** Rename a hub or change its people; `version` is what the form loaded (the hub and its managers). */
export const updateHubSchema = z.strictObject({ hubId: id, version, ...hubFields }).superRefine(distinctManagers);
export type UpdateHubInput = z.input<typeof updateHubSchema>;
