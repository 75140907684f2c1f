import { teamServerAddress, type ConnectionChoice } from '@shared/desktop';
import type { SavedConnection } from './saved';

/** What the desktop app opens on: the local store, a team server, or the first-start choice. */
export type StartPlan = { mode: 'local' } | { mode: 'team'; origin: string } | { mode: 'setup'; problem: string | null; choice: ConnectionChoice | null };

export interface StartFacts {
  /** `--server URL` on the command line: this start only, not saved. */
  serverArg?: string;
  /** A data folder or database was named on the command line or in the environment: this start is local. */
  localNamed: boolean;
  /** The default data folder already holds a hubdesk database (someone used the app before there was a choice). */
  localDataExists: boolean;
  saved: SavedConnection;
}

/**
 * Named on the command line first, then the saved choice; someone who already keeps data on this
 * computer goes on doing so without being asked; otherwise the first start asks.
 */
export function planStart(facts: StartFacts): StartPlan {
  if (facts.serverArg !== undefined) {
    const address = teamServerAddress(facts.serverArg);
    return address.ok ? { mode: 'team', origin: address.origin } : { mode: 'setup', problem: `--server ${facts.serverArg}: ${address.message}`, choice: null };
  }
  if (facts.localNamed) return { mode: 'local' };
  const { choice, problem } = facts.saved;
  if (choice?.kind === 'team') return { mode: 'team', origin: choice.server };
  if (choice?.kind === 'local') return { mode: 'local' };
  if (facts.localDataExists && !problem) return { mode: 'local' };
  return { mode: 'setup', problem, choice: null };
}
