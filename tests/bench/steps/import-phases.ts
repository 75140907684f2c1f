/**
 * The parts the two imports are made of, each timed alone through the same exported functions:
 * the roll's read (bytes → rows) and plan (map, validate, diff against the store), the Ofsted file's
 * parse, store facts and plan, and the backup every commit takes first. Explains the import ratios.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readRoll, planFromRead, ROLL_ADVICE } from '../../../electron/core/imports/roll/analyse';
import { analyseInWorker } from '../../../electron/core/imports/roll/planned';
import { rememberedMappings } from '../../../electron/core/imports/roll/mappings';
import { loadRollFacts } from '../../../electron/core/imports/roll/state';
import { readSpreadsheet } from '../../../electron/core/imports/files/read';
import { parseOfstedFile } from '../../../electron/core/imports/ofsted/parse';
import { loadStoreFacts } from '../../../electron/core/imports/ofsted/store-facts';
import { buildPlan } from '../../../electron/core/imports/ofsted/plan';
import { stageBytes } from '../../../electron/core/imports/staging';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { BENCH_NOW, openCopy } from './open';

export async function importPhaseSteps(config: BenchConfig): Promise<Measurement[]> {
  const copy = await openCopy(config.baseStore, config.workDir, 'import-phases');
  const { ctx } = copy;
  try {
    const out: Measurement[] = [];
    const roll = { year: '2026/27', confirmWarnings: true };
    const rollBytes = fs.readFileSync(config.rollFile);
    // Each run stages the file afresh, so it is read (in the import worker) each time.
    const stagedRoll = () => stageBytes('roll', path.basename(config.rollFile), rollBytes);
    const names = { fileName: path.basename(config.rollFile), sha256: 'bench', stagingId: 'bench' };
    const remembered = await rememberedMappings(ctx.db);
    const readHere = async () => readRoll(await readSpreadsheet(rollBytes, names.fileName, { advice: ROLL_ADVICE, csv: true }), names, remembered, roll);
    out.push(await measure('phase.roll.read', 'roll part: readRoll in this thread (xlsx read, header, row checks)', config.runs, () => readHere().then(() => undefined)));
    const read = await readHere();
    const loadFacts = async () => ({ remembered: await rememberedMappings(ctx.db), state: await loadRollFacts(ctx.db, roll.year) });
    out.push(await measure('phase.roll.facts', 'roll part: the store facts the plan needs, loaded on the app thread', config.runs, () => loadFacts().then(() => undefined)));
    const rollFacts = await loadFacts();
    out.push(await measure('phase.roll.plan', 'roll part: planFromRead in this thread (map, validate, diff, funding effect)', config.runs, () => void planFromRead(read, rollFacts.state, roll, ctx.today())));
    const staged = stagedRoll();
    out.push(await measure('phase.roll.worker', 'roll part: facts loaded, planned in the import worker on the file it keeps, analysis back', config.runs, () => analyseInWorker(ctx, staged, roll, ctx.today()).then(() => undefined)));
    const bytes = fs.readFileSync(config.ofstedFile);
    out.push(await measure('phase.ofsted.parse', 'Ofsted part: parseOfstedFile in this thread (decode, CSV read, header, columns)', config.runs, () => parseOfstedFile(path.basename(config.ofstedFile), bytes, 'bench').then(() => undefined)));
    const parsed = await parseOfstedFile(path.basename(config.ofstedFile), bytes, 'bench');
    out.push(await measure('phase.ofsted.facts', 'Ofsted part: loadStoreFacts (members, stored inspections)', config.runs, () => loadStoreFacts(ctx.db, parsed.sha256).then(() => undefined)));
    const facts = await loadStoreFacts(ctx.db, parsed.sha256);
    out.push(await measure('phase.ofsted.plan', 'Ofsted part: buildPlan', config.runs, () => void buildPlan(parsed, facts, false)));
    const dbMb = Math.round(fs.statSync(path.join(ctx.store.dataDir, 'hubdesk.db')).size / 1e5) / 10;
    out.push(await measure('phase.backup', `commit part: createBackup of the ${dbMb} MB store`, config.runs, () => {
      fs.rmSync(ctx.store.backups!.take('bench', BENCH_NOW).file, { force: true });
    }));
    return out;
  } finally {
    await copy.close();
  }
}
