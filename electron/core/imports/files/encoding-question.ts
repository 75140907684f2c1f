import type { EncodingOption } from './encoding';

/** The refusal of a text file whose encoding could not be told: each likely encoding with a row read in it. */
export function encodingQuestion(fileName: string, uncertain: { reason: string; options: EncodingOption[] }): string {
  const samples = uncertain.options.map((o) => `as ${o.encoding}: "${o.sample}"`).join('; ');
  return `${fileName}: its text encoding cannot be told (${uncertain.reason}), so its names could be read wrongly. Read ${samples}. Choose the encoding whose row reads right (--encoding "${uncertain.options[0]?.encoding ?? 'Windows-1252'}" on the command line) and preview again, or save the file from Excel as "CSV UTF-8".`;
}
