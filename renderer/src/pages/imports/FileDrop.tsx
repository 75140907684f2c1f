import { useRef, useState, type DragEvent } from 'react';

/** Drag and drop, or a file dialog (keyboard: the button), in the words of the file each import takes. */
/** `compact`: a smaller zone, for an optional second file. `refused`: why this person may not choose a file (shown instead of the hint). */
export function FileDrop({ title, hint, inputLabel, accept, onFile, disabled, compact, refused }: { title: string; hint: string; inputLabel: string; accept: string; onFile(file: File): void; disabled?: boolean; compact?: boolean; refused?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function drop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  return (
    <div
      className={`drop-zone${compact ? ' compact' : ''}${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
    >
      <p className="drop-title">{title}</p>
      <p className="hint">{refused ?? hint}</p>
      <button type="button" className={compact ? undefined : 'primary'} onClick={() => input.current?.click()} disabled={disabled} title={refused}>
        Choose a file…
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={inputLabel}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
