import type { CliCommand } from '../command';
import { coreCommands } from './core';

/** Every CLI command; features add their own module here. */
export const commands: CliCommand[] = [...coreCommands];
