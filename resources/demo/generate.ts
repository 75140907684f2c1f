/**
 * Builds resources/demo/roll-seed.json: the real schools the demo network is made of.
 *
 *   npm run demo:generate            (reads ../shared/data, or HUBDESK_SHARED_DATA)
 *
 * The partner schools of the 2014–15 annual review (matched to URNs and 2019 pupil numbers) form 29
 * hubs. Aspire Hub (19 schools in Knowsley, Halton, St Helens and Warrington, as its case study says)
 * and six regional hubs are drawn from the national census joined with GIAS, so the network reaches
 * ~450 schools. Everything is chosen deterministically (sorted by URN, stepped by a fixed stride), so
 * running this twice writes the same file. Outcomes, contacts and histories are invented later, at
 * load time, by network.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const dataDir = process.env.HUBDESK_SHARED_DATA ?? path.resolve(__dirname, '../../../shared/data');
const outFile = path.join(__dirname, 'roll-seed.json');

export interface SeedSchool {
  urn: string;
  name: string;
  phase: string;
  pupils: number;
  la: string;
  town: string | null;
  postcode: string | null;
}

export interface SeedHub {
  name: string;
  region: string;
  schools: SeedSchool[];
}

/** Local authority codes (DfE) of the places the extra hubs are drawn from. */
const LA_NAMES: Record<string, string> = {
  '340': 'Knowsley',
  '342': 'St. Helens',
  '876': 'Halton',
  '877': 'Warrington',
  '383': 'Leeds',
  '801': 'Bristol, City of',
  '926': 'Norfolk',
  '886': 'Kent',
  '330': 'Birmingham',
  '373': 'Sheffield',
};

interface ExtraHub {
  name: string;
  region: string;
  las: string[];
  secondaries: number;
  primaries: number;
  specials: number;
  /** Only secondaries with at least this many pupils (Aspire's plan needs a well-funded hub). */
  minSecondaryPupils?: number;
  minPrimaryPupils?: number;
}

const EXTRA_HUBS: ExtraHub[] = [
  { name: 'Aspire Hub', region: 'North West', las: ['340', '876', '342', '877'], secondaries: 14, primaries: 5, specials: 0, minSecondaryPupils: 1000, minPrimaryPupils: 450 },
  { name: 'Leeds Learning Hub', region: 'Yorkshire and the Humber', las: ['383'], secondaries: 5, primaries: 14, specials: 1 },
  { name: 'Bristol and Avon Hub', region: 'South West', las: ['801'], secondaries: 5, primaries: 13, specials: 2 },
  { name: 'Norfolk Coast Hub', region: 'East of England', las: ['926'], secondaries: 6, primaries: 14, specials: 1 },
  { name: 'Kent Hub', region: 'South East', las: ['886'], secondaries: 6, primaries: 13, specials: 1 },
  { name: 'Birmingham City Hub', region: 'West Midlands', las: ['330'], secondaries: 6, primaries: 13, specials: 2 },
  { name: 'Sheffield Hub', region: 'Yorkshire and the Humber', las: ['373'], secondaries: 5, primaries: 13, specials: 1 },
];

/** Regions of the review's hubs, for the Network page's grouping. */
const PARTNER_HUB_REGIONS: Record<string, string> = {
  'Belleville Hub': 'London',
  'Bengeworth Hub': 'West Midlands',
  'Brighton and Hove Hub': 'South East',
  'Brindishe Hub': 'London',
  'Camden Hub': 'London',
  'Compton Hub': 'London',
  'Cornwall Hub': 'South West',
  'Denbigh Hub': 'South East',
  'East Coast Hub': 'East of England',
  'East Midlands North Hub': 'East Midlands',
  'East Midlands South Hub': 'East Midlands',
  'Essex Hub': 'East of England',
  "Haberdashers' Aske's Hub": 'London',
  'Herts and Bucks Hub': 'East of England',
  'Impact Alliance Hub': 'London',
  'Kingsbridge Hub': 'South West',
  'London Special and AP Hub': 'London',
  'London West Hub': 'London',
  'North West Hub': 'North West',
  'North Yorkshire Hub': 'Yorkshire and the Humber',
  'Pickhurst Juniors Hub': 'London',
  'Pimlico Hub': 'London',
  'Portsmouth Hub': 'South East',
  'Somerset Hub': 'South West',
  'Tendring Hub': 'East of England',
  'Transform Hub': 'London',
  'Waltham Forest Hub': 'London',
  'West Midlands Hub': 'West Midlands',
  'Wootton Bassett Hub': 'South West',
};

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

