import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsvRecords } from '../../electron/core/imports/ofsted/csv';

/** What csv-parse gives with the options the Ofsted reader used: rows, or the fact that it refused. */
function reference(text: string): string[][] | 'refused' {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch {
    return 'refused';
  }
}

function ours(text: string): string[][] | 'refused' {
  try {
    return parseCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return 'refused';
    throw error;
  }
}

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the Ofsted CSV reader', () => {
  it('reads quoting, doubled quotes, separators and line breaks inside quotes, CRLF and LF, empty lines and cells', () => {
    const text = '\uFEFFURN,Name,Note\r\n100000,"Smith, Jones & ""Co""","two\nlines"\r\n\r\n100001,,\n100002,x,"",\n';
    expect(parseCsvRecords(text)).toEqual([
      ['URN', 'Name', 'Note'],
      ['100000', 'Smith, Jones & "Co"', 'two\nlines'],
      [''],
      ['100001', '', ''],
      ['100002', 'x', '', ''],
    ]);
    // csv-parse takes the first line ending as the only one; with one kind of ending throughout it agrees.
    expect(parseCsvRecords(text)).toEqual(reference(text.replace(/\r\n/g, '\n')));
  });

  it('stops after maxRecords', () => {
    expect(parseCsvRecords('a\nb\nc\nd\n', { maxRecords: 2 })).toEqual([['a'], ['b']]);
  });

  it('refuses a quote never closed, text after a closing quote, and a quote inside an unquoted cell, naming the line', () => {
    expect(() => parseCsvRecords('URN,"Inspection start date\n100000,"01/01/2020\n')).toThrow(/line 2/);
    expect(() => parseCsvRecords('a,b\nc,"d\ne,f\n')).toThrow(/starts on line 2 is never closed/);
    expect(() => parseCsvRecords('a,"b"c\n')).toThrow(/line 1, a quoted value is followed by "c"/);
    expect(() => parseCsvRecords('a\nb"c\n')).toThrow(/line 2, a quote inside a value/);
  });

  it('agrees with csv-parse on 3,000 random texts made of separators, quotes, line breaks and letters', () => {
    const pieces = ['a', 'b', ' ', ',', ',', '"', '""', '\n', '\r\n', 'x y', ''];
    const next = random(20261123);
    for (let k = 0; k < 3000; k++) {
      const length = 1 + Math.floor(next() * 14);
      // One kind of line ending per text (csv-parse takes the first it sees as the record delimiter).
      const crlf = next() < 0.5;
      let text = '';
      for (let p = 0; p < length; p++) {
        const piece = pieces[Math.floor(next() * pieces.length)]!;
        text += piece === '\n' || piece === '\r\n' ? (crlf ? '\r\n' : '\n') : piece;
      }
      expect(ours(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
