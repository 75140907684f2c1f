/** A header cell: its text, a right-aligned number column's text, or a name only screen readers hear. */
export type HeadCell = string | { num: string } | { hidden: string };

/** The header row of a plain table (the sortable ones are DataTable). */
export function TableHead({ columns }: { columns: HeadCell[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c}>{c}</th>
          ) : 'num' in c ? (
            <th key={c.num} className="num">
              {c.num}
            </th>
          ) : (
            <th key={c.hidden}>
              <span className="visually-hidden">{c.hidden}</span>
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
