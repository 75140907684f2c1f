/**
 * Store rows sent to the import worker as columns, one array per field: copying between threads
 * writes every property name of every object, so 25,000 rows as objects cost several times what
 * the same values cost as a few arrays.
 */
export interface Columns<T> {
  length: number;
  values: { [K in keyof T]: T[K][] };
}

export function toColumns<T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[]): Columns<Pick<T, K>> {
  const values = {} as { [P in K]: T[P][] };
  for (const key of keys) values[key] = rows.map((row) => row[key]);
  return { length: rows.length, values: values as Columns<Pick<T, K>>['values'] };
}

export function fromColumns<T extends object>(columns: Columns<T>): T[] {
  const keys = Object.keys(columns.values) as (keyof T)[];
  const rows: T[] = new Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const row = {} as T;
    for (const key of keys) row[key] = columns.values[key][i]!;
    rows[i] = row;
  }
  return rows;
}
