import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { requestWithoutContacts, withoutContacts } from '../../electron/core/contacts';
import { lockedMessage } from '../../electron/server/team/locked-message';
import { mayReadContacts } from '../../shared/contract/roles';

const KEYS = ['email', 'phone', 'seniorPartnerEmail', 'contacts', 'name', 'urn', 'schools', 'hub'];
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.constant(null), tie('list'), tie('record')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  record: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
})).value;

/** Every string or list left under a contact field anywhere in the value. */
function contactsLeft(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(contactsLeft);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    if (['email', 'phone', 'seniorPartnerEmail'].includes(k) && typeof v === 'string') return [v];
    if (k === 'contacts' && Array.isArray(v) && v.length > 0) return [v];
    return contactsLeft(v);
  });
}

describe('contact details for a Viewer', () => {
  it('only a person with no role but Viewer may not read them', () => {
    expect(mayReadContacts(['viewer'])).toBe(false);
    expect(mayReadContacts([])).toBe(false);
    expect(mayReadContacts(['viewer', 'finance'])).toBe(true);
    for (const role of ['memberships_manager', 'finance', 'administrator'] as const) expect(mayReadContacts([role])).toBe(true);
  });

  it('leaves no email, telephone or contact list anywhere, keeps everything else, and never changes the original', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const before = JSON.stringify(value);
        const stripped = withoutContacts(value);
        expect(JSON.stringify(value)).toBe(before);
        expect(contactsLeft(stripped)).toEqual([]);
        // Apart from the contact fields, the same shape and values.
        const blank = (v: unknown): unknown =>
          Array.isArray(v) ? v.map(blank) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ['email', 'phone', 'seniorPartnerEmail'].includes(k) && typeof x === 'string' ? null : k === 'contacts' && Array.isArray(x) ? [] : blank(x)])) : v;
        expect(stripped).toEqual(blank(value));
      }),
    );
  });

  it('an export asked with contacts is asked without them; other requests are passed on as they are', () => {
    expect(requestWithoutContacts({ hubId: 3, includeContacts: true })).toEqual({ hubId: 3, includeContacts: false });
    const other = { hubId: 3 };
    expect(requestWithoutContacts(other)).toBe(other);
  });
});

describe('a locked sign-in says when to try again, in UK time', () => {
  it('names the next whole minute as London reads it, in summer (BST) and in winter (GMT)', () => {
    const summer = new Date('2026-07-01T13:00:30Z');
    expect(lockedMessage(new Date(summer.getTime() + 60_000), summer)).toBe('Too many wrong passwords for this email: try again at 14:02 (UK time), in 2 minutes.');
    const winter = new Date('2026-12-05T09:00:00Z');
    expect(lockedMessage(new Date(winter.getTime() + 60_000), winter)).toBe('Too many wrong passwords for this email: try again at 09:01 (UK time), in 1 minute.');
  });

  it('names the day when the lock ends after midnight', () => {
    const late = new Date('2026-12-05T23:40:00Z');
    expect(lockedMessage(new Date(late.getTime() + 32 * 60_000), late)).toBe('Too many wrong passwords for this email: try again at 00:12 on 6 Dec 2026 (UK time), in 32 minutes.');
  });
});
