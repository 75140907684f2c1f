import crypto from 'node:crypto';

/**
 * A record's version is a short hash of its whole stored row. A form sends back the version it
 * loaded; if the row changed since (another window, the CLI, an import), the hashes differ and the
 * change is refused as a conflict. A hash rather than `updated_at` because two changes can share a
 * timestamp (a fixed clock, or the same millisecond) and some tables have no timestamp at all.
 */
export function versionOf(row: object | null | undefined): string {
  return crypto
    .createHash('sha256')
    .update(row == null ? 'null' : JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    .digest('hex')
    .slice(0, 16);
}
