/**
 * The columns of Ofsted's management-information file, as Ofsted names them, grouped by the
 * inspection they describe. One file can describe up to four inspections of a school per row:
 *
 * - `full`: the latest full inspection. In the 2026 edition these are the report-card columns
 *   (`Inspection start date`, `Safeguarding standards`, `Inclusion`, … each with `… - date of grade`);
 *   in editions up to 2025 the same `Inspection start date` heads the latest graded (OEIF) inspection
 *   (`Overall effectiveness`, `Quality of education`, …). Which one a row holds is read per row.
 * - `oeif`: the latest OEIF graded inspection (2026 edition: `… of latest OEIF graded inspection`,
 *   `Latest OEIF …`), which is an interim (2024–25) inspection when it started from September 2024.
 * - `previous`: the previous graded inspection (`Previous inspection start date`, `Previous …`).
 * - `ungraded`: the latest ungraded inspection (`Date of latest ungraded inspection`, outcome text).
 *
 * Headers are compared after trimming, collapsing spaces (one real header has a double space) and
 * lower-casing; each field lists every spelling seen across editions.
 */
import { OEIF_AREAS, REPORT_CARD_AREAS } from '@shared/domain/vocabulary';

export function headerKey(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export type OeifAreaKey = keyof typeof OEIF_AREAS;
export type ReportCardAreaKey = keyof typeof REPORT_CARD_AREAS;
export type GroupKind = 'full' | 'oeif' | 'previous' | 'ungraded';

interface GroupSpec {
  kind: GroupKind;
  /** How messages name the inspection. */
  label: string;
  number: string[];
  type: string[];
  start: string[];
  publication: string[];
  urnAtTime: string[];
  category: string[];
  outcome: string[];
  oeif: Partial<Record<OeifAreaKey, string[]>>;
  reportCard: Partial<Record<ReportCardAreaKey, { grade: string[]; date: string[] }>>;
}

const GROUPS: readonly GroupSpec[] = [
  {
    kind: 'full',
    label: 'latest full inspection',
    number: ['Inspection number of latest full inspection', 'Inspection number of latest graded inspection', 'Inspection number'],
    type: ['Inspection type'],
    start: ['Inspection start date'],
    publication: ['Publication date'],
    urnAtTime: ['URN at time of latest full inspection', 'URN at time of latest graded inspection'],
    category: ['Category of concern'],
    outcome: [],
    oeif: {
      overall: ['Overall effectiveness'],
      quality: ['Quality of education'],
      behaviour: ['Behaviour and attitudes'],
      personal: ['Personal development'],
      leadership: ['Effectiveness of leadership and management'],
      safeguarding: ['Safeguarding is effective?', 'Is safeguarding effective?'],
      earlyYears: ['Early years provision (where applicable)'],
      sixthForm: ['Sixth form provision (where applicable)'],
    },
    reportCard: {
      safeguarding: { grade: ['Safeguarding standards'], date: ['Safeguarding standards - date of grade'] },
      inclusion: { grade: ['Inclusion'], date: ['Inclusion - date of grade'] },
      curriculum: { grade: ['Curriculum and teaching'], date: ['Curriculum and teaching - date of grade'] },
      achievement: { grade: ['Achievement'], date: ['Achievement - date of grade'] },
      attendance: { grade: ['Attendance and behaviour'], date: ['Attendance and behaviour - date of grade'] },
      personal: {
        grade: ['Personal development and wellbeing', 'Personal development and well-being'],
        date: ['Personal development and wellbeing - date of grade', 'Personal development and well-being - date of grade'],
      },
      earlyYears: { grade: ['Early years (where applicable)', 'Early years'], date: ['Early years - date of grade'] },
      post16: { grade: ['Post-16 provision (where applicable)', 'Post-16 provision'], date: ['Post-16 provision - date of grade'] },
      leadership: { grade: ['Leadership and governance'], date: ['Leadership and governance - date of grade'] },
    },
  },
  {
    kind: 'oeif',
    label: 'latest OEIF graded inspection',
    number: ['Inspection number of latest OEIF graded inspection'],
    type: ['Inspection type of latest OEIF graded inspection'],
    start: ['Inspection start date of latest OEIF graded inspection'],
    publication: ['Publication date of latest OEIF graded inspection'],
    urnAtTime: ['URN at time of latest OEIF graded inspection'],
    category: ['Latest OEIF category of concern'],
    outcome: [],
    oeif: {
      overall: ['Latest OEIF overall effectiveness'],
      quality: ['Latest OEIF quality of education'],
      behaviour: ['Latest OEIF behaviour and attitudes'],
      personal: ['Latest OEIF personal development'],
      leadership: ['Latest OEIF effectiveness of leadership and management'],
      safeguarding: ['Latest OEIF safeguarding is effective?'],
      earlyYears: ['Latest OEIF early years provision (where applicable)'],
      sixthForm: ['Latest OEIF sixth form provision (where applicable)'],
    },
    reportCard: {},
  },
  {
    kind: 'previous',
    label: 'previous graded inspection',
    number: ['Previous graded inspection number', 'Previous full inspection number', 'Previous inspection number'],
    type: ['Previous inspection type'],
    start: ['Previous inspection start date'],
    publication: ['Previous publication date'],
    urnAtTime: ['URN at time of previous graded inspection', 'URN at time of previous full inspection', 'URN at time of previous inspection'],
    category: ['Previous category of concern'],
    outcome: [],
    oeif: {
      overall: ['Previous graded inspection overall effectiveness', 'Previous full inspection overall effectiveness', 'Previous overall effectiveness'],
      quality: ['Previous quality of education'],
      behaviour: ['Previous behaviour and attitudes'],
      personal: ['Previous personal development'],
      leadership: ['Previous effectiveness of leadership and management'],
      safeguarding: ['Previous safeguarding is effective?', 'Previous is safeguarding effective?'],
      earlyYears: ['Previous early years provision (where applicable)'],
      sixthForm: ['Previous sixth form provision (where applicable)'],
    },
    reportCard: {},
  },
  {
    kind: 'ungraded',
    label: 'latest ungraded inspection',
    number: ['Latest ungraded inspection number', 'Latest ungraded inspection number since last graded inspection'],
    type: [],
    start: ['Date of latest ungraded inspection'],
    publication: ['Ungraded inspection publication date'],
    urnAtTime: ['URN at time of the ungraded inspection'],
    category: [],
    outcome: ['Ungraded inspection overall outcome'],
    oeif: {},
    reportCard: {},
  },
];

const URN_HEADERS = ['URN'];
const NAME_HEADERS = ['School name'];

/** A column of the file: its index (0-based) and its header as the file spells it. */
export interface Column {
  index: number;
  header: string;
}

export interface GroupColumns {
  kind: GroupKind;
  label: string;
  number: Column | null;
  type: Column | null;
  start: Column;
  publication: Column | null;
  urnAtTime: Column | null;
  category: Column | null;
  outcome: Column | null;
  oeif: Partial<Record<OeifAreaKey, Column>>;
  reportCard: Partial<Record<ReportCardAreaKey, { grade: Column; date: Column | null }>>;
}

export interface OfstedColumns {
  urn: Column;
  name: Column | null;
  groups: GroupColumns[];
  /** Every publication-date column (for the file's as-at date). */
  publicationColumns: Column[];
}

/** Excel's column letters for a 0-based index (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function describeColumn(c: Column): string {
  return `"${c.header.trim().replace(/\s+/g, ' ')}" (column ${columnLetter(c.index)})`;
}

/**
 * Maps the header row to the groups above. Returns the problems that make the file unreadable
 * (no URN column, no inspection columns, a used header repeated, grades without their start date).
 */
export function mapColumns(header: readonly string[]): { columns: OfstedColumns | null; problems: string[] } {
  const byKey = new Map<string, number[]>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (k === '') return;
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  const problems: string[] = [];
  const find = (spellings: readonly string[]): Column | null => {
    for (const s of spellings) {
      const at = byKey.get(headerKey(s));
      if (!at) continue;
      if (at.length > 1) {
        problems.push(`The column "${s}" appears ${at.length} times (columns ${at.map(columnLetter).join(', ')}): which one to read is unclear.`);
      }
      return { index: at[0]!, header: header[at[0]!]! };
    }
    return null;
  };

  const urn = find(URN_HEADERS);
  const name = find(NAME_HEADERS);
  const groups: GroupColumns[] = [];
  const publicationColumns: Column[] = [];
  for (const spec of GROUPS) {
    const start = find(spec.start);
    const oeif: GroupColumns['oeif'] = {};
    for (const [area, spellings] of Object.entries(spec.oeif) as [OeifAreaKey, string[]][]) {
      const c = find(spellings);
      if (c) oeif[area] = c;
    }
    const reportCard: GroupColumns['reportCard'] = {};
    for (const [area, s] of Object.entries(spec.reportCard) as [ReportCardAreaKey, { grade: string[]; date: string[] }][]) {
      const grade = find(s.grade);
      if (grade) reportCard[area] = { grade, date: find(s.date) };
    }
    const publication = find(spec.publication);
    if (publication) publicationColumns.push(publication);
    const category = find(spec.category);
    const outcome = find(spec.outcome);
    if (!start) {
      const orphans = [...Object.values(oeif), ...Object.values(reportCard).map((r) => r.grade), ...(outcome ? [outcome] : [])];
      if (orphans.length > 0) {
        problems.push(
          `The file has grades of the ${spec.label} (${orphans.slice(0, 3).map(describeColumn).join(', ')}) but no "${spec.start[0]}" column to date them.`,
        );
      }
      continue;
    }
    groups.push({
      kind: spec.kind,
      label: spec.label,
      number: find(spec.number),
      type: find(spec.type),
      start,
      publication,
      urnAtTime: find(spec.urnAtTime),
      category,
      outcome,
      oeif,
      reportCard,
    });
  }
  if (!urn) problems.unshift('The file has no "URN" column: it does not look like Ofsted\'s management-information file.');
  if (groups.length === 0) {
    problems.push(
      'The file has no inspection columns ("Inspection start date", "Inspection start date of latest OEIF graded inspection", ' +
        '"Previous inspection start date" or "Date of latest ungraded inspection").',
    );
  }
  if (!urn || problems.length > 0) return { columns: null, problems };
  return { columns: { urn, name, groups, publicationColumns }, problems };
}
