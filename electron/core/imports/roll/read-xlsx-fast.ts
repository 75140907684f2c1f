/**
 * A fast path for reading .xlsx rolls: the worksheets' cell values read straight from the XML, with
 * exactly the results exceljs's streaming reader gives (its logic ported step by step: the same
 * shared-string, inline-string, formula, error, boolean, date and number rules, and its quirks), but
 * without its XML parser, its cell objects and its temporary files — several times faster on a
 * national roll. Whenever a workbook uses anything this path does not handle exactly as exceljs would
 * (comments or CDATA in the XML, a 1904 date system, parts in an order exceljs reads differently,
 * unusual markup), it returns null and the caller reads the workbook with exceljs as before.
 * tests/integration/roll-xlsx-fast.test.ts checks both readers agree on every roll fixture.
 */
import excelUtils from 'exceljs/lib/utils/utils.js';
import colCache from 'exceljs/lib/utils/col-cache.js';
import defaultNumFormats from 'exceljs/lib/xlsx/defaultnumformats.js';
import type { ZipArchive } from './zip';
import type { CellValue, RawRow } from './sheet';

/** Something this reader does not reproduce exactly: read the workbook with exceljs instead. */
class NotHandled extends Error {}

const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/* ------------------------------------------------------------------ XML events, as saxes reports them */

interface Handlers {
  /** attributes: the tag's text between its name and its end, as indexes into xml. */
  open(name: string, xml: string, attrStart: number, attrEnd: number): void;
  /** Character data between two tags (raw, undecoded), from start to end. */
  text(xml: string, start: number, end: number): void;
  close(name: string): void;
}

function tagName(xml: string, from: number, to: number): number {
  let j = from;
  while (j < to) {
    const c = xml.charCodeAt(j);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f /* / */) break;
    j++;
  }
  return j;
}

/**
 * Walks the tags and text of a part, checking it is well formed (one root, every tag closed by its
 * own name). Throws NotHandled for anything else, and for markup beyond plain elements (comments,
 * CDATA, DTDs): exceljs then reads the file and gives its own answer or error.
 */
function walk(xml: string, h: Handlers): void {
  const open: string[] = [];
  let rootClosed = false;
  let i = 0;
  const n = xml.length;
  const outside = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const c = xml.charCodeAt(k);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) throw new NotHandled('text outside the root element');
    }
  };
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      outside(i, n);
      break;
    }
    if (lt > i) {
      if (open.length > 0) h.text(xml, i, lt);
      else outside(i, lt);
    }
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new NotHandled('unclosed processing instruction');
      i = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) throw new NotHandled('comment, CDATA or DTD');
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) throw new NotHandled('unclosed tag');
    if (next === 0x2f /* / */) {
      // The closing tag must name the element open: compared in place, without copying the name.
      const name = open.pop();
      if (name === undefined || gt !== lt + 2 + name.length || !xml.startsWith(name, lt + 2)) throw new NotHandled('unexpected close tag');
      if (open.length === 0) rootClosed = true;
      h.close(name);
    } else {
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const nameEnd = tagName(xml, lt + 1, gt);
      const name = xml.slice(lt + 1, nameEnd);
      if (name === '' || rootClosed) throw new NotHandled('empty tag name or a second root');
      const attrEnd = selfClosing ? gt - 1 : gt;
      // A '>' inside a quoted attribute value would have ended the tag early: an odd number of
      // quotes tells. Single quotes, '<', tabs and line breaks in attributes are left to exceljs.
      let quotes = 0;
      for (let k = nameEnd; k < attrEnd; k++) {
        const c = xml.charCodeAt(k);
        if (c === 0x22) quotes++;
        else if (c === 0x27 || c === 0x3c || c === 0x09 || c === 0x0a || c === 0x0d) throw new NotHandled('unusual attributes');
      }
      if (quotes % 2 !== 0) throw new NotHandled('unusual attributes');
      h.open(name, xml, nameEnd, attrEnd);
      if (selfClosing) {
        if (open.length === 0) rootClosed = true;
        h.close(name);
      } else open.push(name);
    }
    i = gt + 1;
  }
  if (open.length > 0 || !rootClosed) throw new NotHandled('unclosed element or no root');
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*"([^"]*)"/g;

function attributesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) {
    out[m[1]!] = decodeText(m[2]!);
  }
  return out;
}

/**
 * One attribute's value, found in place between start and end (the attributes read this way, row
 * and cell refs, styles and types, hold plain letters and digits; an entity is left to exceljs).
 */
