/**
 * Contact details leave the core only for people who may read them (every role but Viewer): for
 * anyone else each answer is copied with every email and telephone emptied and every list of a
 * school's other contacts left empty, and an export is written without them whatever it asked.
 * The fields are named once here, so a new screen that shows an email cannot forget the rule.
 */

/** Fields holding one email or telephone number, emptied (null) wherever they appear in an answer. */
const CONTACT_FIELDS: ReadonlySet<string> = new Set(['email', 'phone', 'seniorPartnerEmail']);
/** Fields holding a list of contacts (role, name, email, telephone), emptied ([]) wherever they appear. */
const CONTACT_LISTS: ReadonlySet<string> = new Set(['contacts']);

/** A copy of an answer without contact details; the original (which may be kept in memory) is not touched. */
export function withoutContacts<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  // Binary content (a workbook's bytes) and dates are not records: passed on as they are.
  if (ArrayBuffer.isView(value) || value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (CONTACT_FIELDS.has(key) && typeof field === 'string') copy[key] = null;
    else if (CONTACT_LISTS.has(key) && Array.isArray(field)) copy[key] = [];
    else copy[key] = strip(field);
  }
  return copy;
}

/** A request that asks an export for contact details, asked without them. */
export function requestWithoutContacts<T>(request: T): T {
  if (request && typeof request === 'object' && 'includeContacts' in request && request.includeContacts) return { ...request, includeContacts: false };
  return request;
}
