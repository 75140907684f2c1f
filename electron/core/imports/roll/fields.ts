import crypto from 'node:crypto';
import { REQUIRED_ROLL_FIELDS, ROLL_FIELDS, type RollField, type RollMapping } from '@shared/contract/imports';

/** Header spellings seen in real rolls, compared after normaliseHeader. */
export const ROLL_HEADER_ALIASES: Record<RollField, readonly string[]> = {
  urn: ['URN', 'Unique Reference Number', 'School URN'],
  name: ['School', 'School name', 'Establishment name', 'EstablishmentName', 'Name'],
  hub: ['Hub', 'Hub name', 'CP Hub'],
  phase: ['Phase', 'Phase of education', 'PhaseOfEducation (name)', 'Ofsted phase'],
  pupils: ['Pupils', 'No. of pupils', 'Number of pupils', 'NOR', 'Number on roll', 'NumberOfPupils', 'Total number of pupils'],
  localAuthority: ['LA', 'Local authority', 'LA (name)'],
  trust: ['Trust', 'MAT', 'Multi-academy trust name', 'Trusts (name)'],
  headteacher: ['Headteacher', 'Head teacher', 'Head', 'Headteacher name'],
  email: ['Email', 'Head email', 'E-mail'],
  phone: ['Telephone', 'Phone', 'Tel'],
  postcode: ['Postcode', 'Post code'],
  status: ['Status', 'Membership status'],
  feePaid: ['Fee paid', 'Paid', 'Date paid'],
};

/** Case, spacing and punctuation insensitive: "No. of pupils " → "noofpupils". */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const aliasToField = new Map<string, RollField>();
for (const field of ROLL_FIELDS) for (const alias of ROLL_HEADER_ALIASES[field]) aliasToField.set(normaliseHeader(alias), field);

export function fieldForHeader(header: string): RollField | null {
  return aliasToField.get(normaliseHeader(header)) ?? null;
}

/** Maps each recognised header to its field; the first column wins when two headers name the same field. */
export function autoMap(headers: readonly string[]): RollMapping {
  const mapping: RollMapping = {};
  headers.forEach((h, i) => {
    const field = fieldForHeader(h);
    if (field && mapping[field] === undefined) mapping[field] = i + 1;
  });
  return mapping;
}

export function missingRequired(mapping: RollMapping): RollField[] {
  return REQUIRED_ROLL_FIELDS.filter((f) => mapping[f] === undefined);
}

/** Identifies a header row for remembered mappings: same headers in the same columns. */
export function headerSignature(headers: readonly string[]): string {
  let end = headers.length;
  while (end > 0 && normaliseHeader(headers[end - 1] ?? '') === '') end -= 1;
  return crypto.createHash('sha256').update(JSON.stringify(headers.slice(0, end).map(normaliseHeader))).digest('hex');
}

/** Column number → spreadsheet letters: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A mapping must not put two fields on one column, nor point past the header row. */
export function mappingProblems(mapping: RollMapping, headerCount: number): string[] {
  const problems: string[] = [];
  const used = new Map<number, RollField>();
  for (const field of ROLL_FIELDS) {
    const col = mapping[field];
    if (col === undefined) continue;
    if (col > Math.max(headerCount, 1)) problems.push(`${field} is mapped to column ${columnLetter(col)}, but the header row ends at column ${columnLetter(headerCount)}`);
    const other = used.get(col);
    if (other) problems.push(`${other} and ${field} are both mapped to column ${columnLetter(col)}`);
    used.set(col, field);
  }
  return problems;
}
