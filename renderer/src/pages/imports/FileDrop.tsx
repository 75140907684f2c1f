import { useRef, useState, type DragEvent } from 'react';

/** Drag and drop, or a file dialog (keyboard: the button). */
export function FileDrop({ onFile, disabled }: { onFile(file: File): void; disabled?: boolean }) {
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
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
    >
      <p className="drop-title">Drop the membership roll here</p>
      <p className="hint">An Excel workbook (.xlsx) or a CSV file, as exported from the CRM or kept by hand.</p>
      <button type="button" className="primary" onClick={() => input.current?.click()} disabled={disabled}>
        Choose a file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,.csv,.txt"
        hidden
        aria-label="Roll file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
