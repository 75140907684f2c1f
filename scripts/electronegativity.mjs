#!/usr/bin/env node
// `npm run security:scan`: runs Electronegativity over electron/ and fails on any finding that is not
// reviewed and accepted (with its reason) in tests/security/electronegativity-accepted.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('csv-parse/sync');
const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
const electronVersion = require('electron/package.json').version;
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-eneg-')), 'findings.csv');

const run = spawnSync(process.execPath, [cli, '-i', 'electron', '-r', '-v', 'false', '-e', electronVersion, '-o', out], { encoding: 'utf8' });
if (!fs.existsSync(out)) {
  console.error(run.stdout, run.stderr);
  console.error('security:scan: Electronegativity did not write its findings.');
  process.exit(1);
}
const rows = parse(fs.readFileSync(out, 'utf8'), { columns: true, trim: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
const findings = rows
  .map((r) => ({ check: String(r.issue ?? '').trim(), file: String(r.filename ?? '').trim(), location: r.location, severity: r.severity }))
  .filter((f) => /^[A-Z_]+$/.test(f.check));
const { accepted } = JSON.parse(fs.readFileSync('tests/security/electronegativity-accepted.json', 'utf8'));
const isAccepted = (f) => accepted.some((a) => a.check === f.check && a.file === f.file);
const fresh = findings.filter((f) => !isAccepted(f));
for (const f of findings) console.log(`${isAccepted(f) ? 'accepted' : 'NEW     '}  ${f.check}  ${f.file}:${f.location}  ${f.severity}`);
if (fresh.length > 0) {
  console.error(`security:scan: ${fresh.length} finding(s) not reviewed. Fix them, or record why they are safe in tests/security/electronegativity-accepted.json.`);
  process.exit(1);
}
console.log(`security:scan: ${findings.length} finding(s), all reviewed and accepted.`);
