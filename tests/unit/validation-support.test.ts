import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addSupportRequestSchema, SUPPORT_STATUSES, supportDateIssues, updateSupportRequestSchema } from '../../shared/validation/support';
import { fieldIssues, messagesByField } from '../../shared/validation/common';
import { brokeredToLabel, inCallPack, isSupportOpen } from '../../shared/domain/support';

const V = '0123456789abcdef';
function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  return r.success ? {} : messagesByField(fieldIssues(r.error));
}

const add = { schoolId: 7, requestedOn: '2026-11-02', area: 'Adaptive teaching for pupils with SEND', ebiPointId: null, brokeredToSchoolId: null, brokeredTo: null, status: 'open', notes: null };
const { schoolId: _school, ...fields } = add;
const update = { requestId: 3, version: V, ...fields };

describe('support request rules', () => {
  it('accepts a plain open request and trims the texts; blank optional texts mean none', () => {
    expect(addSupportRequestSchema.parse({ ...add, area: '  Early reading  ', brokeredTo: '   ', notes: '' })).toEqual({
      ...add,
      area: 'Early reading',
      brokeredTo: null,
      notes: null,
    });
    expect(updateSupportRequestSchema.safeParse(update).success).toBe(true);
  });

  it('the area is required and at most 300 characters', () => {
    expect(messages(addSupportRequestSchema, { ...add, area: '   ' }).area).toBe('the area of support is required');
    expect(messages(addSupportRequestSchema, { ...add, area: undefined }).area).toBe('the area of support is required');
    expect(messages(addSupportRequestSchema, { ...add, area: 'x'.repeat(301) }).area).toBe('the area of support is too long (at most 300 characters)');
    expect(addSupportRequestSchema.safeParse({ ...add, area: 'x'.repeat(300) }).success).toBe(true);
  });

  it('the request date is a real calendar date, and not after today', () => {
    expect(messages(addSupportRequestSchema, { ...add, requestedOn: '02/11/2026' }).requestedOn).toBe('must be a date like 2025-09-01');
    expect(messages(addSupportRequestSchema, { ...add, requestedOn: '2026-02-30' }).requestedOn).toBe('is not a real calendar date');
    expect(supportDateIssues({ requestedOn: '2026-11-24' }, '2026-11-23')).toEqual([
      { path: 'requestedOn', message: 'the request date (24 Nov 2026) is after today (23 Nov 2026)' },
    ]);
    expect(supportDateIssues({ requestedOn: '2026-11-23' }, '2026-11-23')).toEqual([]);
  });

  it('the status is one of the five, with a message naming them', () => {
    expect([...SUPPORT_STATUSES]).toEqual(['open', 'brokered', 'in progress', 'done', 'declined']);
    expect(messages(addSupportRequestSchema, { ...add, status: 'closed' }).status).toBe('choose open, brokered, in progress, done, declined');
    for (const status of ['open', 'done', 'declined']) expect(addSupportRequestSchema.safeParse({ ...add, status }).success).toBe(true);
  });

  it('a brokered or in-progress request says who it was brokered to: a member school or someone outside', () => {
    for (const status of ['brokered', 'in progress']) {
      expect(messages(addSupportRequestSchema, { ...add, status }).brokeredToSchoolId).toBe(`a request that is ${status} says who it was brokered to`);
      // Blank free text is no one.
      expect(messages(addSupportRequestSchema, { ...add, status, brokeredTo: '  ' }).brokeredToSchoolId).toBe(`a request that is ${status} says who it was brokered to`);
      expect(addSupportRequestSchema.safeParse({ ...add, status, brokeredToSchoolId: 12 }).success).toBe(true);
      expect(addSupportRequestSchema.safeParse({ ...add, status, brokeredTo: 'Local authority SEND team' }).success).toBe(true);
    }
  });

  it('not both a member school and someone outside', () => {
    const m = messages(addSupportRequestSchema, { ...add, status: 'brokered', brokeredToSchoolId: 12, brokeredTo: 'LA adviser' });
    expect(m.brokeredTo).toBe('give a member school or someone outside the network, not both');
    expect(m.brokeredToSchoolId).toBeUndefined();
    expect(messages(updateSupportRequestSchema, { ...update, brokeredToSchoolId: 12, brokeredTo: 'LA adviser' }).brokeredTo).toBe('give a member school or someone outside the network, not both');
  });

  it('who it was brokered to is at most 200 characters, the notes at most 5,000', () => {
    expect(messages(addSupportRequestSchema, { ...add, brokeredTo: 'x'.repeat(201) }).brokeredTo).toBe('who it was brokered to is too long (at most 200 characters)');
    expect(messages(addSupportRequestSchema, { ...add, notes: 'x'.repeat(5001) }).notes).toBe('the notes is too long (at most 5000 characters)');
    expect(addSupportRequestSchema.safeParse({ ...add, notes: 'x'.repeat(5000), brokeredTo: 'y'.repeat(200), status: 'brokered' }).success).toBe(true);
  });

  it('ids are positive whole numbers; the EBI and the school brokered to may be none', () => {
    expect(messages(addSupportRequestSchema, { ...add, schoolId: 0 }).schoolId).toBeDefined();
    expect(messages(addSupportRequestSchema, { ...add, ebiPointId: 1.5 }).ebiPointId).toBeDefined();
    expect(messages(addSupportRequestSchema, { ...add, brokeredToSchoolId: -3 }).brokeredToSchoolId).toBeDefined();
    expect(messages(addSupportRequestSchema, { ...add, ebiPointId: undefined }).ebiPointId).toBeDefined();
    expect(addSupportRequestSchema.safeParse({ ...add, ebiPointId: 40 }).success).toBe(true);
  });

  it('requests are strict: unknown fields are refused, an update needs the request and its version', () => {
    expect(messages(addSupportRequestSchema, { ...add, hubId: 1 })['']).toBeDefined();
    expect(messages(addSupportRequestSchema, { ...add, requestId: 1 })['']).toBeDefined();
    expect(messages(updateSupportRequestSchema, { ...update, version: 'stale' }).version).toBe('is not a record version');
    expect(messages(updateSupportRequestSchema, { ...update, version: undefined }).version).toMatch(/version of the record you loaded is missing/);
    expect(messages(updateSupportRequestSchema, { ...update, requestId: undefined }).requestId).toBeDefined();
    expect(messages(updateSupportRequestSchema, { ...update, schoolId: 7 })['']).toBeDefined();
  });
});

