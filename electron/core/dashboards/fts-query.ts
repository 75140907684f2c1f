/**
 * Turns what a person types into a safe SQLite FTS5 query. Every term is reduced to letters and
 * digits and wrapped in double quotes, so FTS5 syntax in the input (", *, ^, :, (, ), NEAR, AND, OR,
 * NOT, -, +, column filters) is only ever searched for as plain words and can never make the query
 * fail to parse.
 */

/** At most this many terms reach FTS5 (a pasted paragraph stays a cheap query). */
export const MAX_TERMS = 12;
/** Terms are clipped to this many characters. */
export const MAX_TERM_LENGTH = 40;

/** Letters (any script) and digits; everything else separates terms. */
const TERM = /[\p{L}\p{N}]+/gu;

export function terms(input: string, limit = MAX_TERMS): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const match of input.normalize('NFKC').matchAll(TERM)) {
    const term = match[0].slice(0, MAX_TERM_LENGTH).toLowerCase();
    if (seen.has(term)) continue;
    seen.add(term);
    out.push(term);
    if (out.length >= limit) break;
  }
  return out;
}

function quote(term: string): string {
  // terms() leaves no quotes, but doubling them keeps this safe for any caller.
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * Search-box query: every term must appear (AND); the last term also matches as a prefix, so
 * results follow the typing. '' when the input has no terms.
 */
export function searchQuery(input: string): { query: string; terms: string[] } {
  const t = terms(input);
  if (t.length === 0) return { query: '', terms: [] };
  const parts = t.map((term, i) => (i === t.length - 1 ? `${quote(term)}*` : quote(term)));
  return { query: parts.join(' '), terms: t };
}

/**
 * Words that say little about what an EBI is about: English function words and the words every QA
 * review uses. Matching on them would suggest every school.
 */
export const SUPPORT_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'across', 'after', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'being', 'both',
  'but', 'by', 'can', 'could', 'did', 'do', 'does', 'each', 'even', 'ever', 'for', 'from', 'further', 'had', 'has', 'have', 'how',
  'if', 'in', 'into', 'is', 'it', 'its', 'made', 'make', 'many', 'more', 'most', 'much', 'not', 'of', 'on', 'or', 'other', 'our',
  'out', 'over', 'own', 'rather', 'same', 'should', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there',
  'these', 'they', 'this', 'those', 'through', 'to', 'too', 'up', 'use', 'used', 'very', 'was', 'were', 'what', 'when', 'where',
  'which', 'while', 'who', 'will', 'with', 'would', 'better', 'well', 'consistently', 'consistent',
  // Words in almost every WWW and EBI.
  'pupils', 'pupil', 'school', 'schools', 'staff', 'leaders', 'leader', 'given', 'time', 'areas', 'area', 'every', 'strong',
  'stronger', 'able', 'key', 'stage', 'stages', 'teacher', 'teachers',
]);

/** The key terms of an EBI: its words minus stop words and very short words, in order, each once. */
export function keyTerms(text: string): string[] {
  return terms(text.normalize('NFKC').replace(/[’']s\b/gu, ''), Number.MAX_SAFE_INTEGER)
    .filter((t) => t.length >= 3 && !SUPPORT_STOP_WORDS.has(t))
    .slice(0, MAX_TERMS);
}

/** Any of the key terms (OR), so texts sharing more of them rank higher; '' when there are none. */
export function anyTermQuery(keys: readonly string[]): string {
  return keys.map(quote).join(' OR ');
}
