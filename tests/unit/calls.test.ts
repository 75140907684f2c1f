import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionOverdue,
  changedSince,
  classifyMembershipChange,
  dayAfter,
  nextTerm,
  packWindow,
  parseTermId,
  previousTerm,
  termCallStatus,
  termOf,
  inWindow,
  windowLabel,
  type CallMoment,
  type PackWindow,
  type RecordedCall,
} from '../../shared/domain/calls';
import { londonDayTime, londonInstant } from '../../shared/uk-date';

describe('terms', () => {
  it('names the term of a day: autumn Sep–Dec, spring Jan–Apr, summer May–Aug of the same calendar year', () => {
    expect(termOf('2025-09-01').id).toBe('2025-autumn');
    expect(termOf('2025-12-31').id).toBe('2025-autumn');
    expect(termOf('2026-01-01').id).toBe('2026-spring');
    expect(termOf('2026-04-30').id).toBe('2026-spring');
    expect(termOf('2026-05-01').id).toBe('2026-summer');
    expect(termOf('2026-08-31').id).toBe('2026-summer');
    expect(termOf('2026-11-23').id).toBe('2026-autumn');
  });

  it('gives each term its first and last day, label and membership year', () => {
    expect(parseTermId('2025-autumn')).toEqual({
      id: '2025-autumn', year: 2025, term: 'autumn', label: 'Autumn 2025', start: '2025-09-01', end: '2025-12-31', membershipYear: '2025/26',
    });
    expect(parseTermId('2026-spring')).toMatchObject({ start: '2026-01-01', end: '2026-04-30', membershipYear: '2025/26', label: 'Spring 2026' });
    expect(parseTermId('2026-summer')).toMatchObject({ start: '2026-05-01', end: '2026-08-31', membershipYear: '2025/26' });
    expect(parseTermId('2099-autumn').membershipYear).toBe('2099/00');
  });

  it('refuses what is not a term, saying what a term looks like', () => {
    for (const bad of ['2025-winter', '2025', 'autumn-2025', '25-autumn', '2025-Autumn ', '2025_autumn', '']) {
      expect(() => parseTermId(bad)).toThrow(/a term like 2025-autumn/);
    }
    expect(() => termOf('2025-02-30')).toThrow(/not a date/);
  });

  it('walks terms forwards and backwards across calendar years', () => {
    expect(nextTerm('2025-autumn').id).toBe('2026-spring');
    expect(nextTerm('2026-spring').id).toBe('2026-summer');
    expect(nextTerm('2026-summer').id).toBe('2026-autumn');
    expect(previousTerm('2026-spring').id).toBe('2025-autumn');
    expect(previousTerm('2026-autumn').id).toBe('2026-summer');
  });

  it('property: every day lies inside its own term, and terms tile the calendar without gaps', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (d) => {
        const t = termOf(d);
        expect(t.start <= d && d <= t.end).toBe(true);
        expect(nextTerm(t.id).start).toBe(dayAfter(t.end));
        expect(previousTerm(nextTerm(t.id).id).id).toBe(t.id);
      }),
    );
  });
});

