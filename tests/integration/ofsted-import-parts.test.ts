import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../electron/core/imports/files/encoding';
import { parseOfstedDate, parseUrn, isBlank } from '../../electron/core/imports/ofsted/values';
import { asAtFromFileName, sourceAsAt } from '../../electron/core/imports/ofsted/source-date';
import { columnLetter, headerKey, mapColumns } from '../../electron/core/imports/ofsted/columns';
import { HEADER_2024, HEADER_2026 } from '../fixtures/ofsted/generate';

describe('parseOfstedDate', () => {
  it.each([
    ['12/06/2024', '2024-06-12'],
    ['1/9/2024', '2024-09-01'],
    [' 29/02/2024 ', '2024-02-29'],
    ['12/06/2024 00:00', '2024-06-12'],
    ['2024-06-12', '2024-06-12'],
    ['45455', '2024-06-12'], // an Excel serial
  ])('%j → %s', (raw, iso) => {
    expect(parseOfstedDate(raw)).toEqual({ ok: true, date: iso });
  });
  it.each([
    ['31/02/2024', /not a real calendar date/],
    ['29/02/2023', /not a real calendar date/],
    ['12/13/2024', /not a real calendar date/],
    ['2024/06/12', /not a date/],
    ['12-06-2024', /not a date/],
    ['12/06/24', /two-digit year/],
    ['June 2024', /not a date/],
    ['12/06/1899', /outside 1990–2100/],
  ])('%j is refused', (raw, reason) => {
    const r = parseOfstedDate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseUrn and blanks', () => {
  it('accepts 6 digits, with spaces or a leading apostrophe', () => {
    expect(parseUrn('100000')).toEqual({ ok: true, urn: '100000' });
    expect(parseUrn(" '100022 ")).toEqual({ ok: true, urn: '100022' });
  });
  it.each([['12345'], ['1000000'], ['10000A'], ['100 000']])('refuses %j', (raw) => {
    expect(parseUrn(raw)).toEqual({ ok: false, reason: `"${raw}" is not a URN (a URN is 6 digits)` });
  });
  it('says a URN is missing', () => {
    expect(parseUrn('NULL')).toEqual({ ok: false, reason: 'the URN is missing' });
    expect(parseUrn(undefined)).toEqual({ ok: false, reason: 'the URN is missing' });
  });
  it('treats blank and NULL (any case) as missing, nothing else', () => {
    expect(['', '  ', 'NULL', 'null', undefined].map(isBlank)).toEqual([true, true, true, true, true]);
    expect(['0', '9', 'N', 'Not judged'].map(isBlank)).toEqual([false, false, false, false]);
  });
});

describe('the as-at date', () => {
  it.each([
    ['Management_information_-_state-funded_schools_-_latest_inspections_as_at_31_Oct_2026.csv', '2026-10-31'],
    ['Management information - state-funded schools - latest inspections at 31 August 2023.xlsx', '2023-08-31'],
    ['ofsted 1st September 2025.csv', '2025-09-01'],
    ['ofsted-mi-2026-10-31.csv', '2026-10-31'],
    ['ofsted_mi_30.09.2025.csv', '2025-09-30'],
    ['Ofsted MI October 2026.xlsx', '2026-10-31'],
    ['Ofsted MI Feb 2028.xlsx', '2028-02-29'],
    ['ofsted-2026-02.csv', '2026-02-28'],
    ['C:\\Users\\me\\Downloads\\ofsted_as_at_30_Sep_2025.csv', '2025-09-30'],
  ])('%s → %s', (name, date) => {
    expect(asAtFromFileName(name)).toBe(date);
  });
  it.each(['ofsted-mi-2026-sample.csv', 'summary 2026.csv', 'ofsted 31 Smarch 2026.csv', 'ofsted 2026-13.csv', 'ofsted 2024-25.csv'])('%s has no date', (name) => {
    expect(asAtFromFileName(name)).toBeNull();
  });
  it('falls back to the latest publication date, else null', () => {
    expect(sourceAsAt('ofsted.csv', ['2024-07-11', '2025-01-29', '2019-11-25'])).toEqual({ date: '2025-01-29', from: 'latest publication date' });
    expect(sourceAsAt('ofsted Oct 2026.csv', ['2025-01-29'])).toEqual({ date: '2026-10-31', from: 'file name' });
    expect(sourceAsAt('ofsted.csv', [])).toEqual({ date: null, from: null });
  });
});

describe('decoding CSV bytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const text = 'URN,School name\n100000,St Mary’s\n';
    expect(decodeCsvBytes(Buffer.from(text, 'utf8'))).toMatchObject({ text, encoding: 'UTF-8', how: 'valid', uncertain: null });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toMatchObject({ text, encoding: 'UTF-8', how: 'bom' });
  });
  it('falls back to Windows-1252, including its 0x80–0x9F punctuation', () => {
    const bytes = Buffer.from([0x53, 0x74, 0x20, 0x4d, 0x61, 0x72, 0x79, 0x92, 0x73, 0x20, 0x96, 0x20, 0x93, 0xe9, 0x94, 0x80]);
    expect(decodeCsvBytes(bytes)).toMatchObject({ text: 'St Mary’s – “é”€', encoding: 'Windows-1252', uncertain: null });
  });
});

