import { useEffect, useEffectEvent } from 'react';
import { Steps } from '../Steps';
import type { ImportConfig, WizardPreview } from './config';
import { useImportYears } from './years';
import { useWizard, type WizardStep } from './useWizard';
import { WizardStatus } from './WizardStatus';
import { FileStep } from './FileStep';
import { PreviewStep } from './PreviewStep';
import { DoneStep } from './DoneStep';
import { EncodingQuestion } from './EncodingQuestion';

/** Keys that mean something of their own where they are pressed: a control, or a dialog above the wizard. */
function ownsKey(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('dialog, button, a[href], input, select, textarea, summary, [role="button"], [role="radio"], [contenteditable="true"]'));
}

/**
 * The one import wizard: file → mapping (where the import has one) → preview → done, for every
 * import, each described by its configuration. Keyboard: Esc steps back (preview → mapping → file);
 * Enter commits from the preview once its summary has been on screen and nothing asked is
 * unanswered (a control keeps Enter for itself).
 */
export function ImportWizard<P extends WizardPreview, R, O>({ config, onUndone }: { config: ImportConfig<P, R, O>; onUndone(message: string): void }) {
  const years = useImportYears();
  const wizard = useWizard(config, years);
  const { step, preview, options, working } = wizard;
  const busy = working !== null;
  const steps: { key: WizardStep; label: string }[] = [
    { key: 'file', label: 'File' },
    ...(config.mapping ? [{ key: 'mapping' as const, label: config.mapping.label }] : []),
    { key: 'preview', label: 'Preview' },
    { key: 'done', label: 'Done' },
  ];

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape' && !(e.target instanceof Element && e.target.closest('dialog')) && step !== 'file') {
      e.preventDefault();
      wizard.back();
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const props = { options, years, busy, setOptions: wizard.setOptions, run: wizard.run, replan: (patch: Partial<O>) => void wizard.replan(patch) };
  const Mapping = config.mapping?.Step;

  return (
    <div className={`import-wizard ${config.key}-import`}>
      <Steps steps={steps} current={step} />
      <WizardStatus working={working} failed={wizard.failed} overtaken={wizard.overtaken} afterFile={step !== 'file'} onPreviewAgain={() => void wizard.replan({})} onChooseAgain={wizard.restart} />

      {step === 'file' ? <FileStep config={config} wizard={wizard} years={years} /> : null}

      {preview && (step === 'mapping' || step === 'preview')
        ? (config.encodings ?? []).map((ask) => {
            const fileName = ask.fileName(preview);
            return fileName === null ? null : (
              <EncodingQuestion
                key={fileName}
                fileName={fileName}
                choice={ask.choice(preview)}
                chosen={ask.chosen(options)}
                busy={busy}
                onChoose={(e) => void wizard.replan(ask.set(e))}
              />
            );
          })
        : null}

      {step === 'mapping' && preview && Mapping ? (
        <Mapping
          {...props}
          preview={preview}
          onBack={wizard.back}
          onContinue={(patch) => {
            if (patch) void wizard.replan(patch, 'preview');
            else wizard.setStep('preview');
          }}
        />
      ) : null}

      {step === 'preview' && preview ? (
        <PreviewStep
          config={config}
          {...props}
          preview={preview}
          ownsKey={ownsKey}
          overtaken={wizard.overtaken !== null}
          onBack={wizard.back}
          onCommit={() => void wizard.commit()}
        />
      ) : null}

      {step === 'done' && wizard.result !== null && preview ? (
        <DoneStep config={config} result={wizard.result} fileName={preview.fileName} onRestart={wizard.restart} onUndone={onUndone} />
      ) : null}
    </div>
  );
}
