import { useState } from 'react';
import type { ImportProblem, RollPreview } from '@shared/contract/roll-import';
import type { PreviewProps } from '../wizard/config';
import type { RollOptions } from './rollWizard';

type Order = 'dmy' | 'mdy';

const ORDER_TEXT: Record<Order, string> = {
  dmy: 'day first (01/09/2025 is 1 September 2025)',
  mdy: 'month first (09/01/2025 is 1 September 2025)',
};

/** Every date in the file's date column could be day or month first, so the person is asked. */
export function dateQuestionOpen(preview: RollPreview): boolean {
  return preview.dateOrder?.how === 'default';
}

/** The core's warning that asks the date question (shown as the question, not in the list of warnings). */
export function isDateWarning(preview: RollPreview, warning: ImportProblem): boolean {
  return dateQuestionOpen(preview) && warning.row === null && warning.column === preview.dateOrder?.column;
}

/**
 * The day/month order of the file's date column. When every date could be either, it is asked (day
 * first chosen to start with) and nothing is imported until it is answered; the answer is
 * remembered with the column mapping. Once decided, a line says how, with a way to change it.
 */
export function DateOrderQuestion({ preview, busy, replan }: PreviewProps<RollPreview, RollOptions>) {
  const [order, setOrder] = useState<Order>('dmy');
  const decided = preview.dateOrder;
  if (!decided) return null;
  const other: Order = decided.order === 'dmy' ? 'mdy' : 'dmy';
  if (decided.how !== 'default') {
    const how =
      decided.how === 'values'
        ? `as ${decided.decidedBy ? `“${decided.decidedBy}”` : 'a value'} shows`
        : decided.how === 'chosen'
          ? 'as you chose'
          : 'as chosen before for files with these headers';
    return (
      <p className="hint">
        Dates in “{decided.column}” are read {ORDER_TEXT[decided.order]}, {how}.
        {decided.how !== 'values' ? (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => replan({ dateOrder: other, confirmWarnings: false })} disabled={busy}>
              Read them {other === 'dmy' ? 'day' : 'month'} first instead
            </button>
          </>
        ) : null}
      </p>
    );
  }
  return (
    <fieldset className="import-question notice warn">
      <legend>Are the dates in “{decided.column}” day first or month first?</legend>
      <p>Every date in this column could be either (no day is over 12), so the file cannot tell. Choose how they were written; hubdesk remembers it for files with these headers.</p>
      {(['dmy', 'mdy'] as const).map((o) => (
        <label key={o} className="check">
          <input type="radio" name="date-order" value={o} checked={order === o} onChange={() => setOrder(o)} disabled={busy} /> {ORDER_TEXT[o][0]!.toUpperCase() + ORDER_TEXT[o].slice(1)}
        </label>
      ))}
      <div className="step-actions">
        <button type="button" className="primary" onClick={() => replan({ dateOrder: order, confirmWarnings: false })} disabled={busy}>
          Read the dates {order === 'dmy' ? 'day' : 'month'} first
        </button>
      </div>
    </fieldset>
  );
}
