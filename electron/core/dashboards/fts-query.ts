/**
 * Turns what a person types into search terms: letters and digits only, so no search syntax in the
 * input (", *, ^, :, (, ), NEAR, AND, OR, NOT, &, |, !, -, +, column filters) ever reaches the
 * engine as syntax; the store's text search (db/store.ts) turns terms into its own query.
 */

/** At most this many terms reach the text search (a pasted paragraph stays a cheap query). */
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
