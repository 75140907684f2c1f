/**
 * Hub finances for the demo (funding, carry forward and release as the rules compute them): opening balances, action plans and claims for both
 * years, built from each hub's computed funding so every figure reconciles. Aspire Hub's 2026/27
 * total available is exactly £38,589.77 and its plan is the real 2024/25 Aspire plan, which
 * allocates exactly that; one hub overspent last year and one plan is over-allocated, so the
 * Funding screens have their errors to show.
 */
import { formatPence } from '@shared/domain/money';
import { addDays, dateBetween, randomFor, type Random } from './random';

export interface DemoPlanLine {
  priority: string;
  activity: string;
  plannedPence: number;
  amountAsTyped: string;
  category: string;
  eligibleSchools: string;
  expectedImpact: string;
  openToOtherHubs: boolean;
}

export interface DemoPlan {
  hub: string;
  year: string;
  draftSubmittedOn: string | null;
  finalSubmittedOn: string | null;
  lines: DemoPlanLine[];
}

export interface DemoClaim {
  hub: string;
  year: string;
  claimedOn: string;
  amountPence: number;
  invoiceRef: string;
  priority: string;
  category: string;
  description: string;
  status: 'submitted' | 'approved' | 'paid' | 'rejected';
  paidOn: string | null;
}

export interface DemoOverride {
  hub: string;
  year: string;
  amountPence: number;
  reason: string;
}

export interface HubFinances {
  overrides: DemoOverride[];
  plans: DemoPlan[];
  claims: DemoClaim[];
}

export const ASPIRE_TOTAL_AVAILABLE_PENCE = 3_858_977;
export const OVERSPENT_HUB = 'Tendring Hub';
export const OVER_ALLOCATED_HUB = 'Portsmouth Hub';

const PRIORITIES: readonly { priority: string; activity: string; category: string; impact: string }[] = [
  { priority: 'Leadership at all levels', activity: 'Middle leaders development programme', category: 'Staff training', impact: 'Middle leaders lead improvement in their areas with confidence.' },
  { priority: 'SEND', activity: 'SENDCo network and specialist setting visits', category: 'School-to-school support', impact: 'Adaptive teaching for pupils with SEND improves across the hub.' },
  { priority: 'Engagement', activity: 'Family engagement workshops', category: 'Workshops and events', impact: 'Attendance and parental engagement improve in target schools.' },
  { priority: 'Technology', activity: 'AI and workload conference', category: 'Workshops and events', impact: 'Schools adopt AI policy and reduce marking workload.' },
  { priority: 'Reading', activity: 'Reading fluency research project', category: 'Research projects', impact: 'The weakest readers in Key Stage 3 catch up.' },
  { priority: 'Curriculum', activity: 'Subject leader networks for foundation subjects', category: 'School-to-school support', impact: 'Curriculum plans make the essential knowledge explicit.' },
  { priority: 'Attendance', activity: 'Attendance improvement action research', category: 'Research projects', impact: 'Persistent absence falls in participating schools.' },
  { priority: 'Wellbeing', activity: 'Staff wellbeing training for leaders', category: 'Staff training', impact: 'Staff report lower workload and better wellbeing.' },
  { priority: 'Disadvantaged pupils', activity: 'Disadvantaged pupils peer review triads', category: 'School-to-school support', impact: 'The gap for disadvantaged pupils narrows.' },
  { priority: 'Hub coordination', activity: 'Hub manager release time and administration', category: 'Hub administration', impact: 'The hub runs smoothly and reports on time.' },
];

