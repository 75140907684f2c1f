import { useState } from 'react';
import type { HubFundingDetail, PlanLineView } from '@shared/contract';
import { addPlanLineSchema, updatePlanLineSchema } from '@shared/validation/funding';
import { useChange } from '../../data/mutations';
import { Field } from '../../components/forms/Field';
import { FormError } from '../../components/forms/FormError';
import { validate } from '../../components/forms/validate';
import { AmountField, confirmedPence } from './money';
import { PageForm } from '../../components/forms/PageForm';
import { CategorySelect, PriorityField } from './FundingFields';
import { FormActions } from '../../components/forms/FormActions';
import type { Saved } from '../../components/forms/UndoNotice';

/** Add or edit one action plan line: priority, activity, amount as typed (confirmed if not exact), category. */
export function PlanLineForm({ detail, line, onDone, onSaved }: { detail: HubFundingDetail; line?: PlanLineView; onDone(): void; onSaved(r: Saved): void }) {
  const [v, setV] = useState({ priority: line?.priority ?? '', activity: line?.activity ?? '', amount: line?.amountAsTyped ?? '', confirmed: '', categoryId: line?.categoryId ?? detail.categories[0]?.id ?? 0 });
  const [touched, setTouched] = useState(false);
  const save = useChange();
  const fields = { priority: v.priority, activity: v.activity, amount: v.amount, confirmedPence: confirmedPence(v.confirmed), categoryId: v.categoryId };
  const request = line ? { lineId: line.id, ...fields } : { hubId: detail.hubId, year: detail.year, ...fields };
  const messages = { ...validate(line ? updatePlanLineSchema : addPlanLineSchema, request), ...save.fieldErrors };
  const set = (k: keyof typeof v) => (value: string | number) => {
    setV({ ...v, [k]: value });
    save.clearFieldErrors();
  };
  const show = (k: string, filled: boolean) => (touched || filled ? messages[k] : null);

  async function submit() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    const r = line ? await save.run('updatePlanLine', { lineId: line.id, ...fields }) : await save.run('addPlanLine', { hubId: detail.hubId, year: detail.year, ...fields });
    if (r) onSaved(r);
  }

  return (
    <PageForm label={line ? 'Edit plan line' : 'Add a plan line'} className="line-form" onSubmit={submit} onCancel={onDone}>
      <PriorityField detail={detail} value={v.priority} onChange={set('priority')} message={show('priority', v.priority !== '')} autoFocus />
      <Field label="Activity" message={show('activity', v.activity !== '')} wide>
        {(p) => <input {...p} value={v.activity} onChange={(e) => set('activity')(e.target.value)} />}
      </Field>
      <AmountField label="Planned cost" value={v.amount} onChange={set('amount')} message={messages.amount} confirmed={v.confirmed} onConfirmed={set('confirmed')} />
      <CategorySelect detail={detail} value={v.categoryId} onChange={set('categoryId')} message={messages.categoryId} />
      <FormActions save={line ? 'Save line' : 'Add line'} busy={save.busy} onCancel={onDone} />
      <FormError error={save.error} />
    </PageForm>
  );
}
