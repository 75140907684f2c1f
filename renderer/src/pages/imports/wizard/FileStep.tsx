import { FileDrop } from '../FileDrop';
import type { ImportConfig, ImportYears, WizardPreview } from './config';
import type { useWizard } from './useWizard';

/** The first step: the import's options, its drop zone, and the optional companion file. */
export function FileStep<P extends WizardPreview, R, O>({ config, wizard, years }: { config: ImportConfig<P, R, O>; wizard: ReturnType<typeof useWizard<P, R, O>>; years: ImportYears }) {
  const busy = wizard.working !== null;
  const Options = config.FileOptions;
  const companion = config.companion;
  return (
    <section className="panel" aria-labelledby={`${config.key}-file-title`}>
      <h2 id={`${config.key}-file-title`}>{config.file.title}</h2>
      {Options ? (
        <div className="import-options">
          <Options options={wizard.options} years={years} busy={busy} setOptions={wizard.setOptions} />
        </div>
      ) : null}
      <FileDrop {...config.file.drop} onFile={(f) => void wizard.choose(f)} disabled={busy || config.canChoose?.(wizard.options) === false} />
      {companion ? (
        <div className="companion-file">
          {wizard.companion ? (
            <p>
              {companion.name}: <strong>{wizard.companion.fileName}</strong>, read with the file above.{' '}
              <button type="button" className="link-button" onClick={wizard.dropCompanion} disabled={busy}>
                Leave it out
              </button>
            </p>
          ) : (
            <FileDrop {...companion.drop} compact onFile={(f) => void wizard.chooseCompanion(f)} disabled={busy} />
          )}
        </div>
      ) : null}
    </section>
  );
}
