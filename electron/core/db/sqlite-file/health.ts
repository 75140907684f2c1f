import type BetterSqlite3 from 'better-sqlite3';

/** At most this many problems are quoted in a message (a badly damaged file can report thousands). */
const MAX_PROBLEMS = 5;

function problemsOf(rows: unknown[]): string[] {
  const lines = rows
    .flatMap((r) => String(Object.values(r as Record<string, unknown>)[0]).split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('***'));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines.slice(0, MAX_PROBLEMS);
}

/**
 * SQLite's quick check (every page readable, every b-tree well formed, NOT NULL and CHECK
 * constraints; not index contents): run each time the store opens. [] means sound.
 */
export function quickCheck(sqlite: BetterSqlite3.Database): string[] {
  return problemsOf(sqlite.pragma(`quick_check(${MAX_PROBLEMS})`) as unknown[]);
}

/**
 * The full check: everything quick_check does, plus every index against its table, plus every
 * foreign key. Run on every backup as it is written and on every file before it is restored.
 */
export function fullCheck(sqlite: BetterSqlite3.Database): string[] {
  const problems = problemsOf(sqlite.pragma(`integrity_check(${MAX_PROBLEMS})`) as unknown[]);
  if (problems.length > 0) return problems;
  const orphans = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  return orphans.slice(0, MAX_PROBLEMS).map((o) => `row ${o.rowid} of ${o.table} points to a missing row of ${o.parent}`);
}

/** SQLite's error codes for a damaged file. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
