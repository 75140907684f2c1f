import { useMemo, useState } from 'react';
import type { SchoolMergeResult } from '@shared/contract';
import { schoolMergeTargetSchema } from '@shared/validation/merges';
import { useQueryOf } from '../data/queries';
import { validate } from '../components/forms/validate';
import { MergePreview } from './MergePreview';
import { PickOne } from './PickOne';
import { MergeDialog, useMergeFlow } from './MergeFlow';
import { countOf } from '@shared/plural';

/**
 * "Merge into another record…": this school record (usually the old URN) is merged into the one
 * chosen (usually the new URN). Shows what moves, the funding effect and any refusal before saving.
 */
/** `intoSchoolId` starts with the record to keep chosen (a closed school's successor). */
export function MergeSchoolDialog(props: { schoolId: number; intoSchoolId?: number; onSaved(r: SchoolMergeResult): void; onCancel(): void }) {
  const formQuery = useQueryOf('schoolMergeForm', { schoolId: props.schoolId });
  const form = formQuery.data ?? null;
  const formError = formQuery.error?.message ?? null;
  const [filter, setFilter] = useState('');
  const [intoId, setIntoId] = useState<number | null>(props.intoSchoolId ?? null);

  const filtered = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (form?.choices ?? []).filter((c) => !f || `${c.name} ${c.urn}`.toLowerCase().includes(f)).slice(0, 200);
  }, [form, filter]);
  const request = { fromSchoolId: props.schoolId, intoSchoolId: intoId ?? 0 };
  const messages = intoId ? validate(schoolMergeTargetSchema, request) : { intoSchoolId: 'choose the record to keep' };

  const flow = useMergeFlow(
    useQueryOf('previewSchoolMerge', intoId ? { fromSchoolId: props.schoolId, intoSchoolId: intoId } : null),
    'mergeSchools',
    (p, held) => ({ fromSchoolId: p.from.id, intoSchoolId: p.into.id, ...held }),
    props.onSaved,
    { side: form?.school, refetch: formQuery.refetch },
  );
  const { preview, loading } = flow;

  const s = form?.school;
  const merged = s?.mergedInto ?? null;
  return (
    <MergeDialog title={s ? `Merge ${s.name} into another record` : 'Merge into another record'} saveLabel="Merge records" flow={flow} formError={formError} loading={!form} onCancel={props.onCancel}>
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
          <PickOne
            label="Keep this record (merge into it)"
            message={intoId ? messages.intoSchoolId : null}
            hint="Search by name or URN; Enter picks the first match"
            find="Find the record to keep"
            placeholder="Filter by name or URN…"
            size={7}
            filter={filter}
            onFilter={setFilter}
            options={filtered}
            describe={(c) => `${c.name} (${c.urn})${c.hub ? ` · ${c.hub} ${form.year ?? ''}` : ''}`}
            noMatch={`No school matches “${filter}”.`}
            value={intoId}
            onChange={setIntoId}
          />
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
    </MergeDialog>
  );
}