function attribute(xml: string, start: number, end: number, name: string): string | undefined {
  let at = xml.indexOf(name, start);
  while (at >= 0 && at < end) {
    const after = at + name.length;
    if (xml.charCodeAt(at - 1) === 0x20 && xml.charCodeAt(after) === 0x3d /* = */ && xml.charCodeAt(after + 1) === 0x22) {
      const to = xml.indexOf('"', after + 2);
      const value = xml.slice(after + 2, to);
      if (value.includes('&')) throw new NotHandled('entity in an attribute');
      return value;
    }
    at = xml.indexOf(name, after);
  }
  return undefined;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
const BARE_AMPERSAND = /&(?!(?:#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);)/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data as saxes reports it: entities decoded, line ends normalised to \n. */
function decodeText(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (!text.includes('&')) return text;
  // An ampersand that starts no reference is an error for saxes (and so for exceljs).
  if (BARE_AMPERSAND.test(text)) throw new NotHandled('bare ampersand');
  const decoded = text.replace(ENTITY, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new NotHandled('bad character reference');
      return String.fromCodePoint(code);
    }
    const p = PREDEFINED[e];
    if (p === undefined) throw new NotHandled(`entity &${e};`);
    return p;
  });
  return decoded;
}

/* ------------------------------------------------------------------ workbook parts */

type SharedString = string | null | { richText: { text: string | null }[] };

/** exceljs's shared-strings reader (workbook-reader.js _parseSharedStrings), for the values it keeps. */
function sharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  let text: string | null = null;
  let richText: { text: string | null }[] = [];
  walk(xml, {
    open(name) {
      if (name === 'si') {
        richText = [];
        text = null;
      } else if (name === 't') text = null;
    },
    text(x, start, end) {
      const value = decodeText(x.slice(start, end));
      text = text ? text + value : value;
    },
    close(name) {
      if (name === 'r') {
        richText.push({ text });
        text = null;
      } else if (name === 'si') {
        out.push(richText.length ? { richText } : text);
        richText = [];
        text = null;
      }
    },
  });
  return out;
}

