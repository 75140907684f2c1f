import { describe, expect, it } from 'vitest';
import { latestEstimates, NO_ESTIMATE, pointCounts, pointsByHeading, qaProfile, rankSupportSuggestions, sharedTerms, HEADING_NOT_RECORDED, type SupportMatch } from '../../shared/domain/qa-profile';

const est = (l: string | null, q: string | null = null, d: string | null = null) => ({ leadership: l, quality: q, disadvantaged: d });

describe('latest estimates', () => {
  it('come from the latest review that has any, skipping a later review without outcomes yet', () => {
    const got = latestEstimates([
      { id: 1, startDate: '2025-10-01', yearLabel: '2025/26', estimates: est('Effective', 'Leading', 'Effective') },
      { id: 2, startDate: '2026-12-01', yearLabel: '2026/27', estimates: est(null, null, null) },
      { id: 3, startDate: '2024-10-01', yearLabel: '2024/25', estimates: est('Ineffective') },
    ]);
    expect(got).toEqual({ reviewId: 1, reviewStart: '2025-10-01', yearLabel: '2025/26', estimates: est('Effective', 'Leading', 'Effective') });
    expect(latestEstimates([{ id: 9, startDate: '2026-01-01', yearLabel: '2025/26', estimates: est('  ') }])).toBeNull();
  });
});

describe('QA profile', () => {
  it('counts each heading over the four estimates, other text and schools without estimates', () => {
    const p = qaProfile([
      { reviewId: 1, reviewStart: '2025-10-01', yearLabel: '2025/26', estimates: est('Leading', 'effective', 'Outstanding') },
      { reviewId: 2, reviewStart: '2025-10-02', yearLabel: '2025/26', estimates: est('Leading', null, 'Ineffective') },
      null,
    ]);
    const counts = (key: string) => Object.fromEntries(p.find((h) => h.key === key)!.counts.map((c) => [c.estimate, c.count]));
    expect(counts('leadership')).toMatchObject({ Leading: 2, [NO_ESTIMATE]: 1 });
    expect(counts('quality')).toMatchObject({ Effective: 1, [NO_ESTIMATE]: 2 });
    expect(counts('disadvantaged')).toMatchObject({ Other: 1, Ineffective: 1, [NO_ESTIMATE]: 1 });
    for (const h of p) expect(h.counts.reduce((n, c) => n + c.count, 0)).toBe(3);
  });
});

describe('points by heading', () => {
  it('puts every point under its heading in position order, unknown headings last, empty headings kept', () => {
    const groups = pointsByHeading([
      { id: 1, kind: 'ebi', heading: 'quality', text: 'q-ebi', position: 3 },
      { id: 2, kind: 'www', heading: 'quality', text: 'q-www-2', position: 2 },
      { id: 3, kind: 'www', heading: 'quality', text: 'q-www-1', position: 1 },
      { id: 4, kind: 'www', heading: null, text: 'loose', position: 0 },
      { id: 5, kind: 'ebi', heading: 'maths', text: 'odd', position: 5 },
    ]);
    expect(groups.map((g) => g.key)).toEqual(['leadership', 'quality', 'disadvantaged', null]);
    expect(groups[0]!.www).toEqual([]);
    expect(groups[1]!.www.map((p) => p.text)).toEqual(['q-www-1', 'q-www-2']);
    expect(groups[1]!.ebi.map((p) => p.text)).toEqual(['q-ebi']);
    expect(groups[3]!.label).toBe(HEADING_NOT_RECORDED);
    expect(groups[3]!.www.map((p) => p.id)).toEqual([4]);
    expect(groups[3]!.ebi.map((p) => p.id)).toEqual([5]);
    expect(pointCounts([{ kind: 'www' }, { kind: 'ebi' }, { kind: 'www' }, { kind: 'note' }])).toEqual({ www: 2, ebi: 1 });
  });

  it('has no "not recorded" group when every heading is known', () => {
    expect(pointsByHeading([{ id: 1, kind: 'www', heading: 'leadership', text: 'x', position: 0 }])).toHaveLength(3);
  });
});

describe('support suggestions for an EBI', () => {
  const m = (schoolId: number, kind: 'aoe' | 'www', accredited: boolean, rank: number, reviewStart = '2026-01-01', shared = 1): SupportMatch => ({ schoolId, kind, accredited, text: `${kind}${schoolId}${rank}`, rank, shared, reviewStart });

  it('puts schools with a matching accredited AoE first among those sharing as many terms, even when another school has a better WWW rank', () => {
    const out = rankSupportSuggestions([m(1, 'www', false, -9), m(2, 'aoe', true, -2), m(3, 'aoe', false, -8), m(4, 'aoe', true, -5)], null);
    expect(out.map((s) => s.schoolId)).toEqual([4, 2, 1, 3]);
    expect(out[0]!.accreditedAoe?.rank).toBe(-5);
    expect(out[2]!.accreditedAoe).toBeNull();
  });

  it('leaves out the EBI’s own school and groups a school’s matches, best first', () => {
    const out = rankSupportSuggestions([m(1, 'www', false, -1), m(1, 'www', false, -3), m(7, 'aoe', true, -9)], 7);
    expect(out).toHaveLength(1);
    expect(out[0]!.matches.map((x) => x.rank)).toEqual([-3, -1]);
    expect(out[0]!.bestRank).toBe(-3);
  });

  it('puts first the accredited AoE sharing more of the EBI’s words, then the better ranked one', () => {
    const out = rankSupportSuggestions([m(1, 'aoe', true, -9, '2026-01-01', 1), m(2, 'www', false, -20, '2026-01-01', 3), m(3, 'aoe', true, -1, '2026-01-01', 2), m(4, 'aoe', true, -5, '2026-01-01', 1)], null);
    expect(out.map((s) => s.schoolId)).toEqual([3, 1, 4, 2]);
  });

  it('does not put first an accredited AoE that shares no word with the EBI as written (a stemming match)', () => {
    const out = rankSupportSuggestions([m(1, 'aoe', true, -9, '2026-01-01', 0), m(2, 'www', false, -3, '2026-01-01', 2)], null);
    expect(out.map((s) => s.schoolId)).toEqual([1, 2]);
    expect(out[0]!.accreditedAoe).toBeNull();
    expect(out[0]!.matches.map((x) => x.kind)).toEqual(['aoe']);
  });

  it('breaks ties by the more recent review, then school id', () => {
    const out = rankSupportSuggestions([m(5, 'www', false, -1, '2025-01-01'), m(3, 'www', false, -1, '2026-01-01'), m(2, 'www', false, -1, '2025-01-01')], null);
    expect(out.map((s) => s.schoolId)).toEqual([3, 2, 5]);
  });
});

describe('words an EBI shares with a text', () => {
  it('counts key terms present as words, plurals aside, without stemming', () => {
    expect(sharedTerms('Developing middle leaders', ['middle', 'leaders', 'quality'])).toBe(2);
    expect(sharedTerms('Trauma-informed behaviour practice', ['information', 'reliable'])).toBe(0);
    expect(sharedTerms('Adaptive teaching for pupils with SEND', ['adaptive', 'send', 'subject'])).toBe(2);
    expect(sharedTerms('Retrieval practice and assessments for learning', ['assessment', 'practices'])).toBe(2);
    expect(sharedTerms('Early reading', [])).toBe(0);
  });
});
