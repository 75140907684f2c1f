import pg from 'pg';

/** The channel the change-stamp trigger notifies, once per transaction that changed data. */
export const CHANGES_CHANNEL = 'hubdesk_changes';

/** How long to wait before listening again after the connection was lost. */
const RECONNECT_MS = 1_000;

/**
 * The backend process ids of a pool's connections: a notification from one of them is this
 * program's own commit (PostgreSQL names the notifying backend in every notification).
 */
export function trackOwnBackends(pool: pg.Pool): ReadonlySet<number> {
  const own = new Set<number>();
  const pidOf = (client: pg.PoolClient) => (client as unknown as { processID?: number }).processID;
  pool.on('connect', (client) => {
    const pid = pidOf(client);
    if (pid !== undefined) own.add(pid);
  });
  pool.on('remove', (client) => {
    const pid = pidOf(client);
    if (pid !== undefined) own.delete(pid);
  });
  return own;
}

/**
 * LISTENs for the store's change notifications on a connection of its own and calls `onChange` for
 * each commit that is not ours. When the connection is lost it listens again a second later and
 * calls `onChange` once, since a change may have been missed meanwhile.
 */
export async function listenForOthersChanges(url: string, own: ReadonlySet<number>, onChange: () => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('error', () => {});
    next.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && !own.has(message.processId)) onChange();
    });
    next.on('end', () => {
      if (stopped || client !== next) return;
      client = null;
      retry = setTimeout(() => void again(), RECONNECT_MS);
    });
    await next.connect();
    await next.query(`listen ${CHANGES_CHANNEL}`);
    client = next;
  };
  const again = async () => {
    retry = null;
    if (stopped) return;
    try {
      await connect();
      onChange();
    } catch {
      retry = setTimeout(() => void again(), RECONNECT_MS);
    }
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const last = client;
    client = null;
    await last?.end().catch(() => undefined);
  };
}
