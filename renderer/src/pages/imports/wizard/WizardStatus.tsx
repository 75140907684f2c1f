import { Progress } from '../Progress';
import type { Failed, Working } from './useWizard';

const TITLES: Record<Failed['at'], string> = {
  file: 'The file could not be used',
  preview: 'The file could not be used',
  commit: 'Nothing was imported',
};

/**
 * What the wizard is doing now (progress) and why its last step failed, above every step. A commit
 * refused because the data (or the file) changed since the preview says so and offers to preview
 * again: the staged file, not sent again. A later preview that fails (the staged file is no longer
 * held) offers to choose the file again.
 */
export function WizardStatus({
  working,
  failed,
  afterFile,
  onPreviewAgain,
  onChooseAgain,
}: {
  working: Working | null;
  failed: Failed | null;
  /** The wizard is past the file step (there is a preview to go back to). */
  afterFile: boolean;
  onPreviewAgain(): void;
  onChooseAgain(): void;
}) {
  return (
    <>
      {working ? <Progress label={working.label} fraction={working.fraction} /> : null}
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