describe('packWindow: since the last call of the pack’s kind', () => {
  const autumn = parseTermId('2026-autumn');
  const hm = (heldOn: string, time = '15:00'): CallMoment => ({ kind: 'hub_manager', heldOn, heldAt: londonInstant(heldOn, time) });
  const sp = (heldOn: string, time = '15:00'): CallMoment => ({ kind: 'senior_partner', heldOn, heldAt: londonInstant(heldOn, time) });

  it('starts at the last call of the kind held on or before today, at the time it was held', () => {
    const w = packWindow({ term: autumn, today: '2026-11-23', kind: 'hub_manager', calls: [hm('2026-06-10'), hm('2026-10-01', '10:30'), hm('2026-09-15')] });
    expect(w).toEqual({ kind: 'hub_manager', from: '2026-10-01', until: '2026-11-23', basis: 'last call', lastCallOn: '2026-10-01', lastCallAt: '2026-10-01T09:30:00.000Z' });
  });

  it('each kind of call has its own window: the Hub Manager call does not empty the Senior Partner pack', () => {
    const calls = [sp('2026-09-20'), hm('2026-11-20')];
    expect(packWindow({ term: autumn, today: '2026-11-23', kind: 'hub_manager', calls })).toMatchObject({ basis: 'last call', lastCallOn: '2026-11-20' });
    expect(packWindow({ term: autumn, today: '2026-11-23', kind: 'senior_partner', calls })).toMatchObject({ basis: 'last call', lastCallOn: '2026-09-20', from: '2026-09-20' });
    expect(packWindow({ term: autumn, today: '2026-11-23', kind: 'senior_partner', calls: [hm('2026-11-20')] })).toMatchObject({ basis: 'start of term', from: '2026-09-01', lastCallOn: null });
  });

  it('counts a call of the previous term as the last call', () => {
    const w = packWindow({ term: autumn, today: '2026-11-23', kind: 'hub_manager', calls: [hm('2026-06-10')] });
    expect(w).toMatchObject({ from: '2026-06-10', basis: 'last call', lastCallOn: '2026-06-10' });
  });

  it('starts at the first day of the term when the hub has no call of the kind yet', () => {
    expect(packWindow({ term: autumn, today: '2026-11-23', kind: 'hub_manager', calls: [] })).toEqual({
      kind: 'hub_manager', from: '2026-09-01', until: '2026-11-23', basis: 'start of term', lastCallOn: null, lastCallAt: null,
    });
  });

  it('ends on the last day of a term already over, ignoring calls after it', () => {
    const w = packWindow({ term: parseTermId('2025-autumn'), today: '2026-11-23', kind: 'hub_manager', calls: [hm('2025-10-05'), hm('2026-02-01')] });
    expect(w).toMatchObject({ from: '2025-10-05', until: '2025-12-31', basis: 'last call', lastCallOn: '2025-10-05' });
  });

  it('says in words what the changes are since', () => {
    const since = packWindow({ term: autumn, today: '2026-12-05', kind: 'senior_partner', calls: [sp('2026-12-05', '09:45')] });
    expect(windowLabel(since, autumn)).toBe('since the last Senior Partner call, 5 December 2026 at 09:45');
    expect(windowLabel(packWindow({ term: autumn, today: '2026-11-23', kind: 'hub_manager', calls: [] }), autumn)).toBe(
      'since the start of term, 1 September 2026 (no Hub Manager call held before)',
    );
  });
});

