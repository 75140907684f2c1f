import { useId, useRef, useState, type ReactNode } from 'react';
import { chartPng } from './png';
import { saveBlob } from '../components/download';

/**
 * A chart with its title, a plain-language note, and the table of its figures (shown below the
 * chart, or instead of it) so every number is readable without the picture.
 */
export function ChartCard(props: {
  title: string;
  /** What the chart shows, for the saved PNG: the hub (or the network) and the year. */
  context: string;
  note?: ReactNode;
  fileName: string;
  empty?: ReactNode;
  table: ReactNode;
  children: ReactNode;
  height?: number;
}) {
  const [tableOnly, setTableOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  async function savePng() {
    setError(null);
    try {
      if (chartRef.current) saveBlob(`${props.fileName}.png`, await chartPng(chartRef.current, { title: props.title, subtitle: props.context }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <section className="panel chart-card" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{props.title}</h2>
        {props.empty ? null : (
          <div className="page-actions">
            <button type="button" className="small-button" aria-pressed={tableOnly} onClick={() => setTableOnly((v) => !v)}>
              {tableOnly ? 'Show chart' : 'Table only'}
            </button>
            {tableOnly ? null : (
              <button type="button" className="small-button" onClick={savePng}>
                Save as PNG
              </button>
            )}
          </div>
        )}
      </div>
      {props.note ? <p className="hint chart-note">{props.note}</p> : null}
      {error ? <p className="form-error">{error}</p> : null}
      {props.empty ? (
        <div className="empty-state chart-empty">{props.empty}</div>
      ) : (
        <>
          {tableOnly ? null : (
            <div className="chart-area" ref={chartRef} style={{ height: props.height ?? 320 }} data-chart={props.fileName}>
              {props.children}
            </div>
          )}
          <div className="chart-table">{props.table}</div>
        </>
      )}
    </section>
  );
}
