import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ukDateOf } from '../../shared/uk-date';
import { clockFromEnvironment } from '../../electron/core/clock';

describe('the UK date of an instant', () => {
  it('is the next day after midnight in British Summer Time, though UTC is still on the day before', () => {
    expect(ukDateOf(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(ukDateOf(new Date('2026-07-01T22:59:59Z'))).toBe('2026-07-01');
  });

  it('is the UTC date in winter (GMT)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-11-01T00:00:00Z'), max: new Date('2027-02-28T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(ukDateOf(d)).toBe(d.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('the clock a server or command line runs on', () => {
  it('is real time without HUBDESK_TEST_NOW', () => {
    const before = Date.now();
    const now = clockFromEnvironment({})().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('starts at HUBDESK_TEST_NOW and runs on from there', async () => {
    const clock = clockFromEnvironment({ HUBDESK_TEST_NOW: '2026-11-23T10:00:00Z' });
    const first = clock().getTime();
    expect(first - Date.parse('2026-11-23T10:00:00Z')).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock().getTime()).toBeGreaterThan(first);
  });

  it('refuses a value that is not an ISO instant, naming the variable', () => {
    expect(() => clockFromEnvironment({ HUBDESK_TEST_NOW: 'yesterday' })).toThrow(/HUBDESK_TEST_NOW must be an ISO instant/);
    expect(() => clockFromEnvironment({ HUBDESK_TEST_NOW: '2026-13-45T00:00:00Z' })).toThrow(/HUBDESK_TEST_NOW/);
  });
});
