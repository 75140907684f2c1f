import fs from 'node:fs';
import path from 'node:path';
import { readRoll, planFromRead, ROLL_ADVICE } from '../../electron/core/imports/roll/analyse';
import { rememberedMappings } from '../../electron/core/imports/roll/mappings';
import { loadRollFacts } from '../../electron/core/imports/roll/state';
import { readSpreadsheet } from '../../electron/core/imports/files/read';
import { openCopy } from './steps/open';
const config = JSON.parse(fs.readFileSync('/tmp/b15-tmp/hubdesk-bench/25000-500/config.json', 'utf8'));
const ta = async (label: string, f: () => Promise<unknown> | unknown) => { const s = process.hrtime.bigint(); const v = await f(); console.log(label, (Number(process.hrtime.bigint() - s) / 1e6).toFixed(1)); return v; };
(async () => {
  const copy = await openCopy(config.baseStore, config.workDir, 'scratch');
  const { ctx } = copy;
  const roll = { year: '2026/27', confirmWarnings: true };
  const bytes = fs.readFileSync(config.rollFile);
  const names = { fileName: path.basename(config.rollFile), sha256: 'bench', stagingId: 'bench' };
  const remembered = await rememberedMappings(ctx.db);
  const wb = await readSpreadsheet(bytes, names.fileName, { advice: ROLL_ADVICE, csv: true });
  const read = await readRoll(wb, names, remembered, roll);
  for (let i = 0; i < 4; i++) {
    const facts = (await ta('loadRollFacts', () => loadRollFacts(ctx.db, roll.year))) as Awaited<ReturnType<typeof loadRollFacts>>;
    await ta('clone', () => structuredClone(facts));
    const a = (await ta('planFromRead', () => planFromRead(read, facts, roll, ctx.today()))) as ReturnType<typeof planFromRead>;
    await ta('clone back', () => structuredClone(a));
    await ta('json', () => JSON.stringify(a.planned?.plan).length);
  }
  await copy.close();
})();
