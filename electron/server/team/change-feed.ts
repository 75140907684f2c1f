import type http from 'node:http';

/** What a screen is told: the contract methods that changed data (or ANY_DATA, shared/live-changes.ts), and who made the change. */
export interface ChangeEvent {
  methods: string[];
  by: string;
}

const KEEP_ALIVE_MS = 25_000;

/**
 * Tells connected screens what changed, as server-sent events, naming the contract method of each
 * change so the screens refresh exactly what it writes. On SQLite the team server is the only
 * writer (it holds the data folder's lock from start to stop; the command line cannot write
 * meanwhile), so every change passes through its dispatch and is published from there: no polling,
 * and no false alarms from the server's own writes of sessions and sign-ins. With a PostgreSQL store
 * other programs may write too: their commits arrive as the store's notifications (others-changes.ts).
 */
export class ChangeFeed {
  private readonly clients = new Set<http.ServerResponse>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor() {
    // A comment line now and then keeps proxies from closing a quiet stream.
    this.keepAlive = setInterval(() => this.broadcast(': still here\n\n'), KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  subscribe(res: http.ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    // The browser reconnects after a second if the stream breaks.
    res.write('retry: 1000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  publish(change: ChangeEvent): void {
    this.broadcast(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
  }

  get listeners(): number {
    return this.clients.size;
  }

  private broadcast(text: string): void {
    for (const res of this.clients) res.write(text);
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