describe('columns', () => {
  it('normalises headers: spaces, case, BOM, non-breaking spaces', () => {
    expect(headerKey('\uFEFFLatest OEIF  safeguarding is effective? ')).toBe('latest oeif safeguarding is effective?');
    expect(headerKey('URN\u00A0')).toBe('urn');
  });
  it('letters', () => {
    expect([0, 25, 26, 27, 84].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'CG']);
  });
  it('maps the 2026 layout: report card, latest OEIF (with the double-spaced header) and ungraded', () => {
    expect(HEADER_2026).toHaveLength(85);
    const { columns, problems } = mapColumns(HEADER_2026);
    expect(problems).toEqual([]);
    expect(columns?.groups.map((g) => g.kind)).toEqual(['full', 'oeif', 'ungraded']);
    const oeif = columns!.groups[1]!;
    expect(oeif.oeif.safeguarding?.header).toBe('Latest OEIF  safeguarding is effective?');
    expect(Object.keys(oeif.oeif)).toHaveLength(8);
    expect(Object.keys(columns!.groups[0]!.reportCard)).toHaveLength(9);
    expect(columns!.groups[0]!.reportCard.earlyYears?.date?.header).toBe('Early years - date of grade');
  });
  it('maps the 2024 layout: latest graded, previous graded and ungraded', () => {
    const { columns, problems } = mapColumns(HEADER_2024);
    expect(problems).toEqual([]);
    expect(columns?.groups.map((g) => g.kind)).toEqual(['full', 'previous', 'ungraded']);
    expect(Object.keys(columns!.groups[0]!.oeif)).toHaveLength(8);
    expect(Object.keys(columns!.groups[1]!.oeif)).toHaveLength(8);
  });
  it('refuses a header without URN, without inspection columns, with a repeated column, or with undated grades', () => {
    expect(mapColumns(['School name', 'Inspection start date']).problems[0]).toMatch(/no "URN" column/);
    expect(mapColumns(['URN', 'School name']).problems[0]).toMatch(/no inspection columns/);
    expect(mapColumns(['URN', 'Inspection start date', 'Inspection start date']).problems[0]).toMatch(/appears 2 times \(columns B, C\)/);
    expect(mapColumns(['URN', 'Date of latest ungraded inspection', 'Latest OEIF overall effectiveness']).problems[0]).toMatch(
      /grades of the latest OEIF graded inspection .*"Latest OEIF overall effectiveness" \(column C\).* no "Inspection start date of latest OEIF graded inspection" column/,
    );
  });
});
