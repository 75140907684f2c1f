/** The membership year an import is for; `describe` adds a note to a year (the roll's "(new year)"). */
export function YearSelect({ years, value, onChange, label, describe }: { years: string[]; value: string; onChange(year: string): void; label: string; describe?(year: string): string }) {
  return (
    <label className="field-inline">
      <span>Membership year</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
            {describe?.(y) ?? ''}
          </option>
        ))}
      </select>
    </label>
  );
}
