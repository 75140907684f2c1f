/** The fixed vocabularies of the domain (phases, QA headings and estimates, categories, frameworks…), shared by importers, the demo, the rules and the screens. */

export const PHASES = ['Primary', 'Secondary', 'Special', 'Alternative Provision', 'Middle', '16 plus', 'All-through', 'Nursery'] as const;
export type Phase = (typeof PHASES)[number];

export const MEMBERSHIP_STATUSES = ['new', 'renewing', 'leaving'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** The three headings of QA Review estimates, with the short keys used in storage. */
export const QA_HEADINGS = [
  { key: 'leadership', label: 'Leadership at all levels' },
  { key: 'quality', label: 'Quality of provision and outcomes' },
  {
    key: 'disadvantaged',
    label: 'Quality of provision and outcomes for disadvantaged pupils and pupils with additional needs',
  },
] as const;
export type QaHeadingKey = (typeof QA_HEADINGS)[number]['key'];

export const QA_ESTIMATES = ['Leading', 'Effective', 'Working towards effective', 'Ineffective'] as const;
export type QaEstimate = (typeof QA_ESTIMATES)[number];

export const REVIEWER_STATUSES = ['booked', 'attended', 'dropped'] as const;
export type ReviewerStatus = (typeof REVIEWER_STATUSES)[number];

export const CLAIM_STATUSES = ['submitted', 'approved', 'paid', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** The five network spend categories, seeded into the editable list. */
export const SEED_SPEND_CATEGORIES = [
  'Workshops and events',
  'Staff training',
  'Research projects',
  'Hub administration',
  'School-to-school support',
] as const;

export const TERMS = ['autumn', 'spring', 'summer'] as const;
export type Term = (typeof TERMS)[number];

/** Ofsted frameworks as stored on each inspection: OEIF (to August 2024), the 2024–25 interim framework, report cards (from November 2025). */
export const OFSTED_FRAMEWORKS = {
  /** Until August 2024: overall effectiveness and key judgements graded 1–4. */
  oeif: 'oeif',
  /** An ungraded (section 8) inspection: a text outcome, no grades. */
  ungraded: 'ungraded',
  /** September 2024 to 9 November 2025: key judgements 1–4, overall effectiveness "Not judged". */
  interim: 'interim_2024',
  /** From 10 November 2025: report cards, five-point scale per evaluation area. */
  reportCard: 'report_card',
} as const;
export type OfstedFramework = (typeof OFSTED_FRAMEWORKS)[keyof typeof OFSTED_FRAMEWORKS];

/** Area names for graded (OEIF and interim) inspections, as stored in ofsted_judgements.area. */
export const OEIF_AREAS = {
  overall: 'Overall effectiveness',
  quality: 'Quality of education',
  behaviour: 'Behaviour and attitudes',
  personal: 'Personal development',
  leadership: 'Leadership and management',
  safeguarding: 'Safeguarding is effective?',
  earlyYears: 'Early years provision',
  sixthForm: 'Sixth form provision',
} as const;

/** OEIF grade codes as Ofsted publishes them; 9 = not applicable. */
export const OEIF_GRADES: Record<string, string> = {
  '1': 'Outstanding',
  '2': 'Good',
  '3': 'Requires improvement',
  '4': 'Inadequate',
};

/** Evaluation areas of report-card inspections, as stored in ofsted_judgements.area. */
export const REPORT_CARD_AREAS = {
  safeguarding: 'Safeguarding standards',
  inclusion: 'Inclusion',
  curriculum: 'Curriculum and teaching',
  achievement: 'Achievement',
  attendance: 'Attendance and behaviour',
  personal: 'Personal development and wellbeing',
  earlyYears: 'Early years',
  post16: 'Post-16 provision',
  leadership: 'Leadership and governance',
} as const;

export const REPORT_CARD_GRADES = ['Exceptional', 'Strong standard', 'Expected standard', 'Needs attention', 'Urgent improvement'] as const;
export type ReportCardGrade = (typeof REPORT_CARD_GRADES)[number];
export const SAFEGUARDING_OUTCOMES = ['Met', 'Not met'] as const;

/** The first day of the report-card framework. */
export const REPORT_CARD_START = '2025-11-10';
/** The first day without an overall effectiveness grade. */
export const NO_OVERALL_GRADE_FROM = '2024-09-01';
