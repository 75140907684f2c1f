import { TEXT_ENCODING_CHOICES } from '@shared/contract/staging';
import type { TextEncoding } from './config';

/**
 * The text encoding of a CSV, for the imports whose core refuses a file it cannot tell (naming the
 * likely encodings, each with a row read in it): the person chooses one here and previews again.
 */
export function EncodingSelect({ value, onChange, disabled }: { value: TextEncoding | undefined; onChange(encoding: TextEncoding | undefined): void; disabled?: boolean }) {
  return (
    <label className="field-inline">
      <span>Text encoding (CSV)</span>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as TextEncoding | undefined)} disabled={disabled} aria-label="Text encoding of a CSV file">
        <option value="">Tell from the file</option>
        {TEXT_ENCODING_CHOICES.map((e) => (
          <option key={e} value={e}>
            {e}
          </option>
        ))}
      </select>
    </label>
  );
}
