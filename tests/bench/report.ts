/** The benchmark's goals checked against the measurements, and the table printed at the end. */
import type { MachineInfo, Measurement } from './measure';

export interface Goal {
  name: string;
  goal: string;
  value: string;
  /** null when it could not be measured. */
  met: boolean | null;
}

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

export function evaluate(ms: Measurement[], p: { n: number; h: number }): Goal[] {
  const get = (key: string) => ms.find((m) => m.key === key);
  const goals: Goal[] = [];
  const ratio = (name: string, e2e: string, bare: string, limit: number) => {
    const a = get(e2e);
    const b = get(bare);
    const r = a && b ? a.medianMs / b.medianMs : Number.NaN;
    goals.push({ name, goal: `≤ ${limit}`, value: Number.isFinite(r) ? `${round(r)}× (${round(a!.medianMs / 1000)} s / ${round(b!.medianMs / 1000)} s)` : 'not measured', met: Number.isFinite(r) ? r <= limit : null });
  };
  // What the person waits for: the preview, then the commit (the commit's backup is taken while the preview is read).
  ratio('roll import ÷ bare read', 'roll.e2e', 'roll.bare', 1.3);
  ratio('Ofsted import ÷ bare csv-parse', 'ofsted.e2e', 'ofsted.bare', 1.5);
  ratio('GIAS import ÷ bare parse', 'gias.e2e', 'gias.bare', 1.5);
  // The commit sent the moment the preview answers (no time to read it): it waits for the whole backup.
  if (get('roll.e2e.backtoback')) ratio('  same, roll back to back', 'roll.e2e.backtoback', 'roll.bare', 1.3);
  if (get('ofsted.e2e.backtoback')) ratio('  same, Ofsted back to back', 'ofsted.e2e.backtoback', 'ofsted.bare', 1.5);
  if (get('gias.e2e.backtoback')) ratio('  same, GIAS back to back', 'gias.e2e.backtoback', 'gias.bare', 1.5);
  // The same runs without the backup every commit must take first (nothing is committed unbacked): its cost grows
  // with the store, not with the file, so it is shown apart — never instead of the ratios above.
  if (get('roll.e2e.nobackup')) ratio('  same, roll without its backup', 'roll.e2e.nobackup', 'roll.bare', 1.3);
  if (get('ofsted.e2e.nobackup')) ratio('  same, Ofsted without its backup', 'ofsted.e2e.nobackup', 'ofsted.bare', 1.5);
  if (get('gias.e2e.nobackup')) ratio('  same, GIAS without its backup', 'gias.e2e.nobackup', 'gias.bare', 1.5);

  const overview = get('funding.overview');
  const hubsNote = p.h === 500 ? '' : ` (goal is for 500 hubs; ${p.h} here)`;
  goals.push({ name: 'funding for every hub', goal: `< 20 ms${hubsNote}`, value: overview ? `${overview.medianMs} ms` : 'not measured', met: overview ? overview.medianMs < 20 : null });
  for (const [key, what] of [['funding.overview', 'funding overview'], ['funding.overview.computed', 'funding overview computed'], ['funding.load', 'funding data load'], ['funding.rules', 'pure hubFunding']] as const) {
    const full = get(key);
    const quarter = get(`${key}.quarter`);
    if (!full || !quarter) continue;
    const growth = full.medianMs / quarter.medianMs;
    // Four times the schools and hubs: linear growth is ≈ 4×; allow for timer noise on sub-millisecond work.
    goals.push({ name: `${what} growth N/4 → N`, goal: '≈ 4× (linear)', value: `${round(growth)}× (${quarter.medianMs} → ${full.medianMs} ms)`, met: growth <= 6 });
  }
  const computedOverview = get('funding.overview.computed');
  if (computedOverview) goals.push({ name: 'funding for every hub, computed after a change', goal: `< 20 ms${hubsNote}`, value: `${computedOverview.medianMs} ms`, met: computedOverview.medianMs < 20 });
  const hub = get('dashboard.hub');
  goals.push({ name: 'hub dashboard, largest hub, p95', goal: '< 10 ms', value: hub ? `p50 ${hub.medianMs} ms, p95 ${hub.p95Ms} ms (${String(hub.detail?.schools)} schools)` : 'not measured', met: hub?.p95Ms !== undefined ? hub.p95Ms < 10 : null });
  const hubComputed = get('dashboard.hub.computed');
  if (hubComputed) goals.push({ name: 'hub dashboard, computed after a change, p95', goal: '< 10 ms', value: `p50 ${hubComputed.medianMs} ms, p95 ${hubComputed.p95Ms} ms`, met: hubComputed.p95Ms !== undefined ? hubComputed.p95Ms < 10 : null });
  const hubDistinct = get('dashboard.hub.distinct');
  if (hubDistinct) goals.push({ name: 'the same, every headteacher distinct', goal: '< 10 ms', value: `p50 ${hubDistinct.medianMs} ms, p95 ${hubDistinct.p95Ms} ms`, met: hubDistinct.p95Ms !== undefined ? hubDistinct.p95Ms < 10 : null });
  const network = get('dashboard.network');
  if (network) goals.push({ name: 'network dashboard, kept', goal: '(no goal)', value: `${network.medianMs} ms`, met: null });
  const networkComputed = get('dashboard.network.computed');
  if (networkComputed) {
    const p95 = networkComputed.p95Ms ?? networkComputed.medianMs;
    goals.push({ name: 'network dashboard, computed after a change', goal: `p95 ≤ 500 ms${hubsNote}`, value: `p50 ${networkComputed.medianMs} ms, p95 ${p95} ms`, met: p95 <= 500 });
  }
  const exp = get('export.network');
  const expMeasured = exp && Number.isFinite(exp.medianMs);
  goals.push({ name: 'network workbook export, 500 schools', goal: '< 3 s', value: expMeasured ? `${round(exp.medianMs / 1000)} s` : `not measured: ${String(exp?.detail?.notMeasured ?? 'step not run')}`, met: expMeasured ? exp.medianMs < 3000 : null });
  const names = get('dashboard.network')?.detail?.distinctHeadteachers;
  if (typeof names === 'string') goals.push({ name: 'Network page, every headteacher distinct', goal: 'loads', value: names, met: names.startsWith('loads') });
  goals.push(...browserGoals(get, p));
  return goals;
}

