import { z } from 'zod';

/** A contract method: its runtime request schema and (as a type only) its response. */
export interface MethodDef<Req extends z.ZodType, Res> {
  readonly request: Req;
  /** True when the method can change the database (used by fuzzing and the audit). */
  readonly mutates: boolean;
  readonly summary: string;
  /** Phantom field carrying the response type; never set at run time. */
  readonly __response?: Res;
}

export function query<Res>() {
  return <Req extends z.ZodType>(summary: string, request: Req): MethodDef<Req, Res> => ({ request, mutates: false, summary });
}

export function mutation<Res>() {
  return <Req extends z.ZodType>(summary: string, request: Req): MethodDef<Req, Res> => ({ request, mutates: true, summary });
}

export type ErrorKind = 'validation' | 'not_found' | 'conflict' | 'store' | 'unknown_method' | 'forbidden' | 'internal';

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
