/**
 * How a graded inspection reads for the vulnerable-school rules, in all three frameworks.
 *
 * The DfE rules were written for overall grades, which Ofsted stopped giving in September 2024. Its
 * successor programme targets schools "Requires improvement or equivalent", and "equivalent" for an
 * inspection without an overall grade is read through the quality-of-education judgement (2024–25)
 * or the report card's areas. So each graded inspection reads as one of three:
 *
 * | framework                  | RI-equivalent                              | Inadequate-equivalent                                        |
 * |----------------------------|--------------------------------------------|--------------------------------------------------------------|
 * | until Aug 2024 (OEIF)      | overall 3                                  | overall 4, or a category of concern                          |
 * | Sep 2024 – Nov 2025        | quality of education 3                     | quality of education 4, or a category of concern             |
 * | report cards (10 Nov 2025) | any area Needs attention (none Urgent)     | any area Urgent improvement, safeguarding Not met, or concern |
 *
 * Anything graded and not below that is *Good or better*. An inspection with no grade to read (an
 * ungraded visit, an OEIF inspection whose overall cell is blank, 9 or "Not judged", a 2024–25
 * inspection without a quality-of-education grade, a report card with no area graded) has no reading:
 * cells that say "Not applicable", 9 or "Not judged" are stored as given and never read as a grade.
 * Every reading says what it rests on, so a person can see it beside the grade and disagree.
 */
import { categoryOfConcern, judgementFor, normaliseOeifGrade, normaliseReportCardAreaGrade, type OfstedInspection } from './ofsted';
import { OEIF_AREAS, OEIF_GRADES, OFSTED_FRAMEWORKS, type ReportCardGrade } from './vocabulary';

export const OFSTED_READINGS = ['Good or better', 'RI-equivalent', 'Inadequate-equivalent'] as const;
export type OfstedReading = (typeof OFSTED_READINGS)[number];

export interface InspectionReading {
  reading: OfstedReading;
  /** The grades the reading rests on: "Needs attention (Curriculum and teaching)", "Overall effectiveness: Requires improvement". */
  basis: string;
  /** The basis and the reading in one phrase: "Needs attention (Curriculum and teaching) → read as RI-equivalent". */
  label: string;
}

/** The report-card grades below Expected standard, worst first. */
const URGENT: ReportCardGrade = 'Urgent improvement';
const NEEDS_ATTENTION: ReportCardGrade = 'Needs attention';

function reading(value: OfstedReading, basis: string): InspectionReading {
  return { reading: value, basis, label: `${basis} → read as ${value}` };
}

/** A 1–4 code read as good or better (1, 2), RI-equivalent (3) or Inadequate-equivalent (4). */
function fromCode(code: '1' | '2' | '3' | '4', area: string): InspectionReading {
  const basis = `${area}: ${OEIF_GRADES[code] ?? code}`;
  return reading(code === '4' ? 'Inadequate-equivalent' : code === '3' ? 'RI-equivalent' : 'Good or better', basis);
}

function concernReading(i: OfstedInspection): InspectionReading | null {
  const concern = categoryOfConcern(i.categoryOfConcern);
  return concern ? reading('Inadequate-equivalent', `Category of concern: ${concern.toLowerCase()}`) : null;
}

function reportCardReading(i: OfstedInspection): InspectionReading | null {
  const urgent: string[] = [];
  const attention: string[] = [];
  let graded = 0;
  let safeguardingNotMet = false;
  for (const j of i.judgements) {
    const g = normaliseReportCardAreaGrade(j.area, j.grade);
    if (g.kind === 'safeguarding') {
      graded += 1;
      if (g.outcome === 'Not met') safeguardingNotMet = true;
    } else if (g.kind === 'grade') {
      graded += 1;
      if (g.grade === URGENT) urgent.push(j.area);
      else if (g.grade === NEEDS_ATTENTION) attention.push(j.area);
    }
  }
  const worst = [...(urgent.length > 0 ? [`${URGENT} (${urgent.join(', ')})`] : []), ...(safeguardingNotMet ? ['Safeguarding not met'] : [])];
  if (worst.length > 0) return reading('Inadequate-equivalent', worst.join('; '));
  if (attention.length > 0) return reading('RI-equivalent', `${NEEDS_ATTENTION} (${attention.join(', ')})`);
  return graded > 0 ? reading('Good or better', 'No area below Expected standard') : null;
}

/** How one inspection reads for the vulnerable-school rules, or null when it has no grade to read. */
export function readInspection(i: OfstedInspection): InspectionReading | null {
  switch (i.framework) {
    case OFSTED_FRAMEWORKS.oeif:
    case OFSTED_FRAMEWORKS.interim: {
      const concern = concernReading(i);
      if (concern) return concern;
      const area = i.framework === OFSTED_FRAMEWORKS.oeif ? OEIF_AREAS.overall : OEIF_AREAS.quality;
      const g = normaliseOeifGrade(judgementFor(i, area)?.grade);
      return g.kind === 'grade' ? fromCode(g.code, area) : null;
    }
    case OFSTED_FRAMEWORKS.reportCard: {
      const concern = concernReading(i);
      const cards = reportCardReading(i);
      // A category of concern is itself Inadequate-equivalent; the areas below it are named too.
      if (concern) return cards && cards.reading === 'Inadequate-equivalent' ? reading('Inadequate-equivalent', `${concern.basis}; ${cards.basis}`) : concern;
      return cards;
    }
    default:
      return null;
  }
}

/** Below Good: RI-equivalent or Inadequate-equivalent. */
export function belowGood(r: InspectionReading | null): boolean {
  return r !== null && r.reading !== 'Good or better';
}