/** The Aspire Hub Action Plan 2024/25 (hub-funding-guidance-and-aspire-hub-action-plan-2024-25.txt), as the 2026/27 demo plan. */
export const ASPIRE_PLAN_LINES: readonly DemoPlanLine[] = [
  { priority: 'Leadership at all levels', activity: 'Leadership development for senior and middle leaders across the hub', plannedPence: 2_130_000, amountAsTyped: '£21,300', category: 'Staff training', eligibleSchools: 'All', expectedImpact: 'Leaders at all levels are developed through shared programmes and coaching.', openToOtherHubs: true },
  { priority: 'SEND', activity: 'Expert support and guidance on identified SEND issues; links with the Ashfield Special Hub', plannedPence: 650_000, amountAsTyped: '£6,500', category: 'School-to-school support', eligibleSchools: 'All', expectedImpact: 'SENDCos build capacity to meet high-level needs in mainstream settings.', openToOtherHubs: true },
  { priority: 'Engagement', activity: 'Leading practice in pupil, parent and community engagement', plannedPence: 200_000, amountAsTyped: '£2000', category: 'Workshops and events', eligibleSchools: 'All', expectedImpact: 'Impactful engagement strategies are shared across the hub.', openToOtherHubs: true },
  { priority: 'Technology', activity: 'AI policy and workload: guidance, newsletter and conference speakers', plannedPence: 350_000, amountAsTyped: '£3500', category: 'Workshops and events', eligibleSchools: 'All', expectedImpact: 'Leaders are informed to set AI policy; workload reductions are shared.', openToOtherHubs: true },
  { priority: 'Additional expenditure', activity: 'Hospitality for hub meetings and the Aspire Hub conference', plannedPence: 200_000, amountAsTyped: '£2,000', category: 'Hub administration', eligibleSchools: 'All', expectedImpact: 'Hub meetings and the conference are well attended.', openToOtherHubs: false },
  { priority: 'Additional expenditure', activity: 'Contingency', plannedPence: 328_977, amountAsTyped: '£3,289.77', category: 'Hub administration', eligibleSchools: 'All', expectedImpact: 'Unplanned needs identified during the year can be met.', openToOtherHubs: false },
];

/** Splits a whole number of pence into `parts` positive amounts that sum to it exactly. */
export function splitPence(rng: Random, total: number, parts: number): number[] {
  if (total <= 0 || parts <= 0) return [];
  const n = Math.min(parts, total);
  const weights = Array.from({ length: n }, () => 1 + rng.next() * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((total * w) / sum / 100) * 100));
  const diff = total - out.reduce((a, b) => a + b, 0);
  out[n - 1]! += diff;
  if (out[n - 1]! <= 0) return [total];
  return out;
}

function typed(rng: Random, pence: number): string {
  const plain = formatPence(pence);
  if (pence % 100 !== 0) return plain;
  return rng.weighted([
    [plain, 6],
    [plain.replace(/,/g, ''), 2],
    [`${plain.slice(1)}`, 1],
  ] as const);
}

function planLines(rng: Random, targetPence: number): DemoPlanLine[] {
  const chosen = rng.shuffle(PRIORITIES).slice(0, rng.int(3, 5));
  const amounts = splitPence(rng, Math.max(0, targetPence), chosen.length);
  return chosen.slice(0, amounts.length).map((p, i) => ({
    priority: p.priority,
    activity: p.activity,
    plannedPence: amounts[i]!,
    amountAsTyped: typed(rng, amounts[i]!),
    category: p.category,
    eligibleSchools: rng.chance(0.8) ? 'All' : 'Schools with a related EBI',
    expectedImpact: p.impact,
    openToOtherHubs: rng.chance(0.4),
  }));
}

function claimsFor(rng: Random, hub: string, year: string, lines: DemoPlanLine[], paidTotal: number, from: string, to: string, code: string): DemoClaim[] {
  const amounts = splitPence(rng, paidTotal, rng.int(3, 6));
  return amounts.map((amountPence, i) => {
    const line = lines[i % Math.max(1, lines.length)] ?? PRIORITIES[0]!;
    const claimedOn = dateBetween(rng, from, to);
    return {
      hub, year, claimedOn, amountPence, invoiceRef: `${code}-${year.slice(2, 4)}${String(i + 1).padStart(3, '0')}`,
      priority: line.priority, category: line.category, description: `${'activity' in line ? line.activity : ''}`.slice(0, 80),
      status: 'paid', paidOn: addDays(claimedOn, rng.int(10, 30)),
    };
  });
}

