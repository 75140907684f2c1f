import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { QaTextHit, SupportSuggestionView } from '@shared/contract';
import { groupNearIdenticalAoes } from '@shared/domain/qa-text';
import { PHASES, QA_HEADINGS } from '@shared/domain/vocabulary';
import { headingLabel } from '@shared/domain/qa-profile';
import { useQueryOf } from '../data/queries';
import { useSettled } from '../components/forms/useSettled';
import { useStatus } from '../state/status';
import { PageHeader } from '../components/PageHeader';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatCount, formatDate } from '../components/format';
import { todayIso } from '../components/forms/validate';
import { useSavedNotice } from '../components/forms/UndoNotice';
import { SupportDialog } from '../dialogs/SupportDialog';
import { countOf } from '@shared/plural';

const KIND_LABELS: Record<string, string> = { www: 'WWW', ebi: 'EBI', aoe: 'Area of Excellence' };
/** The three headings, short enough for a select (the full label is the option's title). */
const HEADING_SHORT: Record<string, string> = {
  leadership: 'Leadership at all levels',
  quality: 'Quality of provision and outcomes',
  disadvantaged: 'Disadvantaged pupils and additional needs',
};

/** Marks the words of a text that start with one of the searched terms (the search itself also matches word stems). */
function highlight(text: string, terms: string[]): ReactNode {
  if (terms.length === 0) return text;
  const parts = text.split(/([\p{L}\p{N}]+)/u);
  return parts.map((part, i) =>
    terms.some((t) => part.toLowerCase().startsWith(t.slice(0, Math.max(3, t.length - 2)))) && /[\p{L}\p{N}]/u.test(part) ? <mark key={i}>{part}</mark> : part,
  );
}

const NEARNESS_LABEL: Record<string, string> = { 'same hub': 'Same hub', 'same region': 'Same region', elsewhere: 'Elsewhere' };

