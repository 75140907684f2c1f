import type { ParseArgsConfig } from 'node:util';
import type { CoreContext } from '../core/context';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  /** The words that select it, e.g. ['import', 'roll']. */
  words: string[];
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Number of positional arguments after the command words. */
  positionals?: { min: number; max: number; names: string[] };
  /**
   * For a command that works on the store itself rather than through the core (bringing a shared
   * database's schema up to date): run instead of `run`, before any store is opened.
   */
  runOnStore?(where: { dataDir: string; databaseUrl: string | undefined }, args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: CliIo): Promise<number>;
  run(ctx: CoreContext, args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: CliIo): Promise<number>;
}

/** Thrown for a usage mistake: exit 2 with the usage text. */
export class UsageError extends Error {}
