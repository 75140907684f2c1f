import type { HubRecord, RequestOf } from '@shared/contract';
import { createHubSchema, updateHubSchema } from '@shared/validation/hubs';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { reloadOnConflict, useRecordEdits } from '../components/forms/useEdits';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { validate } from '../components/forms/validate';
import { useState } from 'react';

type Saved = { auditId: number; summary: string; record: HubRecord };
type Manager = { id?: number; name: string; email: string; phone: string; focus: string };
type Values = { name: string; region: string; seniorPartner: string; seniorPartnerEmail: string; membershipsManagerId: number; managers: Manager[] };

const NEW_HUB: Values = { name: '', region: '', seniorPartner: '', seniorPartnerEmail: '', membershipsManagerId: 0, managers: [] };

function valuesOf(r: HubRecord): Values {
  return {
    name: r.name,
    region: r.region ?? '',
    seniorPartner: r.seniorPartner ?? '',
    seniorPartnerEmail: r.seniorPartnerEmail ?? '',
    membershipsManagerId: r.membershipsManagerId ?? 0,
    managers: r.hubManagers.map((m) => ({ id: m.id, name: m.name, email: m.email ?? '', phone: m.phone ?? '', focus: m.focus ?? '' })),
  };
}

/** Create a hub, or rename one and change its people and region (Hub Managers included). */
export function HubEditDialog({ hubId, onSaved, onCancel }: { hubId: number | null; onSaved(r: Saved): void; onCancel(): void }) {
  // The central team list comes with any hub's record; a new hub starts empty.
  const anyHub = useQueryOf('listHubs', hubId === null ? {} : null).data?.[0];
  const loaded = useQueryOf('hubRecord', hubId !== null ? { hubId } : anyHub ? { hubId: anyHub.id } : null);
  const form = useRecordEdits<HubRecord, Values>(hubId !== null ? (loaded.data ?? null) : null, valuesOf, NEW_HUB);
  const rec = form.record;
  const staff = loaded.data?.staff ?? [];
  const loadError = hubId !== null ? loaded.error?.message : undefined;
  const { values: v, set: setV } = form;
  const managers = v.managers;
  const save = useChange();
  const [touched, setTouched] = useState(false);

  const fields = {
    name: v.name,
    region: v.region || null,
    seniorPartner: v.seniorPartner || null,
    seniorPartnerEmail: v.seniorPartnerEmail || null,
    membershipsManagerId: v.membershipsManagerId || null,
    hubManagers: managers.map((m) => ({ ...(m.id ? { id: m.id } : {}), name: m.name, email: m.email || null, phone: m.phone || null, focus: m.focus || null })),
  };
  const request = hubId === null ? fields : rec ? { hubId, version: rec.version, ...fields } : null;
  const messages = request ? { ...validate(hubId === null ? createHubSchema : updateHubSchema, request), ...save.fieldErrors } : {};
  const shown = (k: string) => (touched || k !== 'name' || v.name ? messages[k] : null);
  const set = (k: Exclude<keyof Values, 'managers'>) => (e: { target: { value: string } }) => {
    setV({ ...v, [k]: k === 'membershipsManagerId' ? Number(e.target.value) : e.target.value });
    save.clearFieldErrors();
  };
  const setManagers = (next: Manager[]) => setV({ ...v, managers: next });
  const setManager = (i: number, k: keyof Manager, value: string) => {
    setManagers(managers.map((m, j) => (j === i ? { ...m, [k]: value } : m)));
    save.clearFieldErrors();
  };

  async function submit() {
    setTouched(true);
    if (!request || Object.keys(messages).length) return;
    const r = hubId === null ? await save.run('createHub', fields as RequestOf<'createHub'>) : await save.run('updateHub', request as RequestOf<'updateHub'>);
    if (r) onSaved(r);
  }

  return (
    <RecordDialog title={hubId === null ? 'New hub' : `Edit hub: ${rec?.name ?? ''}`} label={hubId === null ? 'New hub' : 'Edit hub'} saveLabel={hubId === null ? 'Create hub' : 'Save hub'} busy={save.busy} error={save.error ?? loadError} onReload={hubId !== null ? reloadOnConflict(save, loaded.refetch, form.restart) : undefined} wide onSave={() => void submit()} onCancel={onCancel}>
      {hubId !== null && !rec && !loadError ? <p aria-busy="true">Loading…</p> : null}
      {hubId === null || rec ? (
        <>
          <div className="record-grid">
            <Field label="Hub name" message={shown('name')}>{(p) => <input {...p} value={v.name} onChange={set('name')} autoFocus />}</Field>
            <Field label="Region" message={messages.region}>{(p) => <input {...p} value={v.region} onChange={set('region')} />}</Field>
            <Field label="Senior Partner" message={messages.seniorPartner}>{(p) => <input {...p} value={v.seniorPartner} onChange={set('seniorPartner')} />}</Field>
            <Field label="Senior Partner email" message={messages.seniorPartnerEmail}>{(p) => <input {...p} type="email" value={v.seniorPartnerEmail} onChange={set('seniorPartnerEmail')} />}</Field>
            <Field label="Memberships Manager" message={messages.membershipsManagerId}>
              {(p) => (
                <select {...p} value={v.membershipsManagerId || ''} onChange={set('membershipsManagerId')}>
                  <option value="">—</option>
                  {staff.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.role})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset className="record-subform">
            <legend>Hub Managers</legend>
            {managers.length === 0 ? <p className="small muted">No Hub Manager recorded.</p> : null}
            {managers.map((m, i) => (
              <div className="record-grid" key={m.id ?? `new-${i}`}>
                <Field label="Name" message={messages[`hubManagers.${i}.name`]}>{(p) => <input {...p} value={m.name} onChange={(e) => setManager(i, 'name', e.target.value)} />}</Field>
                <Field label="Focus" message={messages[`hubManagers.${i}.focus`]}>{(p) => <input {...p} value={m.focus} placeholder="e.g. primary" onChange={(e) => setManager(i, 'focus', e.target.value)} />}</Field>
                <Field label="Email" message={messages[`hubManagers.${i}.email`]}>{(p) => <input {...p} type="email" value={m.email} onChange={(e) => setManager(i, 'email', e.target.value)} />}</Field>
                <Field label="Phone" message={messages[`hubManagers.${i}.phone`]}>
                  {(p) => (
                    <span className="inline-form">
                      <input {...p} type="tel" value={m.phone} onChange={(e) => setManager(i, 'phone', e.target.value)} />
                      <button type="button" aria-label={`Remove ${m.name || 'this manager'}`} onClick={() => setManagers(managers.filter((_, j) => j !== i))}>
                        Remove
                      </button>
                    </span>
                  )}
                </Field>
              </div>
            ))}
            {messages.hubManagers ? <p className="field-message">{messages.hubManagers}</p> : null}
            <button type="button" onClick={() => setManagers([...managers, { name: '', email: '', phone: '', focus: '' }])}>
              Add a Hub Manager
            </button>
          </fieldset>
        </>
      ) : null}
    </RecordDialog>
  );
}
