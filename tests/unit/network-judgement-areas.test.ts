import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OfstedInspection } from '@shared/domain/ofsted';
import { ofstedPosition } from '@shared/domain/ofsted-profile';
import { vulnerableFlag } from '@shared/domain/vulnerable';
import { OEIF_AREAS, OFSTED_FRAMEWORKS, REPORT_CARD_AREAS, type OfstedFramework } from '@shared/domain/vocabulary';
import { NETWORK_ALL_JUDGEMENTS_FRAMEWORK, NETWORK_JUDGEMENT_AREAS_LIKE } from '../../electron/core/dashboards/network-rows';

/** SQLite's LIKE as the network's query uses it: % is any run of characters, ASCII letters match either case. */
function like(pattern: string): (text: string) => boolean {
  const source = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/_/g, '.'))
    .join('.*');
  const re = new RegExp(`^${source}$`, 's');
  return (text) => re.test(text.replace(/[A-Z]/g, (c) => c.toLowerCase()));
}

const day = fc
  .record({ y: fc.integer({ min: 2016, max: 2027 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Area names as sources spell them: every known area, with case and spacing varied. */
const area = fc
  .tuple(fc.constantFrom(...Object.values(OEIF_AREAS), ...Object.values(REPORT_CARD_AREAS), 'Overall  effectiveness', 'Effectiveness overall', 'Other'), fc.boolean(), fc.boolean())
  .map(([name, upper, padded]) => `${padded ? ' ' : ''}${upper ? name.toUpperCase() : name}${padded ? '  ' : ''}`);

const inspection: fc.Arbitrary<OfstedInspection> = fc.record({
  startDate: day,
  publicationDate: fc.option(day, { nil: null }),
  framework: fc.constantFrom<OfstedFramework>(...Object.values(OFSTED_FRAMEWORKS)),
  inspectionType: fc.constant(null),
  categoryOfConcern: fc.constantFrom(null, '', 'Special measures', 'Serious weaknesses'),
  outcomeText: fc.constant(null),
  judgements: fc.array(fc.record({ area, grade: fc.constantFrom('1', '2', '3', '4', '9', 'Not judged', 'Needs attention', 'Urgent improvement', 'Expected standard', 'Met', 'Not met'), gradeDate: fc.option(day, { nil: null }) }), { maxLength: 9 }),
});

describe('the network reads only the judgements its figures use', () => {
  it('the profile key and the vulnerable flag are the same from the judgements the network query keeps as from all of them', () => {
    const patterns = NETWORK_JUDGEMENT_AREAS_LIKE.map(like);
    const kept = (i: OfstedInspection, area: string) => i.framework === NETWORK_ALL_JUDGEMENTS_FRAMEWORK || patterns.some((p) => p(area));
    fc.assert(
      fc.property(fc.array(inspection, { maxLength: 8 }), day, (history, today) => {
        const narrowed = history.map((i) => ({ ...i, judgements: i.judgements.filter((j) => kept(i, j.area)) }));
        expect(ofstedPosition(narrowed).profileKey).toBe(ofstedPosition(history).profileKey);
        const all = vulnerableFlag(history, today);
        const read = vulnerableFlag(narrowed, today);
        expect(read.vulnerable).toBe(all.vulnerable);
        expect(read.reasons).toEqual(all.reasons);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the overall effectiveness and the quality of education however they are spelt, and leaves the other areas out', () => {
    const patterns = NETWORK_JUDGEMENT_AREAS_LIKE.map(like);
    const kept = (area: string) => patterns.some((p) => p(area));
    expect(kept('Overall effectiveness')).toBe(true);
    expect(kept(' OVERALL  EFFECTIVENESS ')).toBe(true);
    expect(kept('Quality of education')).toBe(true);
    expect(kept('QUALITY OF  EDUCATION')).toBe(true);
    expect(kept('Behaviour and attitudes')).toBe(false);
    expect(kept('Leadership and governance')).toBe(false);
  });
});
