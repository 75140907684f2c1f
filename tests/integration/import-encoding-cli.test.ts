import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store';
import { cli, hashOf } from '../helpers/cli';
import { csvText, type FixtureSchool } from '../fixtures/ofsted/generate';
import { giasExtract, giasLinks } from '../fixtures/gias/generate';

/**
 * A CSV saved by Excel on a Mac ("CSV (Macintosh)") whose bytes no encoding reads plausibly (Mac
 * Roman's ’ is a capital Õ inside a word in Windows-1252, its ™ after a letter plausible in none):
 * every import says so the same way on the command line — the file, the likely encodings each with a
 * row of it — writes nothing and exits 1 (a data error), until the encoding is given.
 */
const reportCard: FixtureSchool = {
  urn: '149321',
  name: 'St Anne’s ThinkWell™ Academy',
  reportCard: {
    start: '03/11/2026',
    published: '17/11/2026',
    grades: { safeguarding: 'Met', inclusion: 'Strong standard', curriculum: 'Expected standard', achievement: 'Expected standard', attendance: 'Strong standard', personal: 'Expected standard', leadership: 'Strong standard' },
  },
};

describe('an import whose CSV encoding cannot be told, on the command line', () => {
  it('ofsted: lists the likely encodings with a sample row each, exits 1 and writes nothing; --encoding imports the names right', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ofsted-mac.csv');
    fs.writeFileSync(file, iconv.encode(csvText('2026', [reportCard]), 'macintosh'));
    const before = await hashOf(dir);
    const r = await cli(['--data', dir, 'import', 'ofsted', file, '--all']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^ofsted-mac\.csv: the text encoding cannot be told \(its bytes are not UTF-8, and no other encoding reads its accented letters and punctuation plausibly\)/);
    expect(r.err).toMatch(/^ {2}--encoding "Mac Roman": …St Anne’s ThinkWell™ Academy,/m);
    expect(r.err).toMatch(/^ {2}--encoding "Windows-1252": …St AnneÕs ThinkWellª Academy,/m);
    expect(r.err).toMatch(/^ {2}--encoding "DOS Latin \(850\)": /m);
    expect(r.err).toMatch(/Nothing was written\. Run again with the --encoding whose row reads right/);
    expect(r.out).toBe('');
    expect(await hashOf(dir)).toBe(before);

    const ok = await cli(['--data', dir, 'import', 'ofsted', file, '--all', '--encoding', 'mac roman', '--dry-run', '--json']);
    expect(ok.code).toBe(0);
    const p = JSON.parse(ok.out) as { encoding: string; schools: { name: string }[] };
    expect(p.encoding).toBe('Mac Roman');
    expect(p.schools[0]!.name).toBe('St Anne’s ThinkWell™ Academy');
  });

  it('gias: names the file asked about (the links file, with --links-encoding); the extract’s --encoding does not answer it', async () => {
    const dir = tempDir();
    expect((await cli(['--data', dir, 'demo'])).code).toBe(0);
    const extract = path.join(dir, 'edubasealldata.csv');
    fs.writeFileSync(extract, giasExtract([{ urn: '104834', name: 'De La Salle School', headFirst: 'Siobhán', headLast: 'O’Neill' }]));
    const links = path.join(dir, 'links-mac.csv');
    fs.writeFileSync(links, giasLinks([{ urn: '104834', linkUrn: '149999', linkName: 'St Anne’s ThinkWell™ Academy', linkType: 'Predecessor' }], { encoding: 'macintosh' }));
    const before = await hashOf(dir);
    for (const extra of [[], ['--encoding', 'Windows-1252']]) {
      const r = await cli(['--data', dir, 'import', 'gias', extract, '--links', links, ...extra]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^links-mac\.csv: the text encoding cannot be told/);
      expect(r.err).not.toMatch(/edubasealldata\.csv: the text encoding/);
      expect(r.err).toContain('  --links-encoding "Mac Roman": 104834,149999,"St Anne’s ThinkWell™ Academy","Predecessor","01-09-2024"');
      expect(r.err).toContain('  --links-encoding "Windows-1252": 104834,149999,"St AnneÕs ThinkWellª Academy","Predecessor","01-09-2024"');
      expect(r.err).toMatch(/Run again with the --links-encoding whose row reads right/);
      expect(await hashOf(dir)).toBe(before);
    }
    const ok = await cli(['--data', dir, 'import', 'gias', extract, '--links', links, '--links-encoding', 'Mac Roman']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Links to keep: 1/);
  });

  it('roll: the question first, then the problems found in the likeliest reading', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'roll-mac.csv');
    fs.writeFileSync(file, iconv.encode('URN,School name,Hub,Pupils\r\n104829,St Anne’s ThinkWell™ College,Aspire Hub,1511\r\n10483X,De La Salle School,Aspire Hub,1118\r\n', 'macintosh'));
    const before = await hashOf(dir);
    const r = await cli(['--data', dir, 'import', 'roll', file, '--year', '2026/27']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^roll-mac\.csv: the text encoding cannot be told/);
    expect(r.err).toContain('  --encoding "Mac Roman": 104829,St Anne’s ThinkWell™ College,Aspire Hub,1511');
    // An empty store: the hub is a problem too, besides the URN.
    expect(r.err).toMatch(/Read in the likeliest encoding, 2 other problems too:\n.*row 2, Hub: there is no hub "Aspire Hub"[^\n]*\n.*row 3, URN: "10483X" is not a URN/);
    expect(await hashOf(dir)).toBe(before);
  });

  it('rejects an encoding it does not know, as a usage mistake', async () => {
    const r = await cli(['--data', tempDir(), 'import', 'gias', 'x.csv', '--links-encoding', 'EBCDIC']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--links-encoding must be one of: "UTF-8", .*"Mac Roman"/);
  });
});