const BROWSER_GOALS: { what: string; name: string; limitMs: number; national?: number }[] = [
  { what: 'first-page', name: 'first page from process start', limitMs: 1000, national: 2000 },
  ...['network', 'hubs', 'schools', 'funding', 'spend', 'imports', 'exports', 'settings', 'explorer', 'calls'].map((p) => ({ what: `nav.${p}`, name: `screen: ${p}`, limitMs: 200 })),
  { what: 'year', name: 'year switch', limitMs: 200 },
  { what: 'hub', name: 'open a hub', limitMs: 150 },
  { what: 'drilldown', name: 'chart drill-down', limitMs: 200 },
  { what: 'dialog.open', name: 'open a records dialog', limitMs: 200 },
  { what: 'dialog.save', name: 'save a records dialog', limitMs: 200 },
  { what: 'export', name: 'network export with charts', limitMs: 3000 },
];

/**
 * The browser goals, at demo scale, and for the first page at national scale: p95 on this machine;
 * with a baseline build measured in the same run, its p95 beside it.
 */
function browserGoals(get: (key: string) => Measurement | undefined, p: { n: number; h: number }): Goal[] {
  const goals: Goal[] = [];
  const fmt = (v: number | undefined) => (v === undefined ? '?' : v >= 1000 ? `${round(v / 1000)} s` : `${round(v, 0)} ms`);
  for (const scale of ['demo', 'national'] as const) {
    for (const g of BROWSER_GOALS) {
      const m = get(`browser.${scale}.${g.what}`);
      if (!m) continue;
      const limit = scale === 'demo' ? g.limitMs : g.national;
      const before = get(`browser.${scale}.${g.what}.baseline`);
      const scaleName = scale === 'demo' ? 'demo' : `${p.n} schools`;
      goals.push({
        name: `${scaleName}: ${g.name}`,
        goal: limit === undefined ? '(measured, no goal)' : `p95 ≤ ${fmt(limit)}`,
        value: `p50 ${fmt(m.medianMs)}, p95 ${fmt(m.p95Ms)}${before ? ` (baseline p50 ${fmt(before.medianMs)}, p95 ${fmt(before.p95Ms)})` : ''}`,
        met: limit === undefined || m.p95Ms === undefined ? null : m.p95Ms <= limit,
      });
    }
    const js = get(`browser.${scale}.first-page`)?.detail?.javascript as Record<string, { initialBytes: number; initialGzipBytes: number; totalBytes: number }> | undefined;
    if (scale === 'demo' && js?.current) {
      const kb = (b: number) => `${Math.round(b / 1024)} KB`;
      const before = js.baseline ? ` (baseline ${kb(js.baseline.initialBytes)})` : '';
      goals.push({ name: 'initial JavaScript (minified)', goal: '≤ 500 KB', value: `${kb(js.current.initialBytes)}, ${kb(js.current.initialGzipBytes)} gzipped, of ${kb(js.current.totalBytes)} in all${before}`, met: js.current.initialBytes <= 500 * 1024 });
    }
  }
  return goals;
}

function cell(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function printTable(results: { machine: MachineInfo; params: { n: number; h: number; runs: number }; goals: Goal[]; measurements: Measurement[]; failures: Record<string, string> }): void {
  const { machine, params } = results;
  const lines: string[] = [];
  lines.push(`hubdesk benchmarks: N = ${params.n} schools, H = ${params.h} hubs, ${params.runs} runs per measurement (median)`);
  lines.push(`${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}; load average ${machine.loadAtStart.join(' ')} → ${machine.loadAtEnd?.join(' ') ?? '?'}`);
  lines.push('');
  const head = ['measurement', 'median', 'p95', 'runs', 'peak RSS', '(base)'];
  const widths = [66, 10, 10, 5, 9, 8];
  lines.push(head.map((h, i) => cell(h, widths[i]!)).join(' '));
  lines.push(widths.map((w) => '-'.repeat(w)).join(' '));
  for (const m of results.measurements) {
    const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v >= 1000 ? `${round(v / 1000)} s` : `${round(v)} ms`);
    lines.push([m.label, fmt(m.medianMs), fmt(m.p95Ms), String(m.runsMs.length), m.peakRssMb === null ? '—' : `${m.peakRssMb} MB`, m.workerBaselineRssMb === undefined || m.key.startsWith('browser.') ? '' : `${m.workerBaselineRssMb} MB`].map((t, i) => cell(t, widths[i]!)).join(' '));
  }
  lines.push('');
  lines.push(`${cell('goal', 40)} ${cell('target', 34)} result`);
  for (const g of results.goals) lines.push(`${cell(g.name, 40)} ${cell(g.goal, 34)} ${g.met === null ? '·' : g.met ? 'MET ' : 'MISSED'} ${g.value}`);
  for (const [step, error] of Object.entries(results.failures)) lines.push(`FAILED ${step}: ${error}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