function Suggestions({ pointId, onClose }: { pointId: number; onClose(): void }) {
  const s = useQueryOf('suggestSupport', { pointId, limit: 20 });
  const { year } = useStatus();
  const [logging, setLogging] = useState<SupportSuggestionView | null>(null);
  const notice = useSavedNotice();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
    title.current?.scrollIntoView({ block: 'nearest' });
  }, [pointId]);
  const ebi = s.data?.ebi;
  return (
    <section className="panel dash-panel dash-suggest" aria-labelledby="suggest-title">
      <div className="dash-suggest-head">
        <h2 id="suggest-title" ref={title} tabIndex={-1}>Schools that could support this EBI</h2>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      {notice.notice}
      {s.error ? <ErrorPanel title="Could not suggest schools" error={s.error} /> : null}
      {!s.data ? (
        <p aria-busy="true" className="muted">Looking for matching Areas of Excellence and WWWs…</p>
      ) : (
        <>
          <blockquote className="dash-ebi">
            “{s.data.ebi.text}” <span className="small muted">— {s.data.ebi.school}{s.data.ebi.hub ? `, ${s.data.ebi.hub}` : ''}, {s.data.ebi.year}</span>
          </blockquote>
          <p className="small muted">
            Matched on: {s.data.terms.join(', ') || 'no key words'}. Schools in the same hub come first, then the same region; within each, a matching accredited Area of
            Excellence first.
          </p>
          {s.data.suggestions.length === 0 ? (
            <p className="empty-line">No other school’s accredited Area of Excellence or WWWs match this EBI.</p>
          ) : (
            <ol className="dash-suggestions">
              {s.data.suggestions.map((x) => (
                <li key={x.schoolId}>
                  <div className="dash-suggestion-head">
                    <span>
                      <Link to={`/schools/${x.schoolId}`} className="strong">{x.school}</Link>{' '}
                      <span className={`tag tag-near-${x.nearness.replace(' ', '-')}`}>{NEARNESS_LABEL[x.nearness]}</span>{' '}
                      <span className="small muted">{[x.hub, x.region, x.phase].filter(Boolean).join(' · ')}</span>
                    </span>
                    <button type="button" className="small-button" onClick={() => setLogging(x)} aria-label={`Log a support request from ${s.data!.ebi.school} brokered to ${x.school}`}>
                      Log a request…
                    </button>
                  </div>
                  {x.accreditedAoe ? (
                    <div>
                      <span className="dash-flag flag-good">Accredited AoE</span> {highlight(x.accreditedAoe.text, s.data!.terms)}{' '}
                      <span className="small muted">({formatDate(x.accreditedAoe.reviewStart)})</span>
                    </div>
                  ) : null}
                  {x.matches.map((m) => (
                    <div key={`${m.kind}-${m.text}`} className="small">
                      <span className="dash-kind">{m.kind === 'aoe' && m.accredited ? 'Accredited AoE' : KIND_LABELS[m.kind]}</span> {highlight(m.text, s.data!.terms)}{' '}
                      <span className="muted">({formatDate(m.reviewStart)})</span>
                    </div>
                  ))}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {logging && ebi && year ? (
        <SupportDialog
          schoolId={ebi.schoolId}
          school={ebi.school}
          year={year}
          today={todayIso()}
          ebis={[{ id: pointId, year: ebi.year, text: ebi.text }]}
          start={{ ebiPointId: pointId, brokeredToSchoolId: logging.schoolId }}
          onCancel={() => setLogging(null)}
          onSaved={(r) => {
            setLogging(null);
            notice.show(r);
          }}
        />
      ) : null}
    </section>
  );
}

function Hit({ h, terms, onSuggest }: { h: QaTextHit; terms: string[]; onSuggest(id: number): void }) {
  return (
    <li className="dash-hit">
      <div className="dash-hit-meta">
        <span className={`dash-kind kind-${h.kind}`}>{KIND_LABELS[h.kind]}</span>
        {h.kind !== 'aoe' ? <span className="small muted">{headingLabel(h.heading)}</span> : h.aoeAccredited ? <span className="dash-flag flag-good">Accredited</span> : <span className="small muted">Not accredited</span>}
      </div>
      <p className="dash-hit-text">{highlight(h.text, terms)}</p>
      <div className="small muted">
        <Link to={`/schools/${h.schoolId}`}>{h.school}</Link> · {h.hub ?? 'no hub that year'} · {h.phase ?? 'phase unknown'} · review {formatDate(h.reviewStart)} ({h.year})
        {h.kind === 'ebi' && h.pointId !== null ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => onSuggest(h.pointId!)}>
              Suggest support
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}

/** How many of a group's schools show before "N more schools". */
const SHOWN_IN_GROUP = 5;

/** Near-identical Areas of Excellence as one line, with every school that has it. */
function AoeGroup({ title, hits, terms }: { title: string; hits: QaTextHit[]; terms: string[] }) {
  const accredited = hits.filter((h) => h.aoeAccredited).length;
  const school = (h: QaTextHit) => (
    <li key={h.reviewId}>
      <Link to={`/schools/${h.schoolId}`}>{h.school}</Link> <span className="muted">· {h.hub ?? 'no hub that year'} · review {formatDate(h.reviewStart)} ({h.year})</span>
      {h.aoeAccredited ? <span className="dash-flag flag-good">Accredited</span> : null}
      {h.text !== title ? <span className="muted"> · written “{h.text}”</span> : null}
    </li>
  );
  return (
    <li className="dash-hit dash-hit-group">
      <div className="dash-hit-meta">
        <span className="dash-kind kind-aoe">{KIND_LABELS.aoe}</span>
        <span className="small muted">
          {countOf(hits.length, 'school')}
          {accredited ? `, ${accredited} accredited` : ''}
        </span>
      </div>
      <p className="dash-hit-text">{highlight(title, terms)}</p>
      <ul className="dash-hit-schools small">{hits.slice(0, SHOWN_IN_GROUP).map(school)}</ul>
      {hits.length > SHOWN_IN_GROUP ? (
        <details className="dash-hit-more small">
          <summary>{countOf(hits.length - SHOWN_IN_GROUP, 'more school')}</summary>
          <ul className="dash-hit-schools">{hits.slice(SHOWN_IN_GROUP).map(school)}</ul>
        </details>
      ) : null}
    </li>
  );
}

/** A choice's value, its text, and (optionally) a longer title. */
type Option = [value: string, text: string, title?: string];

/** One of the search's filters: a labelled drop-down whose first choice is "all". */
function FilterSelect({ label, value, onChange, options }: { label: string; value: string; onChange(value: string): void; options: Option[] }) {
  return (
    <label>
      <span className="label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        {options.map(([v, text, title]) => (
          <option key={v} value={v} title={title}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ExplorerPage() {
  const { status } = useStatus();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [hubId, setHubId] = useState('');
  const [phase, setPhase] = useState('');
  const [heading, setHeading] = useState('');
  const [kind, setKind] = useState('');
  const [year, setYear] = useState('');
  const settled = useSettled(text, 200);
  const ebi = Number(params.get('ebi')) || null;
  const hubs = useQueryOf('listHubs', {});

  const results = useQueryOf('searchQaText', {
    text: settled,
    hubId: hubId ? Number(hubId) : undefined,
    phase: (phase || undefined) as (typeof PHASES)[number] | undefined,
    heading: heading || undefined,
    kind: (kind || undefined) as 'www' | 'ebi' | 'aoe' | undefined,
    year: year || undefined,
    limit: 100,
  });

  const openSuggestions = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('ebi');
    else next.set('ebi', String(id));
    setParams(next, { replace: true });
  };

  const r = results.data;
  return (
    <div className="dash explorer">
      <PageHeader title="WWW/EBI explorer" subtitle="What review teams found across the network: What Went Well, Even Better If, and Areas of Excellence" />
      <form className="dash-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="dash-search">
          <span className="label">Search</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. adaptive teaching, reading fluency" aria-label="Search WWWs, EBIs and Areas of Excellence" autoFocus />
        </label>
        <FilterSelect label="Hub" value={hubId} onChange={setHubId} options={[['', 'All hubs'], ...(hubs.data ?? []).map((h): Option => [String(h.id), h.name])]} />
        <FilterSelect label="Phase" value={phase} onChange={setPhase} options={[['', 'All phases'], ...PHASES.map((p): Option => [p, p])]} />
        <FilterSelect label="Heading" value={heading} onChange={setHeading} options={[['', 'All headings'], ...QA_HEADINGS.map((h): Option => [h.key, HEADING_SHORT[h.key] ?? h.label, h.label])]} />
        <FilterSelect label="Kind" value={kind} onChange={setKind} options={[['', 'WWWs, EBIs and AoEs'], ['www', 'WWWs'], ['ebi', 'EBIs'], ['aoe', 'Areas of Excellence']]} />
        <FilterSelect label="Year" value={year} onChange={setYear} options={[['', 'All years'], ...(status?.years ?? []).map((y): Option => [y.label, y.label])]} />
      </form>

      {ebi !== null ? <Suggestions pointId={ebi} onClose={() => openSuggestions(null)} /> : null}
      {results.error ? <ErrorPanel title="Could not search" error={results.error} onRetry={results.refetch} /> : null}
      {r ? (
        <section aria-label="Results" aria-busy={results.isFetching}>
          <p className="small muted" role="status">
            {r.total === 0
              ? 'Nothing matches.'
              : `${countOf(r.total, 'result')}${r.truncated ? `: the first ${formatCount(r.hits.length)} shown` : ''}${r.terms.length ? ', best match first' : ', newest review first'}. Near-identical Areas of Excellence are shown together.`}
          </p>
          <ol className="dash-hits">
            {groupNearIdenticalAoes(r.hits).map((g) =>
              g.kind === 'one' ? (
                <Hit key={`${g.hit.kind}-${g.hit.pointId ?? g.hit.reviewId}`} h={g.hit} terms={r.terms} onSuggest={(id) => openSuggestions(id)} />
              ) : (
                <AoeGroup key={`aoe-${g.hits[0]!.reviewId}`} title={g.title} hits={g.hits} terms={r.terms} />
              ),
            )}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
