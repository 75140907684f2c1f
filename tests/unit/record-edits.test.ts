import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordEditsOf, type HeldEdit } from '../../renderer/src/components/forms/useEdits';

type Rec = { id: number; name: string; version: string };
const valuesOf = (r: Rec) => ({ name: r.name });
const EMPTY = { name: '' };

/** A form's life as the hook lives it: records arriving (refetches), edits, and restarts (Reload). */
type Step = { kind: 'arrive'; record: Rec } | { kind: 'edit'; name: string } | { kind: 'restart' };

function play(steps: Step[]) {
  let held: HeldEdit<Rec, { name: string }> = null;
  let loaded: Rec | null = null;
  for (const step of steps) {
    if (step.kind === 'arrive') loaded = step.record;
    else if (step.kind === 'edit') held = recordEditsOf(held, loaded, valuesOf, EMPTY).edit({ name: step.name });
    else held = null;
  }
  return recordEditsOf(held, loaded, valuesOf, EMPTY);
}

const v1: Rec = { id: 1, name: 'Northfield', version: 'v1' };
const v2: Rec = { id: 1, name: 'Northfield Academy', version: 'v2' };

describe('a record form (useRecordEdits)', () => {
  it('shows the starting values until the record arrives', () => {
    const form = play([]);
    expect(form.record).toBeNull();
    expect(form.values).toEqual(EMPTY);
  });

  it('follows a refetched record while nothing is typed: the colleague’s change shows', () => {
    const form = play([{ kind: 'arrive', record: v1 }, { kind: 'arrive', record: v2 }]);
    expect(form.record).toEqual(v2);
    expect(form.values).toEqual({ name: 'Northfield Academy' });
  });

  it('holds the record as it was at the first edit, so the version sent is the one the person started from', () => {
    const form = play([{ kind: 'arrive', record: v1 }, { kind: 'edit', name: 'North' }, { kind: 'arrive', record: v2 }, { kind: 'edit', name: 'Northf' }]);
    expect(form.record?.version).toBe('v1');
    expect(form.values).toEqual({ name: 'Northf' });
  });

  it('restart (Reload) forgets the edits and shows the record as loaded now', () => {
    const form = play([{ kind: 'arrive', record: v1 }, { kind: 'edit', name: 'North' }, { kind: 'arrive', record: v2 }, { kind: 'restart' }]);
    expect(form.record?.version).toBe('v2');
    expect(form.values).toEqual({ name: 'Northfield Academy' });
  });

  it('an edit before the record arrives holds no record (nothing is sent with a version)', () => {
    const form = play([{ kind: 'edit', name: 'typed early' }, { kind: 'arrive', record: v1 }]);
    expect(form.record).toBeNull();
    expect(form.values).toEqual({ name: 'typed early' });
  });

  it('whatever arrives and is typed, the record is the one loaded at the first edit since the last restart', () => {
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('arrive' as const), record: fc.record({ id: fc.constant(1), name: fc.string(), version: fc.uuid() }) }),
      fc.record({ kind: fc.constant('edit' as const), name: fc.string() }),
      fc.record({ kind: fc.constant('restart' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        const sinceRestart = steps.slice(steps.map((s) => s.kind).lastIndexOf('restart') + 1);
        const firstEdit = sinceRestart.findIndex((s) => s.kind === 'edit');
        const arrivals = (upTo: number) => steps.slice(0, upTo).filter((s): s is Extract<Step, { kind: 'arrive' }> => s.kind === 'arrive');
        const lastArrival = (upTo: number) => arrivals(upTo).at(-1)?.record ?? null;
        const form = play(steps);
        const start = steps.length - sinceRestart.length;
        if (firstEdit === -1) {
          expect(form.record).toEqual(lastArrival(steps.length));
        } else {
          expect(form.record).toEqual(lastArrival(start + firstEdit));
          const lastEdit = sinceRestart.filter((s) => s.kind === 'edit').at(-1)!;
          expect(form.values).toEqual({ name: lastEdit.name });
        }
      }),
    );
  });
});
