import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aoeKey, groupNearIdenticalAoes } from '../../shared/domain/qa-text';
import { nearFirst, nearnessOf } from '../../shared/domain/qa-profile';

const aoe = (text: string, school: string) => ({ kind: 'aoe', text, school });
const www = (text: string, school: string) => ({ kind: 'www', text, school });

describe('near-identical Areas of Excellence', () => {
  it('are one title whatever the case, accents, punctuation, spacing, & or a leading "the"', () => {
    const same = ['Oracy across the curriculum', 'Oracy Across The Curriculum.', '  oracy across the   curriculum ', 'The oracy across the curriculum'];
    expect(new Set(same.map(aoeKey)).size).toBe(1);
    expect(aoeKey('Staff wellbeing & workload')).toBe(aoeKey('Staff wellbeing and workload'));
    expect(aoeKey('Café culture')).toBe(aoeKey('cafe culture'));
    expect(aoeKey('Early reading and phonics')).not.toBe(aoeKey('Early reading'));
  });

  it('group where the first of them stands, titled by the spelling most use; other hits stay as they are', () => {
    const hits = [aoe('Oracy across the curriculum', 'A'), www('Oracy is strong', 'B'), aoe('oracy across the curriculum.', 'C'), aoe('Early reading', 'D'), aoe('Oracy across the curriculum', 'E')];
    const grouped = groupNearIdenticalAoes(hits);
    expect(grouped.map((g) => (g.kind === 'one' ? g.hit.school : g.hits.map((h) => h.school).join('')))).toEqual(['ACE', 'B', 'D']);
    expect(grouped[0]).toMatchObject({ kind: 'aoe', title: 'Oracy across the curriculum' });
  });

  it('keep every hit exactly once, in order within each group', () => {
    const text = fc.constantFrom('Oracy across the curriculum', 'ORACY across the curriculum!', 'Early reading', 'early  reading', 'Maths');
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom('aoe', 'www', 'ebi'), text, school: fc.string() }), { maxLength: 40 }), (hits) => {
        const grouped = groupNearIdenticalAoes(hits);
        const flat = grouped.flatMap((g) => (g.kind === 'one' ? [g.hit] : g.hits));
        expect(flat).toHaveLength(hits.length);
        expect(new Set(flat)).toEqual(new Set(hits));
        for (const g of grouped) if (g.kind === 'aoe') expect(new Set(g.hits.map((h) => aoeKey(h.text))).size).toBe(1);
        expect(grouped.filter((g) => g.kind === 'aoe').every((g) => g.kind === 'aoe' && g.hits.length > 1)).toBe(true);
      }),
    );
  });
});

describe('support suggestions near first', () => {
  const near = { hubId: 1, region: 'North West' };
  it('say how near a school is', () => {
    expect(nearnessOf(near, { hubId: 1, region: 'North West' })).toBe('same hub');
    expect(nearnessOf(near, { hubId: 2, region: 'North West' })).toBe('same region');
    expect(nearnessOf(near, { hubId: 3, region: 'London' })).toBe('elsewhere');
    expect(nearnessOf({ hubId: null, region: null }, { hubId: null, region: null })).toBe('elsewhere');
  });
  it('put the same hub, then the same region first, keeping the matching order inside each', () => {
    const place = fc.record({ hubId: fc.constantFrom(1, 2, 3, null), region: fc.constantFrom('North West', 'London', null) });
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.nat(), place }), { maxLength: 30 }), (list) => {
        const out = nearFirst(list, near, (s) => s.place);
        expect(out).toHaveLength(list.length);
        const rank = (s: (typeof list)[number]) => ['same hub', 'same region', 'elsewhere'].indexOf(nearnessOf(near, s.place));
        for (let i = 1; i < out.length; i++) {
          expect(rank(out[i - 1]!)).toBeLessThanOrEqual(rank(out[i]!));
          if (rank(out[i - 1]!) === rank(out[i]!)) expect(list.indexOf(out[i - 1]!)).toBeLessThan(list.indexOf(out[i]!));
        }
      }),
    );
  });
});
