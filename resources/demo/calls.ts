/**
 * Termly catch-up calls for the demo: each hub's Memberships Manager calls its Hub Manager and its
 * Senior Partner about once a term. Most calls of past terms were held (a few were missed, as in a real
 * year), the current term's calls are part done, and the actions agreed on a call are mostly done by
 * the time they fall due. Pure and deterministic; written in the reference calendar like the rest of
 * the story.
 */
import type { CallKind } from '@shared/domain/calls';
import type { Term } from '@shared/domain/vocabulary';
import { addDays, randomFor, schoolDayBetween, type Random } from './random';

export interface DemoCallAction {
  text: string;
  owner: string | null;
  dueOn: string;
  status: 'open' | 'done';
  doneOn: string | null;
}

export interface DemoCall {
  hub: string;
  kind: CallKind;
  heldOn: string;
  /** London wall-clock time the call began, like "10:30". */
  time: string;
  attendees: string[];
  notes: string;
  /** The Memberships Manager who held and recorded it. */
  recordedBy: string;
  actions: DemoCallAction[];
}

export interface DemoCallHub {
  name: string;
  membershipsManager: string;
  seniorPartner: string;
  hubManagers: string[];
}

/** The part of each term in which calls are held: clear of its first fortnight and of the holidays. */
const CALL_WINDOWS: Record<Term, [string, string]> = { autumn: ['09-15', '12-12'], spring: ['01-12', '03-27'], summer: ['04-27', '07-15'] };

const FIRST_CALLS_TO_MAKE = 'Aspire Hub';

/** Chance a call of each kind was held in a term that is over. */
const HELD_IN_PAST_TERM: Record<CallKind, number> = { hub_manager: 0.88, senior_partner: 0.72 };

/** Chance a call whose day has passed in the current term has been held already. */
const HELD_IN_CURRENT_TERM = 0.6;

const NOTES: Record<CallKind, readonly string[]> = {
  hub_manager: [
    'Went through the QA Review schedule and reviewer commitments; two schools still to confirm their reviewer.',
    'Hub Action Plan on track; spend so far discussed against the release conditions.',
    'Meeting dates agreed for the year; attendance at the last hub meeting was good.',
    'Talked through new headteachers and the training they need before their review.',
  ],
  senior_partner: [
    'Temperature check on the hub; the Senior Partner is content with progress on the plan.',
    'Discussed schools causing concern and what support the hub can broker.',
    'Agreed the priorities for next term and the evidence the hub will bring to the spring meeting.',
  ],
};

const ACTIONS = [
  'Send the reviewer training dates to the two new headteachers',
  'Confirm the summer meeting date with the hub',
  'Share the updated Hub Action Plan with finance',
  'Chase the outstanding membership fee invoices',
  'Put the school in touch with a member school strong in early reading',
  'Send the QA Review report template to the lead reviewer',
] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The terms of the two membership years the story covers, in order, with their calendar years. */
function storyTerms(firstYear: number): { term: Term; year: number }[] {
  return [
    { term: 'autumn', year: firstYear - 1 },
    { term: 'spring', year: firstYear },
    { term: 'summer', year: firstYear },
    { term: 'autumn', year: firstYear },
    { term: 'spring', year: firstYear + 1 },
    { term: 'summer', year: firstYear + 1 },
  ];
}

function actionsFor(rng: Random, hub: DemoCallHub, heldOn: string, today: string): DemoCallAction[] {
  return rng.shuffle(ACTIONS).slice(0, rng.int(0, 2)).map((text) => {
    const dueOn = addDays(heldOn, rng.int(14, 42));
    // Most actions are done by the time they fall due; a few are still open (they carry into the next pack).
    const doneOn = dueOn < today && rng.chance(0.8) ? addDays(heldOn, rng.int(3, Math.round((Date.parse(dueOn) - Date.parse(heldOn)) / 86_400_000))) : null;
    return { text, owner: rng.chance(0.5) ? hub.membershipsManager : (hub.hubManagers[0] ?? null), dueOn, status: doneOn ? 'done' : 'open', doneOn };
  });
}

/**
 * The calls held with each hub up to the day before `today`, over the membership year starting in
 * September of `firstYear` and the year before it.
 */
export function demoCalls(hubs: readonly DemoCallHub[], firstYear: number, today: string): DemoCall[] {
  const calls: DemoCall[] = [];
  // Aspire Hub, where a walk through the demo starts, has no calls yet: its packs show everything
  // since the start of term, and recording its first call is the first thing to try.
  for (const hub of hubs.filter((h) => h.name !== FIRST_CALLS_TO_MAKE)) {
    for (const { term, year } of storyTerms(firstYear)) {
      const [from, to] = CALL_WINDOWS[term];
      const start = `${year}-${from}`;
      const end = `${year}-${to}`;
      if (start >= today) continue;
      const termOver = end < today;
      for (const kind of ['hub_manager', 'senior_partner'] as const) {
        const rng = randomFor(`call:${hub.name}:${year}-${term}:${kind}`);
        const heldOn = schoolDayBetween(rng, start, end);
        // In a past term most calls were held; in the current term some are held (their day has passed)
        // and the rest are still due, as a manager working through the hubs would find them.
        const held = termOver ? rng.chance(HELD_IN_PAST_TERM[kind]) : heldOn < today && rng.chance(HELD_IN_CURRENT_TERM);
        if (!held) continue;
        calls.push({
          hub: hub.name,
          kind,
          heldOn,
          time: `${pad(rng.pick([9, 10, 11, 13, 14, 15]))}:${rng.pick(['00', '15', '30', '45'])}`,
          attendees: kind === 'hub_manager' ? hub.hubManagers.slice(0, 2) : [hub.seniorPartner],
          notes: rng.pick(NOTES[kind]),
          recordedBy: hub.membershipsManager,
          actions: actionsFor(rng, hub, heldOn, today),
        });
      }
    }
  }
  return calls;
}
