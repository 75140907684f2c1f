import type { ParseArgsConfig } from 'node:util';
import type { MethodName, RequestOf, ResponseOf } from '@shared/contract';
import type { CoreContext } from '../core/context';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The core a command calls through the contract: this computer's store (through dispatch, as IPC
 * and HTTP do), or a team server (`--server URL`, over HTTPS with an API token). A failed call is
 * thrown as a CliCallError.
 */
export interface CliCore {
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
}

export type CliArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export interface CliCommand {
  /** The words that select it, e.g. ['import', 'roll']. */
  words: string[];
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Number of positional arguments after the command words. */
  positionals?: { min: number; max: number; names: string[] };
  /** Through the contract alone: runs on this computer's store, or against a team server with --server. */
  run?(core: CliCore, args: CliArgs, io: CliIo): Promise<number>;
  /**
   * Needs this computer's store itself (its files, its lock), not only the contract: refused with
   * --server, saying `localOnly` (why, and what to do instead).
   */
  runLocal?(ctx: CoreContext, args: CliArgs, io: CliIo): Promise<number>;
  /**
   * For a command that works on the store itself rather than through the core (bringing a shared
   * database's schema up to date): run before any store is opened. Refused with --server too.
   */
  runOnStore?(where: { dataDir: string; databaseUrl: string | undefined }, args: CliArgs, io: CliIo): Promise<number>;
  /** Why a runLocal or runOnStore command does not work against a team server. */
  localOnly?: string;
}

/** Thrown for a usage mistake: exit 2 with the usage text. */
export class UsageError extends Error {}
