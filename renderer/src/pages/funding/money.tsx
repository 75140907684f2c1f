import { useId } from 'react';
import { Field } from '../../components/forms/Field';
import { formatPence, poundsToPence } from '@shared/domain/money';
import { parseTypedAmount, type TypedAmount } from '@shared/domain/money-parse';

/** An amount in pence, shown as £1,234.56; negative amounts in the error colour. */
export function Money({ pence, strong }: { pence: number; strong?: boolean }) {
  return <span className={`money${pence < 0 ? ' neg' : ''}${strong ? ' strong' : ''}`}>{formatPence(pence)}</span>;
}

/**
 * What a typed amount means, for forms: exact forms parse; `allowNegative` also takes a plain
 * signed number like -120.50 (a carry forward may be negative).
 */
export function readAmount(text: string, allowNegative = false): TypedAmount {
  const parsed = parseTypedAmount(text);
  if (parsed.kind === 'exact' || !allowNegative) return parsed;
  try {
    const pence = poundsToPence(text.replace(/£/g, '').replace(/,/g, ''));
    return { kind: 'exact', pence, normalised: formatPence(pence) };
  } catch {
    return parsed;
  }
}

/**
 * A money input that shows, as the person types, what the amount will be saved as, or why it needs
 * confirming; a figure that needs confirming gets its own field, filled with the suggestion.
 */
export function AmountField({
  label,
  value,
  onChange,
  message,
  confirmed,
  onConfirmed,
  allowConfirm = true,
  allowNegative = false,
}: {
  label: string;
  value: string;
  onChange(text: string): void;
  /** The shared schema's or the core's message for the amount. */
  message?: string | null;
  confirmed?: string;
  onConfirmed?(text: string): void;
  allowConfirm?: boolean;
  allowNegative?: boolean;
}) {
  const parsed = value.trim() === '' ? null : readAmount(value, allowNegative);
  const note =
    parsed?.kind === 'exact' ? (
      <span className="field-note good-text">Saved as {parsed.normalised}</span>
    ) : parsed?.kind === 'needs_confirmation' ? (
      <span className="field-note warn-text">
        Needs confirming: {parsed.reason}
        {parsed.suggestedPence !== null ? ` (it may mean ${formatPence(parsed.suggestedPence)})` : ''}
      </span>
    ) : null;
  return (
    <>
      <Field label={label} message={message} hint={note}>
        {(p) => <input {...p} value={value} onChange={(e) => onChange(e.target.value)} inputMode="decimal" autoComplete="off" />}
      </Field>
      {parsed?.kind === 'needs_confirmation' && allowConfirm && onConfirmed ? (
        <ConfirmAmount suggested={parsed.suggestedPence} value={confirmed ?? ''} onChange={onConfirmed} />
      ) : null}
    </>
  );
}

function ConfirmAmount({ suggested, value, onChange }: { suggested: number | null; value: string; onChange(text: string): void }) {
  const id = useId();
  const parsed = value.trim() === '' ? null : parseTypedAmount(value);
  return (
    <div className="field confirm-field">
      <label htmlFor={id}>Confirm the exact amount</label>
      <div className="inline">
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} placeholder="e.g. £1,300.00" autoComplete="off" />
        {suggested !== null ? (
          <button type="button" onClick={() => onChange(formatPence(suggested))}>
            Use {formatPence(suggested)}
          </button>
        ) : null}
      </div>
      {parsed && parsed.kind !== 'exact' ? <span className="field-note warn-text">Enter an exact amount, like £1,234.56</span> : null}
    </div>
  );
}

/** The pence a confirmation field holds, or undefined when it is not an exact amount. */
export function confirmedPence(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const parsed = parseTypedAmount(text);
  return parsed.kind === 'exact' ? parsed.pence : undefined;
}
