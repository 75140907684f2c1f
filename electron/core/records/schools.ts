import type { ParsedRequestOf } from '@shared/contract';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { schoolDateIssues } from '@shared/validation/schools';
import type { RecordsChange, SchoolRecord } from '@shared/contract/records';
import { applyChange, loadRow, type RowOf } from '../changes/change-set';
import { assertVersion } from '../changes/stale';
import { versionOf } from '../changes/version';
import { refusal, throwIfIssues } from './refusals';

function toRecord(r: RowOf<'schools'>): SchoolRecord {
  return {
    id: r.id,
    urn: r.urn,
    name: r.name,
    phase: r.phase,
    localAuthority: r.local_authority,
    trust: r.trust,
    headteacher: r.headteacher,
    headteacherSince: r.headteacher_since,
    email: r.email,
    phone: r.phone,
    postcode: r.postcode,
    version: versionOf(r),
  };
}

/** The details a person edits on the school form. */
type SchoolDetails = Pick<RowOf<'schools'>, 'urn' | 'name' | 'phase' | 'local_authority' | 'trust' | 'headteacher' | 'headteacher_since' | 'email' | 'phone' | 'postcode'>;

export async function schoolRecord(ctx: CoreContext, schoolId: number): Promise<SchoolRecord> {
  const raw = await loadRow(ctx.db, 'schools', { id: schoolId });
  if (!raw) throw new HubdeskError('not_found', `There is no school with id ${schoolId}.`);
  return toRecord(raw);
}

const LABELS: Record<keyof SchoolDetails, string> = {
  urn: 'URN', name: 'name', phase: 'phase', local_authority: 'local authority', trust: 'trust', headteacher: 'headteacher',
  headteacher_since: 'headteacher since', email: 'email', phone: 'phone', postcode: 'postcode',
};

export async function updateSchool(ctx: CoreContext, input: ParsedRequestOf<'updateSchool'>): Promise<RecordsChange<SchoolRecord>> {
  throwIfIssues(schoolDateIssues(input, ctx.today()));
  const res = await applyChange(ctx, 'school.update', { entity: 'schools', id: input.schoolId }, async (w) => {
    const row = await loadRow(w.trx, 'schools', { id: input.schoolId });
    if (!row) throw new HubdeskError('not_found', `There is no school with id ${input.schoolId}.`);
    await assertVersion(w.trx, ctx.user, 'schools', row, input.version, row.name);
    if (row.merged_into_school_id !== null) throw refusal([{ path: '', message: `${row.name} was merged into another record; edit that school instead` }]);
    if (input.urn !== row.urn) {
      const other = await w.trx.selectFrom('schools').where('urn', '=', input.urn).select(['name']).executeTakeFirst();
      if (other) throw refusal([{ path: 'urn', message: `URN ${input.urn} already belongs to ${other.name}` }]);
    }
    const next: SchoolDetails = {
      urn: input.urn,
      name: input.name,
      phase: input.phase,
      local_authority: input.localAuthority,
      trust: input.trust,
      headteacher: input.headteacher,
      headteacher_since: input.headteacherSince,
      email: input.email,
      phone: input.phone,
      postcode: input.postcode,
    };
    const changed = (Object.keys(next) as (keyof SchoolDetails)[]).filter((k) => (next[k] ?? null) !== (row[k] ?? null));
    if (changed.length === 0) throw refusal([{ path: '', message: 'nothing to change: the school already holds these details' }]);
    const after = await w.update('schools', { id: input.schoolId }, { ...next, updated_at: ctx.now().toISOString() }, row);
    return { value: toRecord(after), summary: `${input.name}: changed ${changed.map((k) => LABELS[k]).join(', ')}` };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}
