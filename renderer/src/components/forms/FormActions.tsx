/** Save and Cancel under a page form: the save button submits the form (Enter does the same). */
export function FormActions({ save, busy, disabled, onCancel, onSave }: { save: string; busy: boolean; disabled?: boolean; onCancel(): void; onSave?(): void }) {
  return (
    <div className="form-actions">
      <button type={onSave ? 'button' : 'submit'} className="primary" onClick={onSave} disabled={busy || disabled}>
        {save}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
