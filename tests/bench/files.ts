/**
 * The files the import benchmarks read: the next roll of the network as .xlsx (N rows, written with
 * exceljs's streaming writer, like the roll fixtures' `writeBigRoll`) and an Ofsted management-
 * information CSV in the real 85-column 2026 layout (the Ofsted fixtures' `nationalSchools`).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { buildCsv, nationalSchools } from '../fixtures/ofsted/generate';
import { giasExtract, type GiasSchool } from '../fixtures/gias/generate';
import { URN_BASE, type BenchNetwork } from './network';

export const ROLL_HEADERS = ['URN', 'School name', 'Hub', 'Pupils', 'Phase', 'LA', 'Trust', 'Headteacher', 'Email', 'Telephone', 'Postcode', 'Status'];

/**
 * The 2026/27 roll as the team would re-import it: every member with one pupil number in ten
 * changed, 1% of members gone (leavers), 0.5% moved hub and 1% new schools.
 */
export async function writeBenchRoll(file: string, net: BenchNetwork): Promise<{ rows: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Roll');
  ws.addRow(ROLL_HEADERS).commit();
  let rows = 0;
  const current = net.memberships.filter((m) => m.year === '2026/27');
  for (const [i, m] of current.entries()) {
    if (i % 100 === 51) continue;
    const s = net.schools[m.schoolIndex]!;
    const hub = i % 200 === 17 ? net.hubs[(m.hubIndex + 1) % net.h]! : net.hubs[m.hubIndex]!;
    const pupils = i % 10 === 3 ? m.pupils + 12 : m.pupils;
    ws.addRow([s.urn, s.name, hub.name, pupils, s.phase, s.localAuthority, s.trust, s.headteacher, s.email, s.phone, s.postcode, m.status === 'new' ? 'New' : 'Renewing']).commit();
    rows += 1;
  }
  const joiners = Math.max(1, Math.round(net.n / 100));
  for (let j = 0; j < joiners; j++) {
    const urn = String(URN_BASE + net.n + 50_000 + j);
    ws.addRow([urn, `Joining School ${j}`, net.hubs[(j * 7) % net.h]!.name, 200 + ((j * 37) % 900), j % 3 ? 'Primary' : 'Secondary', 'Leeds', null, `Head ${j}`, `head${j}@join${j}.example.org`, '0113 496 0000', 'LS1 1AA', 'New']).commit();
    rows += 1;
  }
  ws.commit();
  await wb.commit();
  return { rows };
}

/**
 * Ofsted's file covers every state school: the network's N schools plus 10% that are not members.
 * `month` 1 is the file already imported into the benchmark store; month 2 is the next one, where one
 * school in 30 has a new report card (November 2026): the import the team does every month.
 */
export function writeBenchOfstedCsv(file: string, net: BenchNetwork, month: 1 | 2): { rows: number; bytes: number } {
  const rows = Math.round(net.n * 1.1);
  const schools = nationalSchools(rows);
  if (month === 2) {
    schools.forEach((s, k) => {
      if (k % 30 !== 7) return;
      const day = String((k % 20) + 2).padStart(2, '0');
      s.reportCard = {
        start: `${day}/11/2026`,
        grades: { safeguarding: 'Met', inclusion: 'Expected standard', curriculum: 'Strong standard', achievement: 'Expected standard', attendance: 'Expected standard', personal: 'Strong standard', leadership: 'Expected standard' },
      };
    });
  }
  const bytes = buildCsv('2026', schools, { bom: true });
  fs.writeFileSync(file, bytes);
  return { rows, bytes: bytes.length };
}

/**
 * GIAS's all-establishment extract at national scale: every school of the network (one in twenty
 * with a new headteacher, one in fifty closed) and as many schools that are not members, 120
 * columns, Windows-1252, as DfE publishes it.
 */
export function writeBenchGias(file: string, net: BenchNetwork): { rows: number; bytes: number } {
  const schools: GiasSchool[] = net.schools.map((s, i) => {
    const [first, ...last] = s.headteacher.split(' ');
    return {
      urn: s.urn,
      name: s.name,
      phase: s.phase,
      la: s.localAuthority,
      trust: s.trust ?? '',
      headFirst: i % 20 === 0 ? 'Alex' : first,
      headLast: last.join(' '),
      postcode: s.postcode,
      pupils: 200 + ((i * 37) % 1400),
      status: i % 50 === 0 ? 'Closed' : 'Open',
      closeDate: i % 50 === 0 ? '31-08-2026' : '',
    };
  });
  const others = Array.from({ length: net.schools.length }, (_, k): GiasSchool => ({ urn: String(URN_BASE + net.schools.length + 10_000 + k), name: `Other establishment ${k}`, pupils: 150 + (k % 900) }));
  const bytes = giasExtract([...schools, ...others]);
  fs.writeFileSync(file, bytes);
  return { rows: schools.length + others.length, bytes: bytes.length };
}