describe('support request rules for dashboards and packs', () => {
  const w = { until: '2026-11-23' };
  it('open, brokered and in progress are open; done and declined are not', () => {
    expect(SUPPORT_STATUSES.filter(isSupportOpen)).toEqual(['open', 'brokered', 'in progress']);
  });
  it('a pack lists requests still open, and closed ones changed since its window opened, never ones asked after its day', () => {
    expect(inCallPack({ requestedOn: '2025-10-01', status: 'in progress', changedSince: false }, w)).toBe(true);
    expect(inCallPack({ requestedOn: '2026-05-01', status: 'done', changedSince: false }, w)).toBe(false);
    expect(inCallPack({ requestedOn: '2026-05-01', status: 'done', changedSince: true }, w)).toBe(true);
    expect(inCallPack({ requestedOn: '2026-10-01', status: 'declined', changedSince: true }, w)).toBe(true);
    // A pack for a term already over: a request asked later is not in it, whatever its status.
    expect(inCallPack({ requestedOn: '2026-11-24', status: 'open', changedSince: true }, w)).toBe(false);
    expect(inCallPack({ requestedOn: '2026-06-01', status: 'done', changedSince: true }, { until: '2026-08-31' })).toBe(true);
  });
  it('who a request was brokered to reads as the member school, else the free text', () => {
    expect(brokeredToLabel({ brokeredToSchool: 'Kingsway Academy', brokeredTo: null })).toBe('Kingsway Academy');
    expect(brokeredToLabel({ brokeredToSchool: null, brokeredTo: 'LA adviser' })).toBe('LA adviser');
    expect(brokeredToLabel({ brokeredToSchool: null, brokeredTo: null })).toBeNull();
  });
});
