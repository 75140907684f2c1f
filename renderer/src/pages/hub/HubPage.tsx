import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { HubDashboard } from '@shared/contract';
import { useQueryOf } from '../../data/queries';
import { Loaded } from '../../data/Loaded';
import { useStatus } from '../../state/status';
import { PageHeader } from '../../components/PageHeader';
import { formatCount, formatDate } from '../../components/format';
import { HubSchoolsTable } from '../../components/dashboard/HubSchoolsTable';
import { CommitmentCounts, DashKey, OFSTED_KEY, OfstedBar, QA_KEY, QaBars, shortOfstedKey } from '../../components/dashboard/Bars';
import { Sources } from '../../components/dashboard/Panel';
import {
  FundingPanel,
  MeetingsPanel,
  ReviewFirstPanel,
  ShortfallPanel,
  TrainingPanel,
  UpcomingReviewsPanel,
  VulnerablePanel,
} from '../../components/dashboard/HubPanels';
import { ExportHubButton } from '../exports/ExportHubButton';
import { HubEditButton } from '../../dialogs/HubActions';
import { MembershipsPanel } from './MembershipsPanel';
import { MeetingsRecords } from './MeetingsRecords';
import { HubSupportPanel, openSupportBySchool } from './HubSupportPanel';

export function HubPage() {
  const { hubId } = useParams();
  const { year } = useStatus();
  const hub = useQueryOf('hubDashboard', { hubId: Number(hubId), year: year ?? undefined });
  return (
    <Loaded query={hub} error="Could not load this hub" loading="Loading hub…">
      {(d) => <HubView d={d} />}
    </Loaded>
  );
}

function HubView({ d }: { d: HubDashboard }) {
  const navigate = useNavigate();
  const [filter, setFilter] = useState('');
  const openSupport = useMemo(() => openSupportBySchool(d), [d]);
  const h = d.hub;

  return (
    <div className="dash">
      <PageHeader
        crumbs={<Link to="/network">Network</Link>}
        title={h.name}
        subtitle={`${d.summary.schools} schools · ${formatCount(d.summary.pupils)} pupils · ${d.year} · as at ${formatDate(d.today)}`}
        actions={
          <>
            <input type="search" className="filter" placeholder="Filter schools…" aria-label="Filter schools" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <Link className="button" to={`/funding/${h.id}`}>
              Funding and claims
            </Link>
            <HubEditButton hubId={h.id} />
            <ExportHubButton hubId={h.id} year={d.year} />
          </>
        }
      />
      <section className="people" aria-label="Hub leadership">
        <div>
          <span className="label">Senior Partner</span>
          <span>{h.seniorPartner ?? '—'}</span>
        </div>
        <div>
          <span className="label">Hub Managers</span>
          <span>{h.hubManagers.length ? h.hubManagers.map((m) => (m.focus ? `${m.name} (${m.focus})` : m.name)).join(', ') : '—'}</span>
        </div>
        <div>
          <span className="label">Memberships Manager</span>
          <span>{h.membershipsManager ?? '—'}</span>
        </div>
        {h.region ? (
          <div>
            <span className="label">Region</span>
            <span>{h.region}</span>
          </div>
        ) : null}
      </section>

      <section className="dash-summary" aria-label="Hub summary">
        <div className="dash-summary-item">
          <span className="label">Latest Ofsted</span>
          <OfstedBar profile={d.summary.ofstedProfile} />
        </div>
        <div className="dash-summary-item">
          <span className="label">Latest QA estimates</span>
          <QaBars profile={d.summary.qaProfile} />
        </div>
        <div className="dash-summary-item">
          <span className="label">Reviewer commitments</span>
          <CommitmentCounts counts={d.summary.commitment} />
        </div>
        <div className="dash-summary-item">
          <span className="label">Vulnerable</span>
          <span className={d.summary.vulnerable > 0 ? 'dash-big warn-text' : 'dash-big'}>{d.summary.vulnerable}</span>
        </div>
        <div className="dash-summary-keys">
          <DashKey label="Ofsted" entries={OFSTED_KEY.filter(([short]) => d.summary.ofstedProfile.some((b) => b.count > 0 && shortOfstedKey(b.key) === short))} />
          <DashKey label="QA estimates" entries={QA_KEY} />
        </div>
      </section>

      <HubSchoolsTable hubName={h.name} schools={d.schools} filter={filter} onOpen={(s) => navigate(`/schools/${s.schoolId}`)} openSupport={openSupport} />
      <Sources notes={[...d.sources.roll, ...d.sources.ofsted, ...d.sources.qa, ...d.sources.reviewers]} />

      <div className="dash-panels">
        <VulnerablePanel d={d} />
        <UpcomingReviewsPanel d={d} />
        <ShortfallPanel d={d} />
        <ReviewFirstPanel d={d} />
        <TrainingPanel d={d} />
        <MeetingsPanel d={d} />
        <FundingPanel d={d} />
        <HubSupportPanel d={d} />
      </div>

      <MembershipsPanel d={d} />
      <MeetingsRecords d={d} />
    </div>
  );
}
