import { z } from 'zod';
import type { ChangingRole, Role } from './roles';

/** A contract method: its runtime request schema and (as a type only) its response. */
export interface MethodDef<Req extends z.ZodType, Res> {
  readonly request: Req;
  /** True when the method can change the database (used by fuzzing and the audit). */
  readonly mutates: boolean;
  readonly summary: string;
  /** The roles that may call it (see roles.ts); dispatch refuses everyone else with `forbidden`. */
  readonly roles: readonly Role[];
  /** Phantom field carrying the response type; never set at run time. */
  readonly __response?: Res;
}

/** A method that reads: `query<Response>(access.everyone)(summary, requestSchema)`. */
export function query<Res>(roles: readonly Role[]) {
  return <Req extends z.ZodType>(summary: string, request: Req): MethodDef<Req, Res> => ({ request, mutates: false, summary, roles });
}

/** A method that may write; a Viewer changes nothing, so no mutation can name that role. */
export function mutation<Res>(roles: readonly ChangingRole[]) {
  return <Req extends z.ZodType>(summary: string, request: Req): MethodDef<Req, Res> => ({ request, mutates: true, summary, roles });
}

/** `unauthenticated`: a team server's call without a live session (sign in); `forbidden`: the person's roles may not call it. */
export type ErrorKind = 'validation' | 'not_found' | 'conflict' | 'store' | 'unknown_method' | 'unauthenticated' | 'forbidden' | 'internal';

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  kind: ErrorKind;
  message: string;
  issues?: ApiIssue[];
}

/** What every transport (IPC, HTTP, CLI) carries back. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly issues: ApiIssue[];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.kind = body.kind;
    this.issues = body.issues ?? [];
  }
}
