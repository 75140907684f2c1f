/**
 * Writes an Ofsted-layout CSV with the fixture generator (tests/fixtures/ofsted/generate.ts), run by
 * tsx from ofsted-import.spec.ts: Playwright's loader cannot load the generator (it uses import.meta
 * in a CommonJS package). Usage: tsx ofsted-csv.mts OUT_FILE < schools.json
 */
import fs from 'node:fs';
import { buildCsv, type FixtureSchool } from '../fixtures/ofsted/generate';

const [out] = process.argv.slice(2);
if (!out) throw new Error('usage: tsx ofsted-csv.mts OUT_FILE < schools.json');
const schools = JSON.parse(fs.readFileSync(0, 'utf8')) as FixtureSchool[];
fs.writeFileSync(out, buildCsv('2026', schools));
