import { z } from 'zod';
import { teamServerAddress, type ChooseAnswer, type ConnectionChoice } from '@shared/desktop';
import { writeConnection } from './saved';

const choicePayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }).strict(),
  z.object({ kind: z.literal('team'), server: z.string().max(2048) }).strict(),
]);

export interface ChooserDeps {
  profileDir: string;
  /** Whether a hubdesk team server answers at the origin, with a trusted certificate. */
  probe(origin: string): Promise<ChooseAnswer>;
  /** Starts the app again on the saved choice. */
  restart(): void;
}

/**
 * The window's request to change where the data lives: checked (a team server must answer, over
 * HTTPS with a certificate this computer trusts) before it is saved, and saved before the restart.
 * A refused choice leaves the saved one as it was.
 */
export function connectionChooser(deps: ChooserDeps): (payload: unknown) => Promise<ChooseAnswer> {
  return async (payload) => {
    const parsed = choicePayload.safeParse(payload);
    if (!parsed.success) return { ok: false, message: 'The choice of where the data is was not understood (it must be this computer, or a team server’s address).' };
    let choice: ConnectionChoice = parsed.data;
    if (choice.kind === 'team') {
      const address = teamServerAddress(choice.server);
      if (!address.ok) return address;
      const answer = await deps.probe(address.origin);
      if (!answer.ok) return answer;
      choice = { kind: 'team', server: address.origin };
    }
    try {
      writeConnection(deps.profileDir, choice);
    } catch (error) {
      return { ok: false, message: `hubdesk could not save the choice in ${deps.profileDir}: ${(error as Error).message}` };
    }
    deps.restart();
    return { ok: true };
  };
}
