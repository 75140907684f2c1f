import { checkRowCount, FILE_LIMITS, sizeText } from './limits';
import { FileRefused } from './refused';
import { resolveTarget, ZipArchive } from './zip';
import { attr, parseXmlStream, parseXmlText } from './xml';
import { decodeRef, fillMerges, type CellValue, type MergedRange, type RawRow, type RawSheet, type RawWorkbook } from './cells';
import { serialToIso } from './dates';

/**
 * Reads an .xlsx as any conforming writer produces it (Excel, LibreOffice, openpyxl, XlsxWriter,
 * exceljs, hand-made): the worksheets are found through the package's relationships (relative or
 * absolute targets), never by a guessed part name; shared and inline strings keep every rich-text
 * run (phonetic runs are not text); rows and cells without `r` follow the previous one; dates
 * are read through the cell's number format in the workbook's date system (1900 or 1904); formula
 * cells give their cached result; the Strict Open XML namespaces read as the transitional ones
 * (names are matched without their prefix or namespace); merged cells repeat their value.
 */

interface Relationship {
  type: string;
  target: string;
}

/** Number formats 14–17, 22, 27–36 and 50–58 are Excel's built-in date formats (18–21 and 45–47 are times of day). */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/** A custom number format shows a date when, outside quoted text, escapes and [brackets], it has a day or a year. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
  return /[dy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

function typeIs(type: string, name: string): boolean {
  return type.endsWith(`/${name}`);
}

export function notAWorkbook(zip: ZipArchive, fileName: string, advice: string): FileRefused {
  const mimetype = zip.readText('mimetype', 200)?.trim() ?? '';
  let what = 'a zip archive';
  if (mimetype.startsWith('application/vnd.oasis.opendocument.')) what = `an OpenDocument ${mimetype.includes('text') ? 'text document' : mimetype.includes('presentation') ? 'presentation' : 'file'}`;
  else if (zip.has('word/document.xml')) what = 'a Word document';
  else if (zip.has('ppt/presentation.xml')) what = 'a PowerPoint file';
  else if (zip.has('xl/workbook.bin')) return new FileRefused(`${fileName} is an Excel binary workbook (.xlsb), which hubdesk cannot read. Open it in Excel and save it as .xlsx (Excel Workbook).`);
  return new FileRefused(`${fileName} is not a spreadsheet: it is ${what}. ${advice}`);
}

export async function readXlsx(bytes: Buffer, fileName: string, advice: string): Promise<RawWorkbook> {
  const zip = new ZipArchive(bytes, fileName, 'Excel file');
  const broken = (part: string) => (message: string) => new FileRefused(`${fileName} could not be read as an Excel workbook: part ${part}: ${message}`);

  const relsOf = (part: string): Map<string, Relationship> => {
    const slash = part.lastIndexOf('/');
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    const out = new Map<string, Relationship>();
    const text = zip.readText(relsPart);
    if (text === null) return out;
    parseXmlText(
      text,
      {
        open(name, a) {
          if (name !== 'Relationship') return;
          const id = attr(a, 'Id');
          const target = attr(a, 'Target');
          if (!id || !target || attr(a, 'TargetMode') === 'External') return;
          out.set(id, { type: attr(a, 'Type') ?? '', target: resolveTarget(part, target) });
        },
      },
      broken(relsPart),
    );
    return out;
  };

  const root = [...relsOf('').values()].find((r) => typeIs(r.type, 'officeDocument'));
  const workbookPart = root && zip.has(root.target) ? root.target : zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  if (!workbookPart) throw notAWorkbook(zip, fileName, advice);
  const rels = relsOf(workbookPart);

  let date1904 = false;
  let isWorkbook = false;
  const sheetRefs: { name: string; rid: string }[] = [];
  parseXmlText(
    zip.readText(workbookPart)!,
    {
      open(name, a) {
        if (name === 'workbook') isWorkbook = true;
        else if (name === 'workbookPr') {
          const v = attr(a, 'date1904');
          date1904 = v === '1' || v === 'true';
        } else if (name === 'sheet') {
          const rid = attr(a, 'id');
          const sheetName = attr(a, 'name');
          if (rid && sheetName !== undefined) sheetRefs.push({ name: sheetName, rid });
        }
      },
    },
    broken(workbookPart),
  );
  if (!isWorkbook) throw notAWorkbook(zip, fileName, advice);

  const relOfType = (type: string, fallback: string) => [...rels.values()].find((r) => typeIs(r.type, type))?.target ?? (zip.has(fallback) ? fallback : null);
  const dateStyles = readDateStyles(zip, relOfType('styles', 'xl/styles.xml'), broken);
  const sharedPart = relOfType('sharedStrings', 'xl/sharedStrings.xml');
  const shared = sharedPart ? await readSharedStrings(zip, sharedPart, fileName, broken(sharedPart)) : [];

  const sheets: RawSheet[] = [];
  for (const ref of sheetRefs) {
    const rel = rels.get(ref.rid);
    if (!rel || !typeIs(rel.type, 'worksheet')) continue; // chart sheets and dialog sheets hold no rows
    if (!zip.has(rel.target)) throw zip.damaged(`sheet "${ref.name}" (${rel.target}) is missing`);
    sheets.push(await readSheet(zip, rel.target, ref.name, { shared, dateStyles, date1904, fileName }, broken(rel.target)));
  }
  return { format: 'xlsx', encoding: null, delimiter: null, sheets };
}

function readDateStyles(zip: ZipArchive, part: string | null, broken: (part: string) => (m: string) => FileRefused): Set<number> {
  const out = new Set<number>();
  const text = part ? zip.readText(part) : null;
  if (!text) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  parseXmlText(
    text,
    {
      open(name, a, selfClosing) {
        if (name === 'numFmt') custom.set(Number(attr(a, 'numFmtId')), attr(a, 'formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = !selfClosing;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attr(a, 'numFmtId') ?? 0);
          const code = custom.get(id);
          if (code !== undefined ? isDateFormat(code) : builtInDate(id)) out.add(index);
          index += 1;
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    broken(part!),
  );
  return out;
}

async function readSharedStrings(zip: ZipArchive, part: string, fileName: string, fail: (m: string) => FileRefused): Promise<string[]> {
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  let chars = 0;
  await parseXmlStream(
    zip.stream(part),
    {
      open(name, _a, selfClosing) {
        if (name === 'si') current = [];
        else if (name === 't' && current && phonetic === 0 && !selfClosing) inText = true;
        else if (name === 'rPh') phonetic += 1; // saxes closes a self-closing tag too, so every open is matched
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si' && current) {
          out.push(current.join(''));
          current = null;
        }
      },
      text(t) {
        if (!inText || !current) return;
        chars += t.length;
        if (chars > FILE_LIMITS.maxSharedStringChars) {
          throw new FileRefused(`${fileName} is refused: its shared strings hold more than ${sizeText(FILE_LIMITS.maxSharedStringChars)} of text, far more than a real spreadsheet does. The file may be damaged or built to exhaust memory.`);
        }
        current.push(t);
      },
    },
    fail,
  );
  return out;
}

interface SheetContext {
  shared: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  fileName: string;
}

async function readSheet(zip: ZipArchive, part: string, name: string, ctx: SheetContext, fail: (m: string) => FileRefused): Promise<RawSheet> {
  const rows: RawRow[] = [];
  const merges: MergedRange[] = [];
  let row: RawRow | null = null;
  let lastRow = 0;
  let col = 0;
  let type = 'n';
  let style = 0;
  let hasFormula = false;
  let ref = '';
  let value: string[] | null = null;
  let inline: string[] | null = null;
  let capture: string[] | null = null;
  let phonetic = 0;

  const cellValue = (): CellValue => {
    const v = value === null ? null : value.join('');
    switch (type) {
      case 's': {
        if (v === null || v.trim() === '') return null;
        const s = ctx.shared[Number(v)];
        if (s === undefined) throw new FileRefused(`${ctx.fileName} is a damaged Excel file: cell ${ref || `row ${lastRow}`} of sheet "${name}" refers to shared string ${v}, which the file does not have. Save it again from Excel and retry.`);
        return s;
      }
      case 'inlineStr':
        return inline ? inline.join('') : (v ?? null);
      case 'str':
        return v ?? (hasFormula ? { error: '' } : null);
      case 'b':
        return v === null ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
      case 'e':
        return { error: v ?? '#VALUE!' };
      case 'd': {
        const iso = v ? /^\d{4}-\d{2}-\d{2}/.exec(v.trim())?.[0] : undefined;
        return iso ? { date: iso } : v;
      }
      default: {
        if (v === null || v.trim() === '') return hasFormula ? { error: '' } : null;
        const n = Number(v);
        if (!Number.isFinite(n)) return { error: '#NUM!' };
        if (ctx.dateStyles.has(style)) {
          const iso = serialToIso(n, ctx.date1904);
          if (iso) return { date: iso };
        }
        return n;
      }
    }
  };

  await parseXmlStream(
    zip.stream(part),
    {
      open(tag, a, selfClosing) {
        switch (tag) {
          case 'row': {
            const r = Number(attr(a, 'r'));
            const number = Number.isInteger(r) && r > lastRow ? r : lastRow + 1;
            row = { row: number, cells: [] };
            lastRow = number;
            col = 0;
            if (selfClosing) row = null;
            break;
          }
          case 'c': {
            ref = attr(a, 'r') ?? '';
            const at = ref ? decodeRef(ref).col : 0;
            col = at > 0 ? at : col + 1;
            type = attr(a, 't') ?? 'n';
            style = Number(attr(a, 's') ?? 0);
            hasFormula = false;
            value = null;
            inline = null;
            if (selfClosing && row) row.cells[col - 1] = null;
            break;
          }
          case 'v':
            value = [];
            capture = selfClosing ? null : value;
            break;
          case 'f':
            hasFormula = true;
            break;
          case 'is':
            inline = [];
            break;
          case 't':
            if (inline && phonetic === 0 && !selfClosing) capture = inline;
            break;
          case 'rPh':
            phonetic += 1;
            break;
          case 'mergeCell': {
            const range = attr(a, 'ref');
            if (range && range.includes(':')) {
              const [x, y] = range.split(':') as [string, string];
              const s = decodeRef(x);
              const e = decodeRef(y);
              if (s.row > 0 && e.row >= s.row && s.col > 0 && e.col >= s.col) merges.push({ top: s.row, left: s.col, bottom: e.row, right: e.col });
            }
            break;
          }
        }
      },
      close(tag) {
        switch (tag) {
          case 'v':
          case 't':
            capture = null;
            break;
          case 'rPh':
            phonetic -= 1;
            break;
          case 'c':
            if (row && col > 0 && col <= 16_384) row.cells[col - 1] = cellValue();
            break;
          case 'row':
            if (row) {
              const cells = row.cells;
              for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
              rows.push(row);
              checkRowCount(rows.length, ctx.fileName, name);
              row = null;
            }
            break;
        }
      },
      text(t) {
        if (capture) capture.push(t);
      },
    },
    fail,
  );
  return { name, rows: fillMerges(rows, merges) };
}
