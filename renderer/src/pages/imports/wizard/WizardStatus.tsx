import { Progress } from '../Progress';
import type { Failed, Overtaken, Working } from './useWizard';

const TITLES: Record<Failed['at'], string> = {
  file: 'The file could not be used',
  preview: 'The file could not be used',
  commit: 'Nothing was imported',
};

/**
 * What the wizard is doing now (progress) and why its last step failed, above every step. A commit
 * refused because the data (or the file) changed since the preview says so and offers to preview
 * again: the staged file, not sent again. A later preview that fails (the staged file is no longer
 * held) offers to choose the file again. A change made elsewhere (a colleague, heard of on the
 * team server's change stream) to what the preview read is said before any commit, with the same
 * offer; the commit waits for the new preview.
 */
export function WizardStatus({
  working,
  failed,
  overtaken,
  afterFile,
  onPreviewAgain,
  onChooseAgain,
}: {
  working: Working | null;
  failed: Failed | null;
  /** A change made elsewhere since the preview, to what it read (null: none heard of). */
  overtaken: Overtaken | null;
  /** The wizard is past the file step (there is a preview to go back to). */
  afterFile: boolean;
  onPreviewAgain(): void;
  onChooseAgain(): void;
}) {
  return (
    <>
      {working ? <Progress label={working.label} fraction={working.fraction} /> : null}
      {overtaken && !working && !failed ? (
        <div className="notice bad overtaken-notice" role="alert">
          <p>{overtakenMessage(overtaken)}</p>
          <div className="step-actions">
            <button type="button" className="primary" onClick={onPreviewAgain}>
              Preview again
            </button>
          </div>
        </div>
      ) : null}
      {failed && !working ? (
        <div className="error-panel" role="alert">
          <h2>{failed.changedSincePreview ? 'The preview no longer holds: nothing was imported' : TITLES[failed.at]}</h2>
          <p>{failed.message}</p>
          {failed.changedSincePreview ? (
            <div className="step-actions">
              <button type="button" className="primary" onClick={onPreviewAgain}>
                Preview again
              </button>
              <button type="button" onClick={onChooseAgain}>
                Choose another file
              </button>
            </div>
          ) : failed.at === 'preview' && afterFile ? (
            <div className="step-actions">
              <button type="button" onClick={onChooseAgain}>
                Choose the file again
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** "Fin Ance changed the data since this preview (funding); preview again to see what importing would do now." */
export function overtakenMessage(o: Overtaken): string {
  return `${o.by ?? 'Someone else'} changed the data since this preview (${o.tags.join(', ')}); preview again to see what importing would do now.`;
}
