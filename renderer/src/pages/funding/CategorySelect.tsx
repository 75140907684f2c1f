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
