import type { QaHeadingKey } from '@shared/domain/vocabulary';

/** What review teams write, by heading: the demo's WWWs (What Went Well). */
export const WWW_TEXTS: Record<QaHeadingKey, readonly string[]> = {
  leadership: [
    'Senior leaders have a clear, shared vision that staff at every level can articulate.',
    'Middle leaders are empowered to lead improvement in their areas and hold their teams to account.',
    'Governors know the school well and provide effective challenge to leaders.',
    'A well-structured coaching programme has developed a strong pipeline of future leaders.',
    'Staff wellbeing is prioritised; workload decisions are made with staff, not for them.',
    'Leaders use the trust’s shared assessment data to target support quickly and precisely.',
    'Subject leaders have a secure understanding of curriculum sequencing across key stages.',
    'Professional development is research-informed and closely linked to the school improvement plan.',
  ],
  quality: [
    'Pupils read widely and often; the reading curriculum is ambitious and well sequenced.',
    'Teachers check understanding skilfully and adapt explanations in the moment.',
    'Retrieval practice is used consistently, and pupils recall prior learning with confidence.',
    'The mathematics curriculum builds fluency and reasoning systematically from Reception.',
    'Pupils behave well in lessons; routines are calm, consistent and understood by all.',
    'Oracy is woven through the curriculum; pupils speak in full sentences using subject vocabulary.',
    'Outcomes in English and mathematics at the end of Key Stage 2 are well above national averages.',
    'The sixth form curriculum offers breadth, and progression to university and apprenticeships is strong.',
    'Practical science is frequent and purposeful, and pupils can explain the method behind results.',
  ],
  disadvantaged: [
    'Disadvantaged pupils are identified early and their progress is tracked termly by senior leaders.',
    'Adaptive teaching strategies mean pupils with SEND access the same ambitious curriculum as their peers.',
    'The SENDCo provides high-quality training so that teaching assistants are deployed effectively.',
    'Attendance of disadvantaged pupils has improved markedly through a family liaison approach.',
    'Pupils with EAL are supported to access the curriculum quickly through structured vocabulary work.',
    'The nurture provision supports pupils with social, emotional and mental health needs very well.',
    'Pupil premium funding is targeted at evidence-based tutoring with clear impact on outcomes.',
  ],
};

/** What review teams suggest, by heading: the demo's EBIs (Even Better If). */
export const EBI_TEXTS: Record<QaHeadingKey, readonly string[]> = {
  leadership: [
    'Middle leaders were given more time to quality assure their areas and share findings with senior leaders.',
    'Leaders evaluated the impact of professional development more systematically.',
    'Governors received more precise information about the progress of vulnerable groups.',
    'Succession planning for key leadership roles was formalised.',
    'Monitoring focused more on pupils’ learning over time rather than single lessons.',
  ],
  quality: [
    'Reading fluency in Key Stage 3 was assessed and addressed for the weakest readers.',
    'Teachers used more precise questioning to deepen thinking for the most able.',
    'Feedback was consistently acted upon by pupils so that it moved learning forward.',
    'Curriculum plans in the foundation subjects made the most important knowledge explicit.',
    'Writing across the curriculum was as strong as writing in English lessons.',
    'Assessment in the wider curriculum gave leaders reliable information about what pupils know.',
  ],
  disadvantaged: [
    'Adaptive teaching for pupils with SEND was consistent across all subjects.',
    'The attendance of persistently absent disadvantaged pupils improved further.',
    'Support plans for pupils with SEND were shared with and used by all staff.',
    'Pupils with SEND had more opportunities for independent learning.',
    'The impact of interventions for disadvantaged pupils was evaluated more rigorously.',
    'Parents of pupils with additional needs were more involved in planning support.',
  ],
};

/** Areas of Excellence schools propose. */
export const AOE_TITLES: readonly string[] = [
  'Early reading and phonics',
  'Adaptive teaching for pupils with SEND',
  'Oracy across the curriculum',
  'Mathematics mastery in Key Stage 1',
  'Developing middle leaders',
  'Curriculum design in the foundation subjects',
  'Attendance and family engagement',
  'Trauma-informed behaviour practice',
  'Retrieval practice and assessment for learning',
  'Sixth form guidance and progression',
  'Inclusion of pupils with complex needs in mainstream',
  'Staff wellbeing and workload',
  'Using AI to reduce teacher workload',
  'Careers education and employer links',
  'Outdoor learning and the early years environment',
  'Disciplinary literacy in Key Stage 3',
];

export const ESTIMATE_WEIGHTS = [
  ['Leading', 15],
  ['Effective', 60],
  ['Working towards effective', 21],
  ['Ineffective', 4],
] as const;

/** Words that tie a text to the younger or the older years of schooling. */
const PRIMARY_ONLY = /\b(Key Stage [12]|Reception|phonics|early years|Early reading)\b/i;
const SECONDARY_ONLY = /\b(Key Stage [345]|sixth form|university|Careers|Disciplinary literacy)\b/i;
const SIXTH_FORM = /\b(sixth form|university)\b/i;

/**
 * Whether a review text fits a school of this phase: no Key Stage 3 or sixth form in a primary,
 * no phonics or Reception in a secondary. Special and AP schools, and all-through schools, span both.
 */
export function fitsPhase(text: string, phase: string): boolean {
  switch (phase) {
    case 'Primary':
    case 'Nursery':
      return !SECONDARY_ONLY.test(text);
    case 'Secondary':
    case '16 plus':
      return !PRIMARY_ONLY.test(text);
    case 'Middle':
      return !SIXTH_FORM.test(text) && !/\b(Reception|early years)\b/i.test(text);
    default:
      return true;
  }
}
