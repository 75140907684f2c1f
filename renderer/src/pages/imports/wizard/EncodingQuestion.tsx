import type { EncodingChoice } from '@shared/contract/staging';
import type { TextEncoding } from './config';

/**
 * The core could not tell a CSV's text encoding: each likely one with a row of the file read in it,
 * to choose the one whose names read right (the staged file is previewed again in it). Once chosen,
 * a line says so, with a way back to the question.
 */
export function EncodingQuestion({ choice, chosen, busy, onChoose }: { choice: EncodingChoice | null; chosen: TextEncoding | undefined; busy: boolean; onChoose(encoding: TextEncoding | undefined): void }) {
  if (!choice) {
    if (!chosen) return null;
    return (
      <p className="hint">
        Read as {chosen}, as you chose.{' '}
        <button type="button" className="link-button" onClick={() => onChoose(undefined)} disabled={busy}>
          Choose another encoding
        </button>
      </p>
    );
  }
  return (
    <section className="import-question notice warn" aria-labelledby="encoding-question">
      <h3 id="encoding-question">Which encoding reads this file right?</h3>
      <p>
        The file’s text encoding cannot be told ({choice.reason}), so names could be read wrongly. Here is a row of the file read in each likely encoding: choose the one
        whose names read right.
      </p>
      <ul className="encoding-options" aria-label="Likely encodings">
        {choice.options.map((o) => (
          <li key={o.encoding}>
            <button type="button" onClick={() => onChoose(o.encoding)} disabled={busy} aria-label={`Read as ${o.encoding}`}>
              {o.encoding}
            </button>
            <code className="encoding-sample">{o.sample}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
