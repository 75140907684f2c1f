import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { teamServerAddress, type ConnectionChoice } from '@shared/desktop';

/** The file, in the app's own folder of the person's profile, that remembers where the data lives. */
export const CONNECTION_FILE = 'connection.json';

const savedChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }).strict(),
  z.object({ kind: z.literal('team'), server: z.string().max(2048) }).strict(),
]);

export interface SavedConnection {
  choice: ConnectionChoice | null;
  /** Why a file that exists could not be used: the person chooses again. */
  problem: string | null;
}

/** The saved choice; none before the first start, and none (with why) when the file is not one hubdesk wrote. */
export function readConnection(profileDir: string): SavedConnection {
  const file = path.join(profileDir, CONNECTION_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { choice: null, problem: null };
    return { choice: null, problem: `hubdesk could not read where its data is (${file}: ${(error as Error).message}). Choose again.` };
  }
  let parsed: z.infer<typeof savedChoice>;
  try {
    parsed = savedChoice.parse(JSON.parse(text));
  } catch {
    return { choice: null, problem: `The saved choice of where the data is (${file}) is not one hubdesk wrote. Choose again.` };
  }
  if (parsed.kind === 'local') return { choice: parsed, problem: null };
  const address = teamServerAddress(parsed.server);
  if (!address.ok) return { choice: null, problem: `The saved team server address cannot be used: ${address.message}` };
  return { choice: { kind: 'team', server: address.origin }, problem: null };
}

/**
 * Saves the choice so that it survives a crash mid-write (a new file renamed over the old) and
 * only the person can read it (the server's address says which organisation they work for).
 */
export function writeConnection(profileDir: string, choice: ConnectionChoice): void {
  fs.mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const file = path.join(profileDir, CONNECTION_FILE);
  const next = `${file}.${process.pid}.new`;
  fs.writeFileSync(next, `${JSON.stringify(choice, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(next, file);
}
