import { useMemo, useState } from 'react';
import type { SchoolMergeResult } from '@shared/contract';
import { schoolMergeTargetSchema } from '@shared/validation/merges';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { validate } from '../components/forms/validate';
import { MergePreview } from './MergePreview';
import { useMergePreview } from './useMergePreview';
import { countOf } from '@shared/plural';

/**
 * "Merge into another record…": this school record (usually the old URN) is merged into the one
 * chosen (usually the new URN). Shows what moves, the funding effect and any refusal before saving.
 */
export function MergeSchoolDialog(props: { schoolId: number; onSaved(r: SchoolMergeResult): void; onCancel(): void }) {
  const formQuery = useQueryOf('schoolMergeForm', { schoolId: props.schoolId });
  const form = formQuery.data ?? null;
  const formError = formQuery.error?.message ?? null;
  const [filter, setFilter] = useState('');
  const [intoId, setIntoId] = useState<number | null>(null);

  const filtered = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (form?.choices ?? []).filter((c) => !f || `${c.name} ${c.urn}`.toLowerCase().includes(f)).slice(0, 200);
  }, [form, filter]);
  const request = { fromSchoolId: props.schoolId, intoSchoolId: intoId ?? 0 };
  const messages = intoId ? validate(schoolMergeTargetSchema, request) : { intoSchoolId: 'choose the record to keep' };

  const flow = useMergePreview(useQueryOf('previewSchoolMerge', intoId ? { fromSchoolId: props.schoolId, intoSchoolId: intoId } : null));
  const { preview, loading } = flow;
  const merge = useChange();
  async function submit() {
    if (!flow.canSave || !preview) return;
    const r = await merge.run('mergeSchools', { fromSchoolId: preview.from.id, intoSchoolId: preview.into.id, fromVersion: preview.from.version, intoVersion: preview.into.version });
    if (r) props.onSaved(r);
  }

  const s = form?.school;
  const merged = s?.mergedInto ?? null;
  return (
    <RecordDialog
      title={s ? `Merge ${s.name} into another record` : 'Merge into another record'}
      saveLabel="Merge records"
      busy={merge.busy}
      error={merge.error ?? flow.error ?? formError}
      wide
      canSave={flow.canSave}
      onSave={() => void submit()}
      onCancel={props.onCancel}
    >
      {!form && !formError ? <p aria-busy="true">Loading…</p> : null}
      {merged ? (
        <p className="form-error">
          {s!.name} (URN {s!.urn}) was already merged into {merged.name} (URN {merged.urn}).
        </p>
      ) : null}
      {form && !merged ? (
        <>
          <p className="small muted">
            When a school converts and gets a new URN, keep the new record and merge the old one into it. Memberships, QA reviews, reviewers, training, meeting
            attendance, contacts and support requests move to the kept record; the Ofsted inspections stay under their URN and show in the kept school’s history.
          </p>
          <Field label="Keep this record (merge into it)" message={intoId ? messages.intoSchoolId : null} hint="Search by name or URN; Enter picks the first match">
            {(p) => (
              <>
                <input
                  type="search"
                  placeholder="Filter by name or URN…"
                  aria-label="Find the record to keep"
                  value={filter}
                  autoFocus
                  onChange={(e) => setFilter(e.target.value)}
                  onKeyDown={(e) => {
                    // Enter picks the first match (when it is not already the choice); then Enter merges.
                    const first = filtered[0];
                    if (e.key === 'Enter' && first && first.id !== intoId) {
                      e.preventDefault();
                      setIntoId(first.id);
                    }
                  }}
                />
                <select {...p} size={7} value={intoId ?? ''} onChange={(e) => setIntoId(Number(e.target.value))}>
                  {filtered.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.urn}){c.hub ? ` · ${c.hub} ${form.year ?? ''}` : ''}
                    </option>
                  ))}
                </select>
                {filtered.length === 0 ? <span className="small muted">No school matches “{filter}”.</span> : null}
              </>
            )}
          </Field>
          {preview ? (
            <>
              <dl className="merge-keep">
                <dt>Kept</dt>
                <dd data-testid="merge-kept">
                  {preview.into.name} (URN {preview.into.urn})
                </dd>
                <dt>Merged into it</dt>
                <dd data-testid="merge-merged">
                  {preview.from.name} (URN {preview.from.urn})
                </dd>
              </dl>
              <MergePreview
                moves={preview.moves}
                refusals={preview.refusals}
                funding={preview.funding}
                extra={`Ofsted: ${countOf(preview.inspections.fromUrn, 'inspection')} under URN ${preview.from.urn} will show in ${preview.into.name}’s history beside its own ${preview.inspections.intoUrn}.`}
                noFunding={`${preview.from.name} has no memberships, so no hub’s funding changes.`}
              />
            </>
          ) : intoId ? (
            <p className="small muted">{loading ? 'Working out what moves…' : ''}</p>
          ) : (
            <p className="small muted">Choose the record to keep: what moves and the funding effect show here before you merge.</p>
          )}
        </>
      ) : null}
    </RecordDialog>
  );
}
