/**
 * The problem a preview lists while a CSV's text encoding is undecided (its bytes did not tell): every
 * importer says it the same way, beside the likely encodings each with a sample row, and it stops the
 * commit until a person chooses the encoding whose row reads right.
 */
export function undecidedEncoding(uncertain: { reason: string }): string {
  return `the text encoding cannot be told (${uncertain.reason}), so names could be read wrongly: choose the encoding whose sample row reads right`;
}
