/**
 * SQLite refuses a statement with more than 32,766 bound parameters, so a list that grows with the
 * network (schools, URNs, names) is never bound whole: it is sent in chunks of at most this many.
 */
export const IN_LIST_CHUNK = 5_000;

export function chunked<T>(values: readonly T[], size = IN_LIST_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Runs `query` once per chunk of `values` (none when empty) and concatenates the rows, chunk by chunk. */
export async function inChunks<T, R>(values: readonly T[], query: (chunk: T[]) => Promise<R[]>, size = IN_LIST_CHUNK): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunked(values, size)) {
    const rows = await query(chunk);
    for (const r of rows) out.push(r);
  }
  return out;
}
