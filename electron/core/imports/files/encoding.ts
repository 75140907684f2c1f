import iconv from 'iconv-lite';

/**
 * The text encoding of a CSV file, which the file does not state. UTF-8 (with or without a BOM) and
 * UTF-16 are recognised from the bytes; otherwise the bytes are read in each single-byte encoding
 * that spreadsheet programs write ("CSV" from Excel on Windows: Windows-1252; "CSV (Macintosh)":
 * Mac Roman; "CSV (MS-DOS)": code page 850) and each reading is judged by whether its accented
 * letters and punctuation sit where text puts them (an apostrophe between letters, not a capital Õ
 * inside a word). One plausible reading is taken; when none is, the file is not guessed at: the
 * preview offers the likely encodings, each with a sample row, for a person to choose.
 */

export const TEXT_ENCODINGS = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'Windows-1252', 'Mac Roman', 'DOS Latin (850)'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const ICONV_NAME: Record<TextEncoding, string> = {
  'UTF-8': 'utf8',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
  'Windows-1252': 'win1252',
  'Mac Roman': 'macintosh',
  'DOS Latin (850)': 'cp850',
};

/** The single-byte encodings tried, most common first (a tie goes to the first). */
const SINGLE_BYTE: TextEncoding[] = ['Windows-1252', 'Mac Roman', 'DOS Latin (850)'];
/** Bytes judged (the start of the file is enough to tell; decoding all of it is cheap). */
const JUDGE_BYTES = 4 * 1024 * 1024;

export interface EncodingOption {
  encoding: TextEncoding;
  /** The first row with a non-ASCII character, read in this encoding. */
  sample: string;
}

/** A text file whose encoding its bytes did not tell: why, and the likely encodings, likeliest first, each with a sample row. */
export interface UncertainEncoding {
  reason: string;
  options: EncodingOption[];
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** How it was told: its byte-order mark, valid UTF-8, the only plausible reading, or a person's choice. */
  how: 'bom' | 'valid' | 'plausible' | 'chosen';
  /** Set when the encoding could not be told: the text above is only the likeliest reading. */
  uncertain: UncertainEncoding | null;
}

export function decode(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ICONV_NAME[encoding], { stripBOM: true });
}

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
/** Accented letters of western European names (Latin-1's letters, Œ, Š, Ž, Ÿ): any other letter (ı, ƒ, Greek…) is a misreading. */
const NAME_LETTER = /[À-ÖØ-öø-ÿŒœŠšŽžŸ]/;
/** Punctuation and signs that real text uses. */
const TEXT_PUNCTUATION = new Set('’‘“”–—…•«»£€©®°½¼¾\u00a0·'.split(''));

/** How plausible a reading is: the sum over its non-ASCII characters, and how many are implausible. */
export function plausibility(text: string): { score: number; implausible: number } {
  let score = 0;
  let implausible = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const c = text[i]!;
    const prev = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    const inWord = LETTER.test(prev) || LETTER.test(next);
    let s: number;
    if (code === 0xfffd || (code >= 0x80 && code <= 0x9f)) s = -5;
    else if (TEXT_PUNCTUATION.has(c)) s = c === '’' && LETTER.test(prev) ? 2 : 1;
    else if (LETTER.test(c) && !NAME_LETTER.test(c)) s = -3;
    else if (LOWER.test(c)) s = inWord || next === ' ' ? 1 : 0;
    else if (UPPER.test(c)) s = LOWER.test(prev) ? -3 : 1;
    else s = inWord ? -3 : -1;
    score += s;
    if (s < 0) implausible += 1;
  }
  return { score, implausible };
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a byte-order mark: many zero bytes, all on the same side of each pair. */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'UTF-16LE';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'UTF-16BE';
  return null;
}

/** How much of a row a sample shows (a GIAS row is over 1 KB, with the letters in question far along it). */
const SAMPLE_BYTES = 200;
/** How far back a long row's sample looks for the start of the field holding its first non-ASCII byte. */
const SAMPLE_BEFORE = 100;

/**
 * The first row with a non-ASCII byte, read in an encoding (a single-byte one: every byte is a
 * character). A long row is shown from the start of the field holding that byte, with … where it was cut.
 */
function sampleRow(bytes: Uint8Array, encoding: TextEncoding): string {
  const at = bytes.findIndex((b) => b >= 0x80);
  if (at < 0) return '';
  const lineStart = bytes.lastIndexOf(0x0a, at) + 1;
  let lineEnd = bytes.indexOf(0x0a, at);
  if (lineEnd < 0) lineEnd = bytes.length;
  if (bytes[lineEnd - 1] === 0x0d) lineEnd -= 1;
  let from = lineStart;
  if (lineEnd - lineStart > SAMPLE_BYTES) {
    const fieldStart = bytes.lastIndexOf(0x2c, at) + 1;
    from = Math.max(lineStart, fieldStart >= at - SAMPLE_BEFORE ? fieldStart : at - SAMPLE_BEFORE);
  }
  const to = Math.min(lineEnd, from + SAMPLE_BYTES);
  return `${from > lineStart ? '…' : ''}${decode(bytes.subarray(from, to), encoding)}${to < lineEnd ? '…' : ''}`;
}

export function decodeCsvBytes(bytes: Uint8Array, chosen?: TextEncoding): DecodedText {
  if (chosen) return { text: decode(bytes, chosen), encoding: chosen, how: 'chosen', uncertain: null };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return { text: decode(bytes, 'UTF-16LE'), encoding: 'UTF-16LE', how: 'bom', uncertain: null };
  if (b0 === 0xfe && b1 === 0xff) return { text: decode(bytes, 'UTF-16BE'), encoding: 'UTF-16BE', how: 'bom', uncertain: null };
  const utf8Bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = utf8Bom ? bytes.subarray(3) : bytes;
  if (validUtf8(body)) return { text: decode(body, 'UTF-8'), encoding: 'UTF-8', how: utf8Bom ? 'bom' : 'valid', uncertain: null };
  const utf16 = utf8Bom ? null : utf16WithoutBom(bytes);
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16, how: 'plausible', uncertain: null };

  const judged = SINGLE_BYTE.map((encoding) => ({ encoding, ...plausibility(decode(body.subarray(0, JUDGE_BYTES), encoding)) }));
  const clean = judged.filter((j) => j.implausible === 0).sort((x, y) => y.score - x.score);
  // A file that says it is UTF-8 (its byte-order mark) but is not has lied once: it is not guessed at.
  if (clean.length > 0 && !utf8Bom) {
    const best = clean[0]!;
    return { text: decode(body, best.encoding), encoding: best.encoding, how: 'plausible', uncertain: null };
  }
  const ranked = [...judged].sort((x, y) => x.implausible - y.implausible || y.score - x.score);
  const options = ranked.map((j) => ({ encoding: j.encoding, sample: sampleRow(body, j.encoding) }));
  const reason = utf8Bom
    ? 'it starts with the mark of a UTF-8 file, but its bytes are not UTF-8'
    : 'its bytes are not UTF-8, and no other encoding reads its accented letters and punctuation plausibly';
  return { text: decode(body, ranked[0]!.encoding), encoding: ranked[0]!.encoding, how: 'plausible', uncertain: { reason, options } };
}
