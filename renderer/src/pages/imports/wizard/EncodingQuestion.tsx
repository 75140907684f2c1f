import { useId } from 'react';
import type { EncodingChoice } from '@shared/contract/staging';
import type { TextEncoding } from './config';

/**
 * The core could not tell a CSV's text encoding: each likely one with a row of the file read in it,
 * to choose the one whose names read right (the staged file is previewed again in it). The question
 * names its file (an import can read two). Once chosen, a line says so, with a way back to the question.
 */
export function EncodingQuestion({
  fileName,
  choice,
  chosen,
  busy,
  onChoose,
}: {
  fileName: string;
  choice: EncodingChoice | null;
  chosen: TextEncoding | undefined;
  busy: boolean;
  onChoose(encoding: TextEncoding | undefined): void;
}) {
  const headingId = useId();
  if (!choice) {
    if (!chosen) return null;
    return (
      <p className="hint">
        {fileName} is read as {chosen}, as you chose.{' '}
        <button type="button" className="link-button" onClick={() => onChoose(undefined)} disabled={busy} aria-label={`Choose another encoding for ${fileName}`}>
          Choose another encoding
        </button>
      </p>
    );
  }
  return (
    <section className="import-question notice warn" aria-labelledby={headingId}>
      <h3 id={headingId}>Which encoding reads {fileName} right?</h3>
      <p>
        Its text encoding cannot be told ({choice.reason}), so names could be read wrongly. Here is a row of {fileName} read in each likely encoding: choose the one whose
        names read right.
      </p>
      <ul className="encoding-options" aria-label={`Likely encodings of ${fileName}`}>
        {choice.options.map((o) => (
          <li key={o.encoding}>
            <button type="button" onClick={() => onChoose(o.encoding)} disabled={busy} aria-label={`Read ${fileName} as ${o.encoding}`}>
              {o.encoding}
            </button>
            <code className="encoding-sample">{o.sample}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