/** Invoice reference prefix from the hub name: "East Midlands South Hub" → EMS. */
function hubCode(hub: string): string {
  return hub.replace(/['’]/g, '').split(/\s+/).filter((w) => w !== 'Hub' && w !== 'and').map((w) => w[0]!.toUpperCase()).join('').slice(0, 4);
}

/**
 * Finances for one hub given its computed funding in each year (pence). `today` decides which of
 * this year's claims have been paid.
 */
export function hubFinances(hub: string, funding2025: number, funding2026: number, today: string, otherConditionsMet: boolean): HubFinances {
  const rng = randomFor(`finance:${hub}`);
  const code = hubCode(hub);
  const isAspire = hub === 'Aspire Hub';
  const opening = isAspire ? 388_777 : Math.round((funding2025 * rng.int(0, 15)) / 100);
  const overrides: DemoOverride[] = [
    { hub, year: '2025/26', amountPence: opening, reason: 'Opening balance brought forward from the 2024/25 reconciliation spreadsheet' },
  ];
  const total2025 = funding2025 + opening;
  let released2025: number;
  if (isAspire) released2025 = total2025 - (ASPIRE_TOTAL_AVAILABLE_PENCE - funding2026);
  else if (hub === OVERSPENT_HUB) released2025 = total2025 + 41_250;
  else released2025 = Math.round((total2025 * rng.int(70, 100)) / 100);

  const plan2025: DemoPlan = {
    hub, year: '2025/26', draftSubmittedOn: dateBetween(rng, '2025-10-13', '2025-10-31'), finalSubmittedOn: dateBetween(rng, '2025-11-03', '2025-11-14'),
    lines: planLines(rng, Math.round((total2025 * rng.int(90, 100)) / 100)),
  };
  const claims = claimsFor(rng, hub, '2025/26', plan2025.lines, released2025, '2025-10-20', '2026-07-10', code);
  if (rng.chance(0.3)) {
    claims.push({
      hub, year: '2025/26', claimedOn: '2026-03-02', amountPence: 45_000, invoiceRef: `${code}-25R01`, priority: 'Wellbeing', category: 'Workshops and events',
      description: 'Staff participation incentive (not an eligible use of hub funding)', status: 'rejected', paidOn: null,
    });
  }

  const total2026 = funding2026 + (total2025 - released2025);
  const state = isAspire ? 'final' : rng.weighted([
    ['final', 72],
    ['draft', 16],
    ['none', 12],
  ] as const);
  let lines2026 = isAspire ? [...ASPIRE_PLAN_LINES] : planLines(rng, Math.round((Math.max(0, total2026) * rng.int(88, 100)) / 100));
  if (hub === OVER_ALLOCATED_HUB) {
    lines2026 = [...lines2026, { ...PRIORITIES[9]!, plannedPence: Math.max(0, total2026 - lines2026.reduce((n, l) => n + l.plannedPence, 0)) + 125_000, amountAsTyped: '', eligibleSchools: 'All', expectedImpact: PRIORITIES[9]!.impact, openToOtherHubs: false }];
    lines2026[lines2026.length - 1]!.amountAsTyped = formatPence(lines2026[lines2026.length - 1]!.plannedPence);
  }
  const plans: DemoPlan[] = [plan2025];
  if (state !== 'none') {
    const draftSubmittedOn = dateBetween(rng, '2026-10-12', '2026-10-30');
    const finalSubmittedOn = state === 'final' ? dateBetween(rng, '2026-11-02', '2026-11-13') : null;
    // Early in the year the plan is still being written: nothing is submitted before today.
    plans.push({ hub, year: '2026/27', draftSubmittedOn: draftSubmittedOn <= today ? draftSubmittedOn : null, finalSubmittedOn: finalSubmittedOn && finalSubmittedOn <= today ? finalSubmittedOn : null, lines: lines2026 });
  }
  // This year: a few autumn claims at different stages; none paid unless every release condition holds.
  const releasable = state === 'final' && plans[1]?.finalSubmittedOn != null && otherConditionsMet;
  const autumn = claimsFor(rng, hub, '2026/27', lines2026, Math.round((Math.max(0, total2026) * rng.int(5, 22)) / 100), '2026-09-21', addDays(today, -1), code);
  autumn.forEach((c, i) => {
    c.invoiceRef = `${code}-26${String(i + 1).padStart(3, '0')}`;
    const stage = rng.weighted([
      ['paid', 45],
      ['approved', 25],
      ['submitted', 30],
    ] as const);
    c.status = stage;
    if (stage !== 'paid' || !releasable || !c.paidOn || c.paidOn >= today) {
      c.status = stage === 'paid' ? 'approved' : stage;
      c.paidOn = null;
    }
  });
  // Early in the year no claim has been made yet.
  const madeByToday = autumn.filter((c) => c.claimedOn < today);
  return { overrides, plans, claims: [...claims, ...(state === 'none' ? [] : madeByToday)] };
}
