import type { OfstedProfileBucket } from '@shared/domain/ofsted-profile';
import type { QaProfileHeading } from '@shared/domain/qa-profile';
import { gradeTone } from '@shared/domain/ofsted';

const OFSTED_TONE: Record<string, string> = {
  Outstanding: 'best',
  Good: 'good',
  'Requires improvement': 'mid',
  Inadequate: 'poor',
  'Not judged (2024–25)': 'interim',
  'Report card': 'card',
  'Grade not recorded': 'neutral',
  'No graded inspection': 'neutral',
  'No inspection': 'none',
};

function describe(parts: { label: string; count: number }[]): string {
  return parts.filter((p) => p.count > 0).map((p) => `${p.label}: ${p.count}`).join(', ') || 'none';
}

/** The Ofsted profile of a set of schools: one stacked bar; OEIF grades, 2024–25 'Not judged' and report cards kept apart. */
export function OfstedBar({ profile }: { profile: OfstedProfileBucket[] }) {
  const total = profile.reduce((n, b) => n + b.count, 0);
  const text = describe(profile.map((b) => ({ label: b.key, count: b.count })));
  if (total === 0) return <span className="muted">—</span>;
  return (
    <div className="dash-bar-wrap" title={text}>
      <div className="dash-bar" role="img" aria-label={`Latest Ofsted: ${text}`}>
        {profile.filter((b) => b.count > 0).map((b) => (
          <span key={b.key} className={`seg tone-${OFSTED_TONE[b.key] ?? 'neutral'}`} style={{ flexGrow: b.count }} />
        ))}
      </div>
      <div className="dash-bar-legend">
        {profile.filter((b) => b.count > 0).map((b) => (
          <span key={b.key}>
            <span className={`key tone-${OFSTED_TONE[b.key] ?? 'neutral'}`} aria-hidden="true" />
            {shortOfstedKey(b.key)} {b.count}
          </span>
        ))}
      </div>
    </div>
  );
}

/** An Ofsted profile bucket's short label in the bars' legend (OFSTED_KEY says what the short ones mean). */
export function shortOfstedKey(key: string): string {
  switch (key) {
    case 'Outstanding': return 'Outst.';
    case 'Requires improvement': return 'RI';
    case 'Inadequate': return 'Inad.';
    case 'Not judged (2024–25)': return '24–25';
    case 'Report card': return 'Card';
    case 'Grade not recorded': return 'Not rec.';
    case 'No graded inspection': return 'Ungraded';
    case 'No inspection': return 'None';
    default: return key;
  }
}

const HEADING_SHORT: Record<string, string> = { leadership: 'L', quality: 'Q', disadvantaged: 'D' };

/** The QA estimates of a set of schools: one thin bar per heading. */
export function QaBars({ profile }: { profile: QaProfileHeading[] }) {
  return (
    <div className="dash-qa-bars">
      {profile.map((h) => {
        const text = describe(h.counts.map((c) => ({ label: c.estimate, count: c.count })));
        return (
          <div key={h.key} className="dash-qa-bar" title={`${h.label}: ${text}`}>
            <span className="dash-qa-key" aria-hidden="true">{HEADING_SHORT[h.key] ?? '?'}</span>
            <div className="dash-bar thin" role="img" aria-label={`${h.label}: ${text}`}>
              {h.counts.filter((c) => c.count > 0).map((c) => (
                <span key={c.estimate} className={`seg tone-${c.estimate === 'No estimate yet' ? 'none' : gradeTone(c.estimate)}`} style={{ flexGrow: c.count }} />
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** Reviewer-commitment status counts. */
export function CommitmentCounts({ counts }: { counts: Record<'met' | 'on track' | 'behind', number> }) {
  return (
    <span className="dash-statuses">
      <span className={`dash-status status-met${counts.met === 0 ? ' zero' : ''}`} title="Met: attended ≥ commitment">{counts.met} met</span>
      <span className={`dash-status status-on-track${counts['on track'] === 0 ? ' zero' : ''}`} title="On track: attended + booked ≥ commitment">{counts['on track']} on track</span>
      <span className={`dash-status status-behind${counts.behind === 0 ? ' zero' : ''}`} title="Behind: attended + booked < commitment">{counts.behind} behind</span>
    </span>
  );
}

export function StatusChip({ status }: { status: string }) {
  return <span className={`dash-status status-${status.replace(/\s+/g, '-')}`}>{status}</span>;
}

/** A short label and what it means, for a key shown beside the table that uses it. */
export type KeyEntry = [short: string, meaning: string];

/** What the Ofsted bars' short labels mean. */
export const OFSTED_KEY: KeyEntry[] = [
  ['Outst.', 'Outstanding'],
  ['RI', 'Requires improvement'],
  ['Inad.', 'Inadequate'],
  ['24–25', 'inspected September 2024 – August 2025: no overall grade'],
  ['Card', 'a report card (from November 2025): no overall grade'],
];

/** What the QA bars' letters mean. */
export const QA_KEY: KeyEntry[] = [
  ['L', 'Leadership at all levels'],
  ['Q', 'Quality of provision and outcomes'],
  ['D', 'Disadvantaged pupils and SEND'],
];

/** A visible key to a table's or a chart's short labels, where it is used (not only on hover). */
export function DashKey({ label, entries }: { label: string; entries: KeyEntry[] }) {
  return (
    <div className="dash-key">
      <span className="dash-key-title">{label}</span>
      <dl aria-label={label}>
        {entries.map(([short, meaning]) => (
          <div key={short}>
            <dt>{short}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
