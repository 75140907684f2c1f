/**
 * Bytes of a CSV file → text. Ofsted publishes UTF-8 (with or without a byte-order mark); files that
 * went through Excel on Windows come back as Windows-1252. Strict UTF-8 is tried first; bytes that are
 * not valid UTF-8 are read as Windows-1252 (every byte is a character there, so it never fails).
 */

export type TextEncodingName = 'utf-8' | 'utf-8 with BOM' | 'windows-1252';

/** Windows-1252 characters for bytes 0x80–0x9F (the rest of the code page is ISO-8859-1). */
const CP1252_HIGH: readonly (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
];

/**
 * Node's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x93 stays a C1 control, not “), so the
 * code page is mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: hasBom ? 'utf-8 with BOM' : 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}
