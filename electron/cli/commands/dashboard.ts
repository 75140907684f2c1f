import type { CliCommand } from '../command';
import { UsageError } from '../command';
import type { HubDashboardSchool, DashboardInspection } from '@shared/contract/dashboards';

function ofstedJson(i: DashboardInspection | null) {
  if (!i) return null;
  return {
    inspectionDate: i.startDate,
    publicationDate: i.publicationDate,
    framework: i.framework,
    frameworkLabel: i.frameworkLabel,
    overall: i.overall,
    categoryOfConcern: i.categoryOfConcern,
    judgements: i.judgements.map((j) => ({ area: j.area, grade: j.grade, label: j.label, date: j.date })),
    source: i.source,
    sourceAsAt: i.sourceAsAt,
  };
}

/** One school of the hub table, as scripts read it (its columns are what finance scripts rely on). */
export function schoolJson(s: HubDashboardSchool) {
  const latest = s.qa.latest;
  return {
    urn: s.urn,
    name: s.name,
    phase: s.phase,
    pupils: s.pupils,
    localAuthority: s.localAuthority,
    membershipStatus: s.membershipStatus,
    headteacher: s.headteacher,
    email: s.email,
    phone: s.phone,
    ofsted: {
      profile: s.ofsted.profileKey,
      latest: ofstedJson(s.ofsted.latestGraded),
      laterUngraded: s.ofsted.laterUngraded
        ? { inspectionDate: s.ofsted.laterUngraded.startDate, publicationDate: s.ofsted.laterUngraded.publicationDate, outcome: s.ofsted.laterUngraded.outcomeText }
        : null,
    },
    qa: latest
      ? {
          reviewDate: latest.reviewStart,
          year: latest.yearLabel,
          estimates: latest.estimates,
          areaOfExcellence: latest.aoeTitle ? { title: latest.aoeTitle, accredited: latest.aoeAccredited } : null,
          www: latest.www,
          ebi: latest.ebi,
        }
      : null,
    reviewThisYear: s.qa.thisYear ? { startDate: s.qa.thisYear.startDate, endDate: s.qa.thisYear.endDate, state: s.qa.thisYear.state } : null,
    reviewers: {
      owed: s.reviewers.owed,
      attended: s.reviewers.attended,
      booked: s.reviewers.booked,
      dropped: s.reviewers.dropped,
      shortfall: s.reviewers.shortfall,
      status: s.reviewers.status,
      awaitingConfirmation: s.reviewers.awaitingConfirmation,
    },
    reviewBeforeFirstAttendance: s.reviewBeforeFirstAttendance.flagged,
    untrainedHeadteacher: s.headteacherTraining.flagged,
    vulnerable: {
      flagged: s.vulnerable.flagged,
      reasons: s.vulnerable.reasons,
      inspections: s.vulnerable.triggeredBy.map((i) => ({ inspectionDate: i.startDate, framework: i.framework, overall: i.overall.label, categoryOfConcern: i.categoryOfConcern })),
    },
  };
}

const dashboard: CliCommand = {
  words: ['dashboard'],
  usage: 'hubdesk [--data DIR] dashboard --hub NAME [--year Y] [--json]   one hub’s schools: Ofsted, QA, reviewer commitments',
  options: { json: { type: 'boolean' }, year: { type: 'string' }, hub: { type: 'string' } },
  async run(core, { values }, io) {
    const hub = values.hub;
    if (typeof hub !== 'string' || hub.trim() === '') throw new UsageError('dashboard needs --hub NAME, e.g. --hub "Aspire Hub"');
    const year = typeof values.year === 'string' ? values.year : undefined;
    const d = await core.call('hubDashboard', { hubName: hub, year });
    if (values.json) {
      io.out(JSON.stringify(d.schools.map(schoolJson), null, 2));
      return 0;
    }
    io.out(`${d.hub.name} · ${d.year} · ${d.schools.length} schools · as at ${d.today}`);
    if (d.schools.length === 0) {
      io.out(`No member schools in ${d.year}.`);
      return 0;
    }
    const width = Math.min(44, Math.max(...d.schools.map((s) => s.name.length)));
    io.out(`${'URN'.padEnd(7)} ${'School'.padEnd(width)} ${'Pupils'.padStart(6)}  ${'Ofsted'.padEnd(34)} Reviewers (owed/att/booked/dropped/short)`);
    for (const s of d.schools) {
      const o = s.ofsted.latestGraded;
      const ofsted = o ? `${o.overall.label} (${o.startDate})` : s.ofsted.profileKey;
      const r = s.reviewers;
      io.out(
        `${s.urn.padEnd(7)} ${s.name.slice(0, width).padEnd(width)} ${String(s.pupils).padStart(6)}  ${ofsted.slice(0, 34).padEnd(34)} ` +
          `${r.owed}/${r.attended}/${r.booked}/${r.dropped}/${r.shortfall} ${r.status}${s.vulnerable.flagged ? '  VULNERABLE' : ''}`,
      );
    }
    return 0;
  },
};

export const dashboardCommands: CliCommand[] = [dashboard];
