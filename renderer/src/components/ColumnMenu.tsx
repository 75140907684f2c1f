import { useRef } from 'react';
import type { ColumnGroupsState } from './columns';

/** "Columns": a check box per column group; what is chosen is remembered for the person. */
export function ColumnMenu({ label, state }: { label: string; state: ColumnGroupsState }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const shown = state.groups.filter((g) => g.shown).length;
  return (
    <details
      ref={ref}
      className="column-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          e.preventDefault();
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary aria-label={`Columns of ${label}: ${shown} of ${state.groups.length} groups shown`}>
        Columns <span className="small muted">{shown} of {state.groups.length}</span>
      </summary>
      <fieldset>
        <legend>Show in {label}</legend>
        {state.groups.map(({ group, shown: on }) => (
          <label key={group.id} className="check">
            <input type="checkbox" checked={on} onChange={(e) => state.toggle(group.id, e.target.checked)} /> {group.label}
          </label>
        ))}
        <button type="button" className="link-button" onClick={state.reset}>
          Back to the usual columns
        </button>
      </fieldset>
    </details>
  );
}
