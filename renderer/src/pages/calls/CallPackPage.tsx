import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CallPack, CallView } from '@shared/contract';
import { CALL_KIND_LABELS } from '@shared/domain/calls';
import { useQueryOf } from '../../data/queries';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../data/Loaded';
import { formatDate } from '../../components/format';
import { saveBase64 } from '../../components/download';
import { desktopSavePdf } from '../../api/install';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';
import { CallStatus } from './status';
import { ChangesSection, FundingSection, MeetingsSection, PreviousCallsSection, ReviewsSection, SupportSection, VulnerableSection, sinceText } from './PackSections';
import { OpenActionsSection } from './OpenActions';
import { RECORD_CALL_FORM, RecordCallForm } from './RecordCallForm';
import { countOf } from '@shared/plural';

/**
 * A hub's call pack for a term, laid out for printing (the print stylesheet keeps only .call-pack),
 * with the form to record the call underneath. PDF: in the desktop app, Electron's printToPDF to a
 * file the person chooses; in browser mode, the browser's print ("Save as PDF").
 */
export function CallPackPage() {
  const { hubId, term } = useParams();
  const pack = useQueryOf('callPack', { hubId: Number(hubId), term: term ?? '' });
  return (
    <Loaded query={pack} error="Could not build the call pack" loading="Building the call pack…">
      {(p) => <CallPackView p={p} />}
    </Loaded>
  );
}

function CallPackView({ p }: { p: CallPack }) {
  const download = useChange();
  const [recorded, setRecorded] = useState<CallView | null>(null);
  const [pdfSaved, setPdfSaved] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const savePdf = desktopSavePdf();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // After recording, bring the confirmation (top of the pack) into view and give it focus.
  useEffect(() => {
    if (recorded) noticeRef.current?.focus();
  }, [recorded]);

  // The PDF is written by the desktop app itself (Electron's printToPDF), not by the core.
  async function saveDesktopPdf(save: NonNullable<typeof savePdf>) {
    setPdfSaved(null);
    setPdfError(null);
    const r = await save(`${p.hub.name} call pack ${p.term.id}.pdf`.replace(/[\\/:*?"<>|]+/g, ' '));
    if (r.ok) setPdfSaved((r.value as { saved: string | null }).saved);
    else setPdfError(r.error.message);
  }

  // The form is at the foot of a long pack: the button at the top takes the person (and the keyboard) to it.
  function goToRecordCall() {
    const form = document.getElementById(RECORD_CALL_FORM);
    form?.scrollIntoView({ block: 'start' });
    form?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  }

  async function saveWorkbook() {
    const file = await download.run('callPackWorkbook', { hubId: p.hub.id, term: p.term.id });
    if (file) saveBase64(file.fileName, file.contentBase64);
  }

  return (
    <div className="calls">
      <div className="call-pack">
        <PageHeader
          crumbs={
            <span className="no-print">
              <Link to="/calls">My calls</Link> · <Link to={`/hubs/${p.hub.id}`}>{p.hub.name} dashboard</Link>
            </span>
          }
          title={`${p.hub.name}: call pack`}
          subtitle={`${p.term.label} (${p.term.membershipYear}) · as at ${formatDate(p.asAt)} · changes ${sinceText(p)}`}
          actions={
            <span className="no-print page-actions">
              <button type="button" className="primary" onClick={goToRecordCall}>
                Record a call
              </button>
              <button type="button" onClick={() => void saveWorkbook()} disabled={download.busy}>
                Download Excel
              </button>
              {savePdf ? (
                <>
                  <button type="button" onClick={() => void saveDesktopPdf(savePdf)} disabled={download.busy}>
                    Save as PDF
                  </button>
                  <button type="button" onClick={() => window.print()}>
                    Print
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => window.print()}>
                  Print / Save as PDF
                </button>
              )}
            </span>
          }
        />
        <FormError error={download.error ?? pdfError} />
        {pdfSaved ? (
          <p className="notice no-print" role="status">
            Saved the pack as PDF: {pdfSaved}
          </p>
        ) : null}
        {recorded ? (
          <p className="notice" role="status" tabIndex={-1} ref={noticeRef}>
            Recorded the {CALL_KIND_LABELS[recorded.kind]} call of {formatDate(recorded.heldOn)} with {countOf(recorded.actions.length, 'action')}. The pack now
            looks back to it.
          </p>
        ) : null}
        <section className="people pack-people" aria-label="Who the calls are with">
          <div>
            <span className="label">Hub Manager call</span>
            <span>{p.hub.hubManagers.map((m) => (m.focus ? `${m.name} (${m.focus})` : m.name)).join(', ') || '—'}</span>
            <CallStatus state={p.callStatus.hub_manager} />
          </div>
          <div>
            <span className="label">Senior Partner call</span>
            <span>{p.hub.seniorPartner ?? '—'}</span>
            <CallStatus state={p.callStatus.senior_partner} />
          </div>
          <div>
            <span className="label">Memberships Manager</span>
            <span>{p.hub.membershipsManager ?? '—'}</span>
          </div>
        </section>
        <OpenActionsSection pack={p} />
        <ChangesSection pack={p} />
        <ReviewsSection pack={p} />
        <VulnerableSection pack={p} />
        <SupportSection pack={p} />
        <FundingSection pack={p} />
        <MeetingsSection pack={p} />
        <PreviousCallsSection pack={p} />
        <p className="dash-source pack-sources">
          Sources: {p.sources.map((s) => `${s.what}: ${s.source}${s.asAt ? `, as at ${formatDate(s.asAt)}` : ''}`).join(' · ')}. Pack made on {formatDate(p.generatedOn)}.
        </p>
      </div>
      <RecordCallForm
        pack={p}
        onRecorded={setRecorded}
      />
    </div>
  );
}
