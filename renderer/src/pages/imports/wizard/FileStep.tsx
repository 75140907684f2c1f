import { FileDrop } from '../FileDrop';
import { rolesNeeded, usePermissions } from '../../../state/person';
import type { ImportConfig, ImportYears, WizardPreview } from './config';
import type { useWizard } from './useWizard';

/** The first step: the import's options, its drop zone, and the optional companion file. */
export function FileStep<P extends WizardPreview, R, O>({ config, wizard, years }: { config: ImportConfig<P, R, O>; wizard: ReturnType<typeof useWizard<P, R, O>>; years: ImportYears }) {
  const busy = wizard.working !== null;
  // A person whose roles may not write this import is told so here, not after choosing a file.
  const permissions = usePermissions();
  const mayImport = permissions.can(config.commitMethod);
  const refused = permissions.roles !== null && !mayImport ? `Importing this file needs ${rolesNeeded(config.commitMethod)}.` : undefined;
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
      <FileDrop {...config.file.drop} onFile={(f) => void wizard.choose(f)} disabled={busy || !mayImport || config.canChoose?.(wizard.options) === false} refused={refused} />
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
            <FileDrop {...companion.drop} compact onFile={(f) => void wizard.chooseCompanion(f)} disabled={busy || !mayImport} refused={refused} />
          )}
        </div>
      ) : null}
    </section>
  );
}