describe('changedSince over dated facts', () => {
  const facts = [
    { what: 'QA report, Halton Lodge', date: '2026-11-05', recordedAt: null },
    { what: 'Ofsted published, Great Sankey', date: '2026-09-30', recordedAt: null },
    { what: 'call day, known only by its day', date: '2026-10-01', recordedAt: null },
    { what: 'call day, recorded before the call', date: '2026-10-01', recordedAt: '2026-10-01T08:00:00.000Z' },
    { what: 'call day, recorded after the call', date: '2026-10-01', recordedAt: '2026-10-01T16:00:00.000Z' },
    { what: 'after today', date: '2026-11-24', recordedAt: null },
    { what: 'undated', date: null, recordedAt: null },
    { what: 'day after the call', date: '2026-10-02', recordedAt: null },
    { what: 'today', date: '2026-11-23', recordedAt: null },
    { what: 'timestamp today', date: '2026-11-23T09:15:00.000Z', recordedAt: null },
  ];
  // The call was held at 10:30 London time (09:30 UTC) on 1 October.
  const w = packWindow({ term: parseTermId('2026-autumn'), today: '2026-11-23', kind: 'hub_manager', calls: [{ kind: 'hub_manager', heldOn: '2026-10-01', heldAt: '2026-10-01T09:30:00.000Z' }] });
  const kept = (window: PackWindow) => changedSince(facts, window, (f) => f.date, (f) => f.recordedAt).map((f) => f.what);

  it('keeps facts after the last call up to today, oldest first, including a change recorded later on the call’s day', () => {
    expect(kept(w)).toEqual(['call day, recorded after the call', 'day after the call', 'QA report, Halton Lodge', 'today', 'timestamp today']);
  });

  it('drops facts of the call’s day known only by their day or recorded before the call, and ones before it, in the future or undated', () => {
    for (const gone of ['call day, known only by its day', 'call day, recorded before the call', 'Ofsted published, Great Sankey', 'after today', 'undated']) {
      expect(kept(w)).not.toContain(gone);
    }
  });

  it('from the start of term when there was no call', () => {
    const fromTerm = packWindow({ term: parseTermId('2026-autumn'), today: '2026-11-23', kind: 'hub_manager', calls: [] });
    expect(kept(fromTerm)).toEqual([
      'Ofsted published, Great Sankey', 'call day, known only by its day', 'call day, recorded before the call', 'call day, recorded after the call', 'day after the call', 'QA report, Halton Lodge', 'today', 'timestamp today',
    ]);
  });

  it('property: a fact is in the window exactly when its day is after the call’s day, or on it and recorded after the call, up to the pack’s day', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const minute = fc.integer({ min: 0, max: 24 * 60 - 1 });
    fc.assert(
      fc.property(day, minute, day, fc.option(minute, { nil: null }), day, (callDay, callMinute, factDay, factMinute, today) => {
        const at = (d: string, m: number) => new Date(Date.parse(`${d}T00:00:00.000Z`) + m * 60_000).toISOString();
        const call: CallMoment = { kind: 'hub_manager', heldOn: callDay, heldAt: at(callDay, callMinute) };
        const win = packWindow({ term: parseTermId('2026-autumn'), today, kind: 'hub_manager', calls: [call] });
        const recordedAt = factMinute === null ? null : at(factDay, factMinute);
        const expected =
          callDay > today
            ? factDay <= today
            : factDay <= today && (factDay > callDay || (factDay === callDay && recordedAt !== null && recordedAt > call.heldAt));
        expect(inWindow(factDay, win, recordedAt)).toBe(expected);
      }),
    );
  });
});

describe('London times of day', () => {
  it('reads a time in GMT (winter) and BST (summer), and back', () => {
    expect(londonInstant('2026-12-05', '14:30')).toBe('2026-12-05T14:30:00.000Z');
    expect(londonInstant('2026-07-01', '14:30')).toBe('2026-07-01T13:30:00.000Z');
    expect(londonDayTime('2026-07-01T23:30:00.000Z')).toEqual({ day: '2026-07-02', time: '00:30' });
  });
  it('property: a London day and time survive the round trip, whatever the season', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const hhmm = fc.record({ h: fc.integer({ min: 3, max: 23 }), m: fc.integer({ min: 0, max: 59 }) }).map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, hhmm, (d, t) => {
        expect(londonDayTime(londonInstant(d, t))).toEqual({ day: d, time: t });
      }),
    );
  });
});

