import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { hubMergeTargetSchema, mergeHubsSchema, mergeSchoolsSchema, schoolMergeTargetSchema } from '../../shared/validation/merges';
import { fieldIssues, messagesByField } from '../../shared/validation/common';
import { foldPredecessors } from '../../electron/core/records/predecessors';

const V = '0123456789abcdef';
function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  return r.success ? {} : messagesByField(fieldIssues(r.error));
}

describe('merging two school records', () => {
  const ok = { fromSchoolId: 3, intoSchoolId: 7, fromVersion: V, intoVersion: V };
  it('accepts two different records with the versions the dialog loaded', () => {
    expect(mergeSchoolsSchema.safeParse(ok).success).toBe(true);
    expect(schoolMergeTargetSchema.safeParse({ fromSchoolId: 3, intoSchoolId: 7 }).success).toBe(true);
  });
  it('refuses a school merged into itself, on the kept record', () => {
    expect(messages(mergeSchoolsSchema, { ...ok, intoSchoolId: 3 })).toEqual({ intoSchoolId: 'a school cannot be merged into itself: choose another' });
    expect(messages(schoolMergeTargetSchema, { fromSchoolId: 5, intoSchoolId: 5 }).intoSchoolId).toMatch(/cannot be merged into itself/);
  });
  it('refuses a missing record, a missing or malformed version and unknown fields', () => {
    expect(messages(mergeSchoolsSchema, { ...ok, intoSchoolId: undefined }).intoSchoolId).toBeDefined();
    expect(messages(mergeSchoolsSchema, { ...ok, intoSchoolId: 0 }).intoSchoolId).toBeDefined();
    expect(messages(mergeSchoolsSchema, { ...ok, fromVersion: undefined }).fromVersion).toMatch(/version of the record you loaded is missing/);
    expect(messages(mergeSchoolsSchema, { ...ok, intoVersion: 'abc' }).intoVersion).toBe('is not a record version');
    expect(mergeSchoolsSchema.safeParse({ ...ok, urn: '123456' }).success).toBe(false);
  });
});

describe('merging two hubs', () => {
  const ok = { fromHubId: 1, intoHubId: 2, year: '2026/27', fromVersion: V, intoVersion: V };
  it('accepts two different hubs and a year', () => {
    expect(mergeHubsSchema.safeParse(ok).success).toBe(true);
    expect(hubMergeTargetSchema.safeParse({ fromHubId: 1, intoHubId: 2, year: '2026/27' }).success).toBe(true);
  });
  it('refuses a hub merged into itself, a malformed year and a missing version', () => {
    expect(messages(mergeHubsSchema, { ...ok, intoHubId: 1 })).toEqual({ intoHubId: 'a hub cannot be merged into itself: choose another' });
    expect(messages(mergeHubsSchema, { ...ok, year: '2026' }).year).toBe('must look like 2025/26');
    expect(messages(mergeHubsSchema, { ...ok, year: '2026/28' }).year).toMatch(/two consecutive years/);
    expect(messages(hubMergeTargetSchema, { fromHubId: 1, intoHubId: 2 }).year).toBeDefined();
    expect(messages(mergeHubsSchema, { ...ok, intoVersion: undefined }).intoVersion).toMatch(/missing/);
  });
});

describe("a kept school's Ofsted history", () => {
  const i = (startDate: string, framework: string, id: number) => ({ startDate, framework, id });
  it("files the predecessor's inspections under the kept URN, oldest first, without the copy Ofsted lists under both", () => {
    const byUrn = new Map([
      ['222222', [i('2019-05-01', 'report_card', 1), i('2025-12-01', 'report_card', 2)]],
      ['111111', [i('2014-03-01', 'pre_2024', 3), i('2019-05-01', 'report_card', 4)]],
    ]);
    const out = foldPredecessors(byUrn, new Map([['111111', '222222']]), ['222222']);
    expect(out.get('222222')!.map((x) => x.id)).toEqual([3, 1, 2]);
    expect(out.has('111111')).toBe(false);
  });
  it('keeps the old URN\'s own list when it was asked for too, and changes nothing without predecessors', () => {
    const byUrn = new Map([['111111', [i('2014-03-01', 'pre_2024', 3)]]]);
    expect(foldPredecessors(byUrn, new Map([['111111', '222222']]), ['111111', '222222']).get('111111')!.map((x) => x.id)).toEqual([3]);
    expect(byUrn.get('222222')!.map((x) => x.id)).toEqual([3]);
    const alone = new Map([['333333', [i('2020-01-01', 'pre_2024', 9)]]]);
    expect(foldPredecessors(alone, new Map(), ['333333'])).toBe(alone);
  });
});
