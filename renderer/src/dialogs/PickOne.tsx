import { Field } from '../components/forms/Field';

/**
 * Choose one record from a long list: type to filter, Enter picks the first match (when it is not
 * already the choice; then Enter saves), or pick from the list.
 */
export function PickOne<T extends { id: number }>(props: {
  label: string;
  message?: string | null;
  hint: string;
  /** The filter box's accessible name and placeholder. */
  find: string;
  placeholder: string;
  size: number;
  filter: string;
  onFilter(text: string): void;
  /** The records that match the filter. */
  options: T[];
  describe(option: T): string;
  noMatch: string;
  value: number | null;
  onChange(id: number): void;
}) {
  const { filter, options, value, onChange } = props;
  return (
    <Field label={props.label} message={props.message} hint={props.hint}>
      {(p) => (
        <>
          <input
            type="search"
            placeholder={props.placeholder}
            aria-label={props.find}
            value={filter}
            autoFocus
            onChange={(e) => props.onFilter(e.target.value)}
            onKeyDown={(e) => {
              const first = options[0];
              if (e.key === 'Enter' && first && first.id !== value) {
                e.preventDefault();
                onChange(first.id);
              }
            }}
          />
          <select {...p} size={props.size} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {props.describe(o)}
              </option>
            ))}
          </select>
          {options.length === 0 ? <span className="small muted">{props.noMatch}</span> : null}
        </>
      )}
    </Field>
  );
}
