import { useId, useState } from 'react';
import type { HubFundingDetail, PlanLineView } from '@shared/contract';
import { AmountField, confirmedPence } from './money';
import { FormError, useAction } from './useAction';

/** Add or edit one action plan line: priority, activity, amount as typed (confirmed if not exact), category. */
export function PlanLineForm({ detail, line, onDone }: { detail: HubFundingDetail; line?: PlanLineView; onDone(saved: boolean): void }) {
  const [priority, setPriority] = useState(line?.priority ?? '');
  const [activity, setActivity] = useState(line?.activity ?? '');
  const [amount, setAmount] = useState(line?.amountAsTyped ?? '');
  const [confirmed, setConfirmed] = useState('');
  const [categoryId, setCategoryId] = useState(line?.categoryId ?? detail.categories[0]?.id ?? 0);
  const action = useAction();
  const ids = { priority: useId(), activity: useId(), category: useId() };
  const priorities = [...new Set(detail.plan.lines.map((l) => l.priority))];

  async function submit() {
    const fields = { priority, activity, amount, confirmedPence: confirmedPence(confirmed), categoryId };
    const ok = await action.run(() =>
      line ? window.api.updatePlanLine({ lineId: line.id, ...fields }) : window.api.addPlanLine({ hubId: detail.hubId, year: detail.year, ...fields }),
    );
    if (ok) onDone(true);
  }

  return (
    <form
      className="form-grid line-form"
      aria-label={line ? 'Edit plan line' : 'Add a plan line'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={ids.priority}>Priority</label>
        <input id={ids.priority} list={`${ids.priority}-list`} value={priority} onChange={(e) => setPriority(e.target.value)} required autoFocus />
        <datalist id={`${ids.priority}-list`}>
          {priorities.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
      <div className="field wide">
        <label htmlFor={ids.activity}>Activity</label>
        <input id={ids.activity} value={activity} onChange={(e) => setActivity(e.target.value)} required />
      </div>
      <AmountField label="Planned cost" value={amount} onChange={setAmount} confirmed={confirmed} onConfirmed={setConfirmed} />
      <div className="field">
        <label htmlFor={ids.category}>Network category</label>
        <select id={ids.category} value={categoryId} onChange={(e) => setCategoryId(Number(e.target.value))}>
          {detail.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {line ? 'Save line' : 'Add line'}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      <FormError error={action.error} />
    </form>
  );
}
