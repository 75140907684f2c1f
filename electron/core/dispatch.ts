import { z } from 'zod';
import { contract, isMethodName, type Envelope, type ApiIssue } from '@shared/contract';
import type { CoreContext } from './context';
import { handlers } from './handlers';
import { HubdeskError } from './errors';
import { FileRefused } from './imports/files/refused';
import { plainStoreError } from './db/sqlite-file/plain-errors';
import { asPerson } from './person';

const MAX_ISSUES = 50;
/** A hostile payload can carry huge keys; messages quote them, so they are clipped. */
const MAX_TEXT = 160;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length} characters)` : text;
}

function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: clip(issue.path.map(String).join('.') || '(request)'),
    message: clip(issue.message),
  }));
}

/**
 * A failure that is not a refusal is a bug: its stack goes to the log (never the request, which can
 * hold personal data). Logging must not hide the failure itself: if the log cannot be written, the
 * caller still gets the error.
 */
function logInternal(ctx: CoreContext, method: string, error: unknown): void {
  try {
    ctx.log.internalError(method, error);
  } catch {
    // The log folder may be unwritable; the answer still reports the failure.
  }
}

/** The single door into the core: checks the method name and payload, then runs the handler. */
export async function dispatch(ctx: CoreContext, method: unknown, payload: unknown): Promise<Envelope> {
  if (!isMethodName(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 80)}"` : `of type ${typeof method}`;
    return { ok: false, error: { kind: 'unknown_method', message: `Unknown method ${shown}.` } };
  }
  const def = contract[method];
  const parsed = def.request.safeParse(payload === undefined ? {} : payload);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    const first = issues[0];
    return {
      ok: false,
      error: {
        kind: 'validation',
        message: `${method}: ${first ? `${first.path}: ${first.message}` : 'invalid request'}`,
        issues,
      },
    };
  }
  // Whatever is kept in memory from the store (funding, dashboards) is dropped before a mutation
  // runs and again when it has finished, whether it succeeded or not.
  if (def.mutates) ctx.store.bumpGeneration();
  try {
    // A change needs the data folder's lock (the command line takes it only now, so it can read
    // while the app is open); a live holder refuses it, naming the lock file.
    if (def.mutates) ctx.store.claimWrite();
    const handler = handlers[method] as (ctx: CoreContext, request: unknown) => Promise<unknown>;
    // A change is recorded under the person making it, never the computer's user name where a person is known.
    const value = await handler(def.mutates ? await asPerson(ctx) : ctx, parsed.data);
    return { ok: true, value };
  } catch (thrown) {
    // A full disk, a damaged file, a read-only folder: said in plain words.
    const error = plainStoreError(thrown, ctx.store.dataDir) ?? thrown;
    if (error instanceof HubdeskError) {
      if (error.kind === 'internal') logInternal(ctx, method, error);
      const details = error.details as { issues?: ApiIssue[] } | undefined;
      return { ok: false, error: { kind: error.kind, message: error.message, issues: details?.issues } };
    }
    // A file an import cannot read: the file layer's message says what the file is and what to do.
    if (error instanceof FileRefused) return { ok: false, error: { kind: 'validation', message: error.message } };
    logInternal(ctx, method, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { kind: 'internal', message: `${method} failed: ${message}` } };
  } finally {
    if (def.mutates) ctx.store.bumpGeneration();
  }
}
