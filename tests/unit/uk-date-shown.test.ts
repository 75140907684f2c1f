import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ukDateShown, ukDatesIn } from '../../shared/uk-date';

describe('dates as people in the UK read them', () => {
  it('write a day as 5 Dec 2026, never as 12/05/2026 or 2026-12-05', () => {
    expect(ukDateShown('2026-12-05')).toBe('5 Dec 2026');
    expect(ukDateShown('2027-01-14')).toBe('14 Jan 2027');
  });
  it('leave anything that is not a real day as it is', () => {
    expect(ukDateShown('2026-02-30')).toBe('2026-02-30');
    expect(ukDateShown('soon')).toBe('soon');
  });
  it('rewrite every day in a message and nothing else', () => {
    expect(ukDatesIn('heldOn: a call is recorded once held: 2026-12-01 is after today (2026-11-23)')).toBe(
      'heldOn: a call is recorded once held: 1 Dec 2026 is after today (23 Nov 2026)',
    );
    expect(ukDatesIn('import #2026-1 of 40 rows')).toBe('import #2026-1 of 40 rows');
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const shown = ukDatesIn(`paid on ${iso}.`);
        expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        expect(shown).toMatch(/^paid on \d{1,2} [A-Z][a-z]{2,3} \d{4}\.$/);
      }),
    );
  });
});