function tidyPhase(phase: string): string {
  return phase === 'Alternative provision' ? 'Alternative Provision' : phase;
}

function partnerHubs(gias: Map<string, Record<string, string>>): SeedHub[] {
  const rows = readCsv(path.join(dataDir, 'partner-schools.csv'));
  const hubs = new Map<string, SeedHub>();
  for (const row of rows) {
    const hubName = row.hub!.trim();
    const pupils = Number(row.pupils);
    if (!/^\d{6}$/.test(row.urn ?? '') || !Number.isInteger(pupils)) continue;
    let hub = hubs.get(hubName);
    if (!hub) {
      hub = { name: hubName, region: PARTNER_HUB_REGIONS[hubName] ?? 'England', schools: [] };
      hubs.set(hubName, hub);
    }
    hub.schools.push({ urn: row.urn!, name: row.school_name!.trim(), phase: tidyPhase(row.phase!.trim()), pupils, la: row.la!.trim(), town: gias.get(row.urn!)?.town || null, postcode: gias.get(row.urn!)?.postcode || null });
  }
  return [...hubs.values()];
}

interface CensusSchool {
  urn: string;
  la: string;
  type: string;
  pupils: number;
  name: string;
  town: string | null;
  postcode: string | null;
}

function readGias(): Map<string, Record<string, string>> {
  const gias = new Map<string, Record<string, string>>();
  for (const row of readCsv(path.join(dataDir, 'public/gias-establishments-2022.csv'))) gias.set(row.urn!, row);
  return gias;
}

function nationalRoll(gias: Map<string, Record<string, string>>): CensusSchool[] {
  const schools: CensusSchool[] = [];
  for (const row of readCsv(path.join(dataDir, 'public/england-school-census-2019.csv'))) {
    const g = gias.get(row.URN!);
    const pupils = Number(row.NOR);
    if (!g || g.close_date || !Number.isInteger(pupils) || !row.SCHOOLTYPE!.startsWith('State-funded')) continue;
    schools.push({ urn: row.URN!, la: row.LA!, type: row.SCHOOLTYPE!, pupils, name: g.name!, town: g.town || null, postcode: g.postcode || null });
  }
  return schools.sort((a, b) => a.urn.localeCompare(b.urn));
}

/** Every k-th candidate, so the pick spreads across the sorted list rather than taking its head. */
function spread<T>(candidates: T[], count: number): T[] {
  if (candidates.length < count) throw new Error(`Only ${candidates.length} candidates for ${count} places`);
  const stride = candidates.length / count;
  return Array.from({ length: count }, (_, i) => candidates[Math.floor(i * stride)]!);
}

function extraHubs(gias: Map<string, Record<string, string>>, taken: Set<string>): SeedHub[] {
  const roll = nationalRoll(gias).filter((s) => !taken.has(s.urn));
  return EXTRA_HUBS.map((spec) => {
    const local = roll.filter((s) => spec.las.includes(s.la));
    const pick = (type: string, count: number, phase: string, min = 0) =>
      spread(local.filter((s) => s.type === type && s.pupils >= min), count).map((s) => toSeed(s, phase));
    const schools = [
      ...pick('State-funded secondary', spec.secondaries, 'Secondary', spec.minSecondaryPupils),
      ...pick('State-funded primary', spec.primaries, 'Primary', spec.minPrimaryPupils),
      ...pick('State-funded special school', spec.specials, 'Special'),
    ];
    for (const s of schools) taken.add(s.urn);
    return { name: spec.name, region: spec.region, schools };
  });
}

function toSeed(s: CensusSchool, phase: string): SeedSchool {
  return { urn: s.urn, name: s.name, phase, pupils: s.pupils, la: LA_NAMES[s.la] ?? s.la, town: s.town, postcode: s.postcode };
}

export function generateSeed(): SeedHub[] {
  const gias = readGias();
  const partners = partnerHubs(gias);
  const taken = new Set(partners.flatMap((h) => h.schools.map((s) => s.urn)));
  return [...partners, ...extraHubs(gias, taken)].sort((a, b) => a.name.localeCompare(b.name));
}

if (require.main === module) {
  const hubs = generateSeed();
  fs.writeFileSync(outFile, `${JSON.stringify({ source: 'partner-schools.csv, england-school-census-2019.csv, gias-establishments-2022.csv', hubs }, null, 1)}\n`);
  const schools = hubs.reduce((n, h) => n + h.schools.length, 0);
  console.log(`Wrote ${path.relative(process.cwd(), outFile)}: ${hubs.length} hubs, ${schools} schools`);
}
