import type { HubFundingDetail } from '@shared/contract';
import { Field } from '../../components/forms/Field';

/** The network category of a plan line or a claim (only categories not retired are offered). */
export function CategorySelect({ detail, value, onChange, message }: { detail: HubFundingDetail; value: number; onChange(id: number): void; message?: string }) {
  return (
    <Field label="Network category" message={message}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(Number(e.target.value))}>
          {detail.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The hub's own priority of a plan line or a claim: free text, offering the priorities its plan already has. */
export function PriorityField({ detail, value, onChange, message, autoFocus }: { detail: HubFundingDetail; value: string; onChange(text: string): void; message?: string | null; autoFocus?: boolean }) {
  const priorities = [...new Set(detail.plan.lines.map((l) => l.priority))];
  return (
    <Field label="Priority" message={message}>
      {(p) => (
        <>
          <input {...p} list={`${p.id}-list`} value={value} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} />
          <datalist id={`${p.id}-list`}>
            {priorities.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
