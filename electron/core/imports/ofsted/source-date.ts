/**
 * The "as at" date of an Ofsted file (the provenance every screen shows beside a grade).
 *
 * **Decision**: Ofsted names its monthly files by their as-at date ("…_as_at_31_Oct_2026.csv",
 * "… 2026-10-31.xlsx"), so the date is taken from the file name when it holds one: a full date as
 * written; a month and year alone ("October 2026", "2026-10") mean the end of that month, when
 * Ofsted's monthly data is cut. Otherwise the file's own latest publication date is used: the file
 * cannot be older than the newest report it lists, so it is a safe lower bound. A file with neither
 * has no as-at date (null), and the preview says so.
 */

export type AsAtSource = 'file name' | 'latest publication date';

const MONTHS: readonly [RegExp, number][] = [
  [/^jan(uary)?$/, 1],
  [/^feb(ruary)?$/, 2],
  [/^mar(ch)?$/, 3],
  [/^apr(il)?$/, 4],
  [/^may$/, 5],
  [/^june?$/, 6],
  [/^july?$/, 7],
  [/^aug(ust)?$/, 8],
  [/^sep(t(ember)?)?$/, 9],
  [/^oct(ober)?$/, 10],
  [/^nov(ember)?$/, 11],
  [/^dec(ember)?$/, 12],
];
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const SEP = '[\\s_.\\-]*';

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  return MONTHS.find(([re]) => re.test(w))?.[1] ?? null;
}

function isoIfReal(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function endOfMonth(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  return isoIfReal(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** The as-at date a file name states, or null. Only the base name is read (not folders). */
export function asAtFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const name = base.replace(/\.[a-z0-9]+$/i, '');
  const tries: [RegExp, (m: RegExpExecArray) => string | null][] = [
    // 31 Oct 2026, 31st_October_2026
    [new RegExp(`(?<![0-9])(\\d{1,2})(?:st|nd|rd|th)?${SEP}${MONTH_WORD}(?![a-z])${SEP}(\\d{4})(?![0-9])`, 'i'), (m) => isoIfReal(Number(m[3]), monthNumber(m[2]!) ?? 0, Number(m[1]))],
    // 2026-10-31, 2026_10_31
    [/(?<![0-9])(\d{4})[-_.](\d{2})[-_.](\d{2})(?![0-9])/, (m) => isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]))],
    // 31-10-2026, 31.10.2026
    [/(?<![0-9])(\d{2})[-_.](\d{2})[-_.](\d{4})(?![0-9])/, (m) => isoIfReal(Number(m[3]), Number(m[2]), Number(m[1]))],
    // October 2026
    [new RegExp(`(?<![a-z])${MONTH_WORD}(?![a-z])${SEP}(\\d{4})(?![0-9])`, 'i'), (m) => endOfMonth(Number(m[2]), monthNumber(m[1]!) ?? 0)],
    // 2026-10
    [/(?<![0-9])(\d{4})[-_.](\d{2})(?![0-9])/, (m) => endOfMonth(Number(m[1]), Number(m[2]))],
  ];
  for (const [re, toIso] of tries) {
    const m = re.exec(name);
    const date = m ? toIso(m) : null;
    if (date) return date;
  }
  return null;
}

export function sourceAsAt(fileName: string, publicationDates: Iterable<string>): { date: string | null; from: AsAtSource | null } {
  const fromName = asAtFromFileName(fileName);
  if (fromName) return { date: fromName, from: 'file name' };
  let latest: string | null = null;
  for (const d of publicationDates) if (latest === null || d > latest) latest = d;
  return latest ? { date: latest, from: 'latest publication date' } : { date: null, from: null };
}