/** The number format of each cell style (exceljs's StyleManager.getStyleModel, number format only). */
function styleNumFmts(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  walk(xml, {
    open(name, x, from, to) {
      if (name === 'numFmt') {
        const a = attributesOf(x.slice(from, to));
        if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(parseInt(attributesOf(x.slice(from, to)).numFmtId ?? '0', 10));
    },
    text() {},
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => (id ? (custom.get(id) ?? defaultNumFormats[id]?.f) : undefined));
}

/* ------------------------------------------------------------------ a worksheet */

/** What read-xlsx.ts's toCell makes of the value exceljs would give the cell (null: an empty cell). */
function cellOf(
  c: { s: number; t: string | undefined; f: { text: string } | null; v: { text: string } | null },
  strings: SharedString[],
  numFmts: (string | undefined)[],
): CellValue {
  if (c.f) {
    if (!c.v) return { error: '' };
    if (c.t === 'str') return excelUtils.xmlDecode(c.v.text);
    const result = parseFloat(c.v.text);
    if (Number.isNaN(result)) return { error: '' };
    return Number.isFinite(result) ? result : { error: '#NUM!' };
  }
  if (!c.v) return null;
  switch (c.t) {
    case 's': {
      const s = strings[parseInt(c.v.text, 10)];
      if (s === null || s === undefined) return null;
      if (typeof s === 'string') return s;
      return s.richText.map((r) => r.text ?? '').join('');
    }
    case 'inlineStr':
    case 'str':
      return excelUtils.xmlDecode(c.v.text);
    case 'e':
      return { error: String(c.v.text) };
    case 'b':
      return parseInt(c.v.text, 10) !== 0;
    default: {
      const numFmt = c.s ? numFmts[c.s] : undefined;
      const v = parseFloat(c.v.text);
      if (excelUtils.isDateFmt(numFmt)) {
        const d = excelUtils.excelToDate(v, false);
        return Number.isNaN(d.getTime()) ? { error: '#VALUE!' } : { date: d.toISOString().slice(0, 10) };
      }
      return Number.isFinite(v) ? v : { error: '#NUM!' };
    }
  }
}

/** exceljs's worksheet reader (worksheet-reader.js parse), keeping each row's values. */
function worksheetRows(xml: string, strings: SharedString[], numFmts: (string | undefined)[], onRow: (row: RawRow) => void): void {
  let inRows = false;
  let row: { number: number; cells: CellValue[] } | null = null;
  let c: { ref: string; s: number; t: string | undefined; f: { text: string } | null; v: { text: string } | null } | null = null;
  let current: { text: string } | null = null;
  walk(xml, {
    open(name, x, from, to) {
      switch (name) {
        case 'sheetData':
          inRows = true;
          break;
        case 'row':
          if (inRows) {
            const r = attribute(x, from, to, 'r');
            if (r === undefined || !/^\d+$/.test(r)) throw new NotHandled('row without a number');
            // A row style would give its cells a number format (exceljs merges it in): not reproduced here.
            if (attribute(x, from, to, 's') !== undefined) throw new NotHandled('row style');
            row = { number: parseInt(r, 10), cells: [] };
          }
          break;
        case 'c':
          if (row) {
            const ref = attribute(x, from, to, 'r');
            if (ref === undefined) throw new NotHandled('cell without a reference');
            const s = attribute(x, from, to, 's');
            c = { ref, s: s === undefined ? NaN : parseInt(s, 10), t: attribute(x, from, to, 't'), f: null, v: null };
          }
          break;
        case 'f':
          if (c) current = c.f = { text: '' };
          break;
        case 'v':
        case 'is':
        case 't':
          if (c) current = c.v = { text: '' };
          break;
        default:
          break;
      }
    },
    text(x, start, end) {
      if (current) current.text += decodeText(x.slice(start, end));
    },
    close(name) {
      switch (name) {
        case 'sheetData':
          inRows = false;
          break;
        case 'row':
          if (!row) throw new NotHandled('row outside the sheet data');
          {
            const cells = row.cells;
            let end = cells.length;
            while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end -= 1;
            onRow({ row: row.number, cells: Array.from({ length: end }, (_, k) => cells[k] ?? null) });
          }
          row = null;
          break;
        case 'c':
          if (row && c) {
            const col = colCache.decodeAddress(c.ref).col;
            if (!Number.isInteger(col) || col < 1) throw new NotHandled('bad cell reference');
            const value = cellOf(c, strings, numFmts);
            (row as { cells: CellValue[] }).cells[col - 1] = value;
            c = null;
          }
          break;
        default:
          break;
      }
    },
  });
}

/**
 * Every worksheet exceljs would emit, by name, with its rows as read-xlsx.ts's exceljs path makes
 * them; or null when this workbook must be read with exceljs. onRow is called after each row (the
 * row-count limit).
 */
export function readWorksheetsFast(zip: ZipArchive, onRow: (sheet: string, rows: number) => void): Map<string, RawRow[]> | null {
  try {
    const names = [...zip.entries.keys()];
    const index = (name: string) => names.indexOf(name);
    const parts = names.map((name, i) => ({ name, i, m: WORKSHEET_PART.exec(name) })).filter((p) => p.m !== null);
    const rels = index('xl/_rels/workbook.xml.rels');
    const workbook = index('xl/workbook.xml');
    const shared = index('xl/sharedStrings.xml');
    const styles = index('xl/styles.xml');
    if (parts.length === 0 || rels < 0 || workbook < 0 || styles < 0) return null;
    const workbookXml = zip.readText('xl/workbook.xml') ?? '';
    if (/\bdate1904\s*=/.test(workbookXml)) return null;
    for (const p of parts) {
      // exceljs reads a worksheet when it meets it if the shared strings and the relationships came
      // before it, else after every other part: the first needs the styles and workbook already read.
      const deferred = !(shared >= 0 && shared < p.i && rels < p.i);
      if (!deferred && (styles > p.i || workbook > p.i)) return null;
    }
    const relsXml = zip.readText('xl/_rels/workbook.xml.rels') ?? '';
    const targets = new Map<string, string>();
    for (const tag of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
      const id = /\sId="([^"]*)"/.exec(tag)?.[1];
      const target = /\sTarget="([^"]*)"/.exec(tag)?.[1];
      if (id && target) targets.set(target, id);
    }
    const sheetsByRid = new Map<string, string>();
    for (const tag of workbookXml.match(/<sheet\b[^>]*>/g) ?? []) {
      const name = /\sname="([^"]*)"/.exec(tag)?.[1];
      const rid = /\sr:id="([^"]*)"/.exec(tag)?.[1];
      if (name === undefined || rid === undefined || name.includes('&')) return null;
      sheetsByRid.set(rid, name);
    }
    const strings = shared >= 0 ? sharedStrings(zip.readText('xl/sharedStrings.xml') ?? '') : null;
    const numFmts = styleNumFmts(zip.readText('xl/styles.xml') ?? '');
    const out = new Map<string, RawRow[]>();
    for (const p of parts) {
      const sheetNo = p.m![1]!;
      const rid = targets.get(`worksheets/sheet${sheetNo}.xml`);
      const name = (rid !== undefined ? sheetsByRid.get(rid) : undefined) ?? `Sheet${sheetNo}`;
      if (out.has(name)) return null;
      const xml = zip.readText(p.name) ?? '';
      // Without a shared-strings part exceljs leaves shared-string cells unread: not reproduced here.
      if (strings === null && /\st="s"/.test(xml)) return null;
      const rows: RawRow[] = [];
      worksheetRows(xml, strings ?? [], numFmts, (row) => {
        rows.push(row);
        onRow(name, rows.length);
      });
      out.set(name, rows);
    }
    return out;
  } catch (error) {
    if (error instanceof NotHandled) return null;
    throw error;
  }
}
