import { isMethodName, methodNames } from '@shared/contract';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

/**
 * Any contract method by name, with its request as JSON: for scripts, on this computer's store or a
 * team server. The request is checked at the core's door like every other call; the answer is printed as JSON.
 */
const call: CliCommand = {
  words: ['call'],
  usage: 'hubdesk [--data DIR | --server URL] call METHOD [JSON]   call a contract method with a JSON request (default {}); prints the answer as JSON',
  options: {},
  positionals: { min: 1, max: 2, names: ['METHOD', '[JSON]'] },
  async run(core, { positionals }, io) {
    const [method, json = '{}'] = positionals as [string, string?];
    if (!isMethodName(method)) {
      const near = methodNames.filter((m) => m.toLowerCase().includes(method.toLowerCase())).slice(0, 5);
      throw new UsageError(`there is no contract method "${method}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
    }
    let request: unknown;
    try {
      request = JSON.parse(json);
    } catch (error) {
      throw new UsageError(`the request is not JSON: ${(error as Error).message}`);
    }
    const answer = await core.call(method, request as never);
    io.out(JSON.stringify(answer, null, 2));
    return 0;
  },
};

export const callCommands: CliCommand[] = [call];
