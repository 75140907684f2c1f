import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currentYear, defaultYearDates, previousYearLabel, rollImportYears, yearLabelFor, yearLabelOn } from '../../shared/domain/years';

describe('membership years', () => {
  it('default to 1 September – 31 August with plan deadlines 31 October and 14 November', () => {
    expect(defaultYearDates('2024/25')).toEqual({
      label: '2024/25',
      startDate: '2024-09-01',
      endDate: '2025-08-31',
      draftPlanDeadline: '2024-10-31',
      finalPlanDeadline: '2024-11-14',
    });
  });
  it('handle the century', () => {
    expect(yearLabelFor(2099)).toBe('2099/00');
    expect(defaultYearDates('2099/00').endDate).toBe('2100-08-31');
    expect(previousYearLabel('2025/26')).toBe('2024/25');
  });
  it('refuse labels that are not two consecutive years', () => {
    expect(() => defaultYearDates('2025/27')).toThrow(/consecutive/);
    expect(() => defaultYearDates('2025-26')).toThrow(/like 2025\/26/);
  });
  it('pick the year containing today, else the latest started', () => {
    const years = [defaultYearDates('2025/26'), defaultYearDates('2026/27')];
    expect(currentYear(years, '2026-08-31')?.label).toBe('2025/26');
    expect(currentYear(years, '2026-09-01')?.label).toBe('2026/27');
    expect(currentYear(years, '2030-01-01')?.label).toBe('2026/27');
    expect(currentYear(years, '2020-01-01')?.label).toBe('2025/26');
    expect(currentYear([], '2026-01-01')).toBeNull();
  });
  it('name the year a day falls in: September starts it, August ends it', () => {
    expect(yearLabelOn('2026-11-23')).toBe('2026/27');
    expect(yearLabelOn('2026-09-01')).toBe('2026/27');
    expect(yearLabelOn('2026-08-31')).toBe('2025/26');
    expect(yearLabelOn('2027-01-05')).toBe('2026/27');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2098-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const dates = defaultYearDates(yearLabelOn(day));
        expect(dates.startDate <= day && day <= dates.endDate).toBe(true);
      }),
    );
  });
  it('offer an empty database the year today falls in and the next, and a held network every year plus the next', () => {
    expect(rollImportYears([], '2026-11-23')).toEqual(['2027/28', '2026/27']);
    expect(rollImportYears(['2025/26', '2026/27'], '2026-11-23')).toEqual(['2027/28', '2026/27', '2025/26']);
    expect(rollImportYears(['2024/25'], '2026-11-23')).toEqual(['2027/28', '2026/27', '2024/25']);
  });
});
