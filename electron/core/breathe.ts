/**
 * Lets other work waiting on the event loop run (a request for the page's code, a progress poll)
 * between the parts of a long computation: SQLite calls are synchronous, and promise steps alone do
 * not let a request in. Like a write by another connection (the command line), a change handled in
 * between may be seen by the parts read after it; such an answer is never kept (db/store-cache.ts).
 */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
