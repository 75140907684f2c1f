import { useEffect, useMemo, useState } from 'react';
import type { HubRecord } from '@shared/contract';
import { createHubSchema, updateHubSchema } from '@shared/validation/hubs';
import { useRecordSave } from '../../components/forms/useRecordSave';
import { RecordDialog } from '../../components/forms/RecordDialog';
import { Field } from '../../components/forms/Field';
import { validate } from '../../components/forms/validate';

type Saved = { auditId: number; summary: string; record: HubRecord };
type Manager = { id?: number; name: string; email: string; phone: string; focus: string };

/** Create a hub, or rename one and change its people and region (Hub Managers included). */
export function HubEditDialog({ hubId, onSaved, onCancel }: { hubId: number | null; onSaved(r: Saved): void; onCancel(): void }) {
  const [rec, setRec] = useState<HubRecord | null>(null);
  const [staff, setStaff] = useState<HubRecord['staff']>([]);
  const [v, setV] = useState({ name: '', region: '', seniorPartner: '', seniorPartnerEmail: '', membershipsManagerId: 0 });
  const [managers, setManagers] = useState<Manager[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, server, setServer, saveRecord } = useRecordSave();
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (hubId === null) {
      // The central team list comes with any hub's record; a new hub starts empty.
      window.api.listHubs({}).then(
        (hs) => (hs[0] ? window.api.hubRecord({ hubId: hs[0].id }).then((r) => setStaff(r.staff)) : undefined),
        () => undefined,
      );
      return;
    }
    window.api.hubRecord({ hubId }).then(
      (r) => {
        setRec(r);
        setStaff(r.staff);
        setV({ name: r.name, region: r.region ?? '', seniorPartner: r.seniorPartner ?? '', seniorPartnerEmail: r.seniorPartnerEmail ?? '', membershipsManagerId: r.membershipsManagerId ?? 0 });
        setManagers(r.hubManagers.map((m) => ({ id: m.id, name: m.name, email: m.email ?? '', phone: m.phone ?? '', focus: m.focus ?? '' })));
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [hubId]);

  const fields = {
    name: v.name,
    region: v.region || null,
    seniorPartner: v.seniorPartner || null,
    seniorPartnerEmail: v.seniorPartnerEmail || null,
    membershipsManagerId: v.membershipsManagerId || null,
    hubManagers: managers.map((m) => ({ ...(m.id ? { id: m.id } : {}), name: m.name, email: m.email || null, phone: m.phone || null, focus: m.focus || null })),
  };
  const request = hubId === null ? fields : rec ? { hubId, version: rec.version, ...fields } : null;
  const messages = useMemo(
    () => (request ? { ...validate(hubId === null ? createHubSchema : updateHubSchema, request), ...server } : {}),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(request), server],
  );
  const shown = (k: string) => (touched || k !== 'name' || v.name ? messages[k] : null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setV({ ...v, [k]: k === 'membershipsManagerId' ? Number(e.target.value) : e.target.value });
    setServer({});
  };
  const setManager = (i: number, k: keyof Manager, value: string) => {
    setManagers(managers.map((m, j) => (j === i ? { ...m, [k]: value } : m)));
    setServer({});
  };

  async function save() {
    setTouched(true);
    if (!request || Object.keys(messages).length) return;
    await saveRecord(async () => {
      onSaved(hubId === null ? await window.api.createHub(fields as Parameters<typeof window.api.createHub>[0]) : await window.api.updateHub(request as Parameters<typeof window.api.updateHub>[0]));
    });
  }

  return (
    <RecordDialog title={hubId === null ? 'New hub' : `Edit hub: ${rec?.name ?? ''}`} label={hubId === null ? 'New hub' : 'Edit hub'} saveLabel={hubId === null ? 'Create hub' : 'Save hub'} busy={busy} error={error ?? loadError} wide onSave={() => void save()} onCancel={onCancel}>
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