describe('termCallStatus', () => {
  const autumn = parseTermId('2026-autumn');
  const people = { hub_manager: ['Emma Ford', 'Raj Patel'], senior_partner: ['Amelia Vaughan'] };
  const call = (heldOn: string, kind: RecordedCall['kind'], attendees: string[]): RecordedCall => ({ heldOn, kind, attendees });

  it('is due while the term runs and nothing is recorded', () => {
    const s = termCallStatus({ term: autumn, today: '2026-11-23', calls: [], people });
    expect(s.hub_manager).toEqual({ kind: 'hub_manager', status: 'due', heldOn: [], dueBy: '2026-12-31', notReached: ['Emma Ford', 'Raj Patel'] });
    expect(s.senior_partner.status).toBe('due');
  });

  it('is held once a call of the kind falls in the term, naming who was not reached', () => {
    const s = termCallStatus({
      term: autumn,
      today: '2026-11-23',
      calls: [call('2026-10-12', 'hub_manager', ['  emma  FORD ', 'Grace Okafor']), call('2026-06-01', 'senior_partner', ['Amelia Vaughan'])],
      people,
    });
    expect(s.hub_manager).toMatchObject({ status: 'held', heldOn: ['2026-10-12'], notReached: ['Raj Patel'] });
    // The Senior Partner call was last term: it does not count for this one.
    expect(s.senior_partner).toMatchObject({ status: 'due', heldOn: [], notReached: ['Amelia Vaughan'] });
  });

  it('is overdue after the term ends without a call, and not yet due before it starts', () => {
    expect(termCallStatus({ term: parseTermId('2026-summer'), today: '2026-11-23', calls: [], people }).hub_manager.status).toBe('overdue');
    expect(termCallStatus({ term: parseTermId('2027-spring'), today: '2026-11-23', calls: [], people }).senior_partner.status).toBe('not yet due');
    const held = termCallStatus({ term: parseTermId('2026-summer'), today: '2026-11-23', calls: [call('2026-08-31', 'senior_partner', [])], people });
    expect(held.senior_partner.status).toBe('held');
    expect(held.hub_manager.status).toBe('overdue');
  });
});

describe('actionOverdue', () => {
  it('is true only for an open action past its due day', () => {
    expect(actionOverdue({ status: 'open', dueOn: '2026-11-22' }, '2026-11-23')).toBe(true);
    expect(actionOverdue({ status: 'open', dueOn: '2026-11-23' }, '2026-11-23')).toBe(false);
    expect(actionOverdue({ status: 'open', dueOn: null }, '2026-11-23')).toBe(false);
    expect(actionOverdue({ status: 'done', dueOn: '2026-01-01' }, '2026-11-23')).toBe(false);
    expect(actionOverdue({ status: 'dropped', dueOn: '2026-01-01' }, '2026-11-23')).toBe(false);
  });
});

describe('classifyMembershipChange', () => {
  const HUB = 7;
  const row = (over: Partial<{ hub_id: number; pupils: number; status: string; fee_paid_on: string | null }> = {}) => ({
    hub_id: HUB, school_id: 3, pupils: 500, status: 'renewing', fee_paid_on: null, ...over,
  });

  it('reads joiners, leavers and moves for the hub', () => {
    expect(classifyMembershipChange({ action: 'insert', before: null, after: row({ pupils: 612 }) }, HUB)).toEqual([{ change: 'joined', detail: 'joined with 612 pupils', otherHubId: null }]);
    expect(classifyMembershipChange({ action: 'delete', before: row(), after: null }, HUB)[0]!.change).toBe('left');
    expect(classifyMembershipChange({ action: 'update', before: row({ hub_id: 9 }), after: row() }, HUB)).toEqual([{ change: 'moved in', detail: 'moved in from another hub', otherHubId: 9 }]);
    expect(classifyMembershipChange({ action: 'update', before: row(), after: row({ hub_id: 9 }) }, HUB)[0]).toMatchObject({ change: 'moved out', otherHubId: 9 });
  });

  it('reads pupil, status and fee changes of a school that stays', () => {
    const changes = classifyMembershipChange({ action: 'update', before: row(), after: row({ pupils: 480, status: 'leaving', fee_paid_on: '2026-10-01' }) }, HUB);
    expect(changes.map((c) => [c.change, c.detail])).toEqual([
      ['pupils', 'pupils 500 → 480'],
      ['status', 'membership renewing → leaving'],
      ['fee paid', 'fee paid on 2026-10-01'],
    ]);
    expect(classifyMembershipChange({ action: 'update', before: row(), after: row() }, HUB)).toEqual([]);
  });

  it('ignores other hubs’ rows', () => {
    expect(classifyMembershipChange({ action: 'insert', before: null, after: row({ hub_id: 9 }) }, HUB)).toEqual([]);
    expect(classifyMembershipChange({ action: 'update', before: row({ hub_id: 9 }), after: row({ hub_id: 9, pupils: 1 }) }, HUB)).toEqual([]);
  });
});
